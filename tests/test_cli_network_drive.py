"""onethird-cli refuses a ledger on a network drive or share, before anything there is read, made
or changed, with a message that says to keep it on the local disk and exchange report files.
Run in this process, the mount table faked at the boundary to the operating system."""

from __future__ import annotations

import hashlib
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.domain.people import Person
from desktop.storage import file_system, integrity
from desktop.storage.ledger import Ledger

REFUSED = 1


@pytest.fixture(autouse=True)
def _own_sigint() -> Iterator[None]:
    """main() installs its Ctrl-C handler; the test run gets its own back."""
    before = signal.getsignal(signal.SIGINT)
    yield
    signal.signal(signal.SIGINT, before)


@pytest.fixture
def share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder the mount table says is a Samba share; a ledger made there beforehand."""
    monkeypatch.setenv("ONETHIRD_DATA_DIR", str(tmp_path / "user-data"))
    folder = tmp_path / "share"
    folder.mkdir()
    with Ledger.open(folder / "onethird.db") as ledger:
        ledger.add_person(Person("张伟"))
    table = [("/", "ext4"), (str(folder), "cifs"), (str(tmp_path / "nfs"), "nfs4")]
    monkeypatch.setattr(file_system, "_system", lambda: "linux")
    monkeypatch.setattr(file_system, "_mount_table", lambda: table)
    return folder


def _files(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.iterdir())
    }


def test_a_new_database_on_a_share_is_not_made(
    share: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nfs" / "台账" / "onethird.db"
    assert main(["--db", str(db), "init"]) == REFUSED
    err = capsys.readouterr().err
    assert err.startswith(
        f"错误：数据库：数据库文件“{db}”在网络驱动器或共享文件夹上（nfs4），没有打开。"
    )
    assert "SQLite 数据库不能放在网络共享上使用，否则可能损坏数据" in err
    assert "请把数据库文件放在本机硬盘上，各单位之间请通过报送文件交换数据" in err
    assert "Traceback" not in err
    assert not (tmp_path / "nfs").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["person", "add", "李娜"],
        ["summary", "--period", "2026-11"],
        ["backup"],
        ["restore", "1"],
    ],
)
def test_a_ledger_on_a_share_is_refused_and_left_as_it_was(
    share: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    db = share / "onethird.db"
    before = _files(share)
    assert main(["--db", str(db), *command]) == REFUSED
    err = capsys.readouterr().err
    assert f"数据库文件“{db}”在网络驱动器或共享文件夹上（cifs）" in err
    assert "Traceback" not in err
    assert _files(share) == before  # no -wal, no lock file, no backups folder


def test_the_refusal_in_english(share: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = share / "onethird.db"
    assert main(["--db", str(db), "--lang", "en", "person", "add", "李娜"]) == REFUSED
    err = capsys.readouterr().err
    assert err.startswith(f"error: database: the database file '{db}' is on a network drive")
    assert "keep the database file on this computer's own disk" in err


def test_looking_at_it_is_not_refused(share: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = share / "onethird.db"
    assert main(["--db", str(db), "check"]) == 0
    assert main(["--db", str(db), "backup", "list"]) == 0
    assert "网络驱动器" not in capsys.readouterr().err


def test_a_ledger_that_cannot_be_written_there_is_read(
    share: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(integrity, "_writable", lambda path: False)  # a share mounted read-only
    db = share / "onethird.db"
    assert main(["--db", str(db), "summary", "--period", "2026-11"]) == 0
    assert "张伟" in capsys.readouterr().out
    assert main(["--db", str(db), "person", "add", "李娜"]) == REFUSED
    assert "只读" in capsys.readouterr().err
