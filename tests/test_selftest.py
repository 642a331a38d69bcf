"""`onethird-cli self-test` and `onethird --self-test` run from source as a user runs them, and
what the self-test says when something is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop import paths, selftest
from desktop.reports.pdf_readback import PdfFont, PdfReadback

BIN = Path(sys.executable).parent


def _run(command: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def _command(script: str, module: str) -> list[str]:
    found = shutil.which(script, path=str(BIN))
    return [found] if found else [sys.executable, "-m", module]


def test_cli_self_test_passes_and_leaves_the_database_alone(tmp_path: Path) -> None:
    db = tmp_path / "not-a-database.db"
    db.write_text("a text file where the ledger should be", encoding="utf-8")
    done = _run(_command("onethird-cli", "desktop.cli.main"), "--db", str(db), "self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("OneThird ") and "自检" in lines[0]
    checks = ("资源文件", "工作日历", "示例台账", "个人月报 PDF", "汇总通报 PDF", "汇总通报 XLSX")
    for name in checks:
        assert any(line.startswith(f"ok   {name}") for line in lines), name
    assert "NotoSansSC-Regular" in done.stdout and "文字可读回" in done.stdout
    assert lines[-1].startswith("自检通过：6 项")
    assert db.read_text(encoding="utf-8").startswith("a text file")


def test_cli_self_test_in_english_keeps_what_it_made(tmp_path: Path) -> None:
    done = _run(
        _command("onethird-cli", "desktop.cli.main"),
        *("--lang", "en", "--today", "2026-10-20", "self-test", "--keep", str(tmp_path)),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].startswith("self-test passed: 6 checks")
    assert (tmp_path / selftest.DB_NAME).is_file()
    assert (tmp_path / "circular.pdf").read_bytes().startswith(b"%PDF-")
    assert len(list(tmp_path.glob("2026-10-*.pdf"))) == 1  # the monthly report of October


def test_cli_self_test_does_not_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from desktop.cli.main import main; "
        f"code = main(['self-test', '--keep', r'{tmp_path}']); "
        "print('QT', 'PySide6' in sys.modules, code)"
    )
    done = _run([sys.executable, "-c", code])
    assert "QT False 0" in done.stdout, done.stdout + done.stderr


def test_gui_self_test_passes_offscreen() -> None:
    done = _run(_command("onethird", "desktop.ui.app"), "--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for name in ("中文字形", "界面翻译", "程序图标", "主窗口", "个人月报 PDF", "汇总通报 PDF"):
        assert any(line.startswith(f"ok   {name}") for line in lines), name
    assert "Noto Sans SC" in done.stdout and "3 幅图表" in done.stdout
    assert lines[-1].startswith("自检通过：10 项")
    assert "Traceback" not in done.stderr


def test_failures_are_named_and_the_rest_still_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy without its icon, and PDFs whose font is not embedded: each check says so, the
    others still report, and the last line names the failed ones."""
    copy = tmp_path / "resources"
    shutil.copytree(paths.resources_dir(), copy, ignore=shutil.ignore_patterns("icons"))
    monkeypatch.setattr(paths, "resources_dir", lambda: copy)
    bare = [PdfFont("STSong-Light", subset=False, embedded=False, program="")]
    monkeypatch.setattr(PdfReadback, "fonts", lambda self: bare)
    said: list[str] = []
    code = selftest.run("en", date(2026, 10, 20), tmp_path / "out", write=said.append)
    assert code == selftest.EXIT_FAILED
    failed = [line for line in said if line.startswith("FAIL")]
    assert [line.split(":")[0] for line in failed] == [
        "FAIL resources",
        "FAIL monthly report PDF",
        "FAIL circular PDF",
    ]
    assert "onethird.png" in failed[0]
    assert "NotoSansSC is not embedded in the PDF" in failed[1]
    assert any(line.startswith("ok   circular XLSX") for line in said)
    assert said[-1] == "self-test FAILED: resources, monthly report PDF, circular PDF"


def test_a_check_that_breaks_is_reported_not_raised() -> None:
    said: list[str] = []
    t = selftest.SelfTest("en", said.append)
    assert not t.check("calendar", lambda: str(1 / 0))
    assert t.check("ledger", lambda: "fine")
    assert said[0].startswith("FAIL work calendar: ZeroDivisionError: division by zero")
    assert t.finish() == selftest.EXIT_FAILED
