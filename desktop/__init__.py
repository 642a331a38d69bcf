"""OneThird (三分之一招商台账): investment-promotion effort ledger."""

from desktop import paths


def _version() -> str:
    """The version is written in one place, pyproject.toml. A bundle carries the copy build.spec
    took of it (resources/VERSION); a source tree reads it there; an installed wheel has it in
    its metadata."""
    stamped = paths.resource("VERSION")
    if stamped.is_file():
        return stamped.read_text(encoding="utf-8").strip()
    pyproject = paths.app_root() / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        if project.get("name") == "onethird":
            return str(project["version"])
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("onethird")
    except PackageNotFoundError:
        return "0.0.0"


_known: dict[str, str] = {}


def __getattr__(name: str) -> str:
    """`desktop.__version__`, read the first time it is asked for (tomllib is not loaded by a
    command that never shows the version)."""
    if name != "__version__":
        raise AttributeError(name)
    if name not in _known:
        _known[name] = _version()
    return _known[name]
