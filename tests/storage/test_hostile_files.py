"""A folder of hostile report files beside three good ones: the good are taken in, every bad one
is refused with its reason, the run says so in its exit code, and memory stays bounded. The bad
ones are signed with a registered unit's own key, so each is stopped by its limit, not by the
signature."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest

from desktop.storage import keys
from desktop.storage.report_file import MANIFEST
from desktop.storage.signatures import canonical
from tests.storage.units import open_ledger

GOOD = ("张伟", "李娜", "王强")


def _parts(genuine: Path) -> tuple[dict[str, bytes], dict[str, Any]]:
    with zipfile.ZipFile(genuine) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    manifest = json.loads(parts.pop(MANIFEST))
    manifest.pop("signature")
    return parts, manifest


def _write(target: Path, parts: dict[str, bytes], manifest: dict[str, Any], db: Path,
           members: list[zipfile.ZipInfo] | None = None) -> Path:  # fmt: skip
    import hashlib

    for name, data in parts.items():
        manifest["parts"][name] = {"sha256": hashlib.sha256(data).hexdigest()}
    with open_ledger(db) as led:
        pair = keys.own_key(led.db)
    body = {**manifest, "signature": pair.sign(canonical(manifest))}
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name the attack needs
        for name, data in parts.items():
            z.writestr(name, data)
        for info in members or []:
            z.writestr(info, b"x" * 10)
        z.writestr(MANIFEST, json.dumps(body, ensure_ascii=False))
    target.write_bytes(_encrypt_flag(buffer.getvalue(), b"extra.bin"))
    return target


def _encrypt_flag(data: bytes, member: bytes) -> bytes:
    """Mark one member encrypted in the zip's directory, as a password-protected zip has it."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        name_len = int.from_bytes(out[at + 28 : at + 30], "little")
        if bytes(out[at + 46 : at + 46 + name_len]) == member:
            out[at + 8] |= 0x1
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


PEAK = """
import sys
from desktop.cli.main import main
code = main(sys.argv[1:])
for line in open("/proc/self/status"):
    if line.startswith("VmHWM"):
        print("PEAK", int(line.split()[1]) // 1024, file=sys.stderr)
sys.exit(code)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for peak memory")
def test_hostile_files_are_refused_one_by_one_beside_good_ones(
    units: dict[str, Path], out: Path, office: Any, tmp_path: Path
) -> None:
    office.close()
    folder = tmp_path / "inbox"
    folder.mkdir()
    good = [next(out.rglob(f"*{name}.otr")) for name in GOOD]
    for g in good:
        (folder / g.name).write_bytes(g.read_bytes())
    base = next(out.rglob("*张伟.otr"))
    db = units["市人民政府"]
    bad: dict[str, str] = {}

    def variant(label: str, says: str, change: Any, members: Any = None) -> None:
        parts, manifest = _parts(base)
        change(parts, manifest)
        manifest["report_id"] = label.ljust(32, "0")[:32]
        _write(folder / f"bad-{label}.otr", parts, manifest, db, members)
        bad[f"bad-{label}.otr"] = says

    def deep(parts: dict[str, bytes], m: dict[str, Any]) -> None:
        parts["entries.json"] = b'{"entries": ' + b"[" * 5000 + b"]" * 5000 + b"}"

    def digits(parts: dict[str, bytes], m: dict[str, Any]) -> None:
        parts["entries.json"] = b'{"entries": [], "x": ' + b"9" * 5000 + b"}"

    def revision(parts: dict[str, bytes], m: dict[str, Any]) -> None:
        m["revision"] = 2**63

    def moment(parts: dict[str, bytes], m: dict[str, Any]) -> None:
        m["submitted_at"] = "9999-12-31T23:59:59-12:00"

    def bomb(parts: dict[str, bytes], m: dict[str, Any]) -> None:
        parts["report.pdf"] = b"\0" * (200 * 2**20)  # deflates to a fifth of a megabyte

    def twice(parts: dict[str, bytes], m: dict[str, Any]) -> None:
        pass

    variant("deep", "JSON", deep)
    variant("digits", "JSON", digits)
    variant("revision", "revision", revision)
    variant("moment", "submitted_at", moment)
    variant("bomb", "太大", bomb)
    encrypted = zipfile.ZipInfo("extra.bin")
    encrypted.flag_bits |= 0x1
    variant("encrypted", "encrypted", twice, [encrypted])
    variant("twice", "a member name twice", twice, [zipfile.ZipInfo("entries.json")])
    fifo = folder / "bad-fifo.otr"
    os.mkfifo(fifo)
    cli = [sys.executable, "-c", PEAK, "--db", str(tmp_path / "office.db"), "--today",
           "2026-11-20", "intake", str(folder), str(fifo)]  # fmt: skip
    done = subprocess.run(cli, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines() + done.stderr.splitlines()
    for g in good:
        line = next(x for x in lines if x.startswith(g.name))
        assert "已接收" in line, line
    for name, says in bad.items():
        line = next(x for x in lines if x.startswith(name))
        assert "未导入" in line and says in line, line
    fifo_line = next(x for x in lines + done.stderr.splitlines() if "bad-fifo.otr" in x)
    assert "不是普通文件" in fifo_line
    peak = int(done.stderr.split("PEAK", 1)[1].split()[0])
    assert peak < 300, f"peak memory {peak} MB"
