"""A ledger on a network drive or share is refused for use, because SQLite's WAL can damage it
there: detection from the mount table (Linux) and the drive type or UNC path (Windows), faked at
the boundary to the operating system; backups and read-only use are not refused."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

import pytest

from desktop.domain.people import Person
from desktop.storage import file_system, integrity
from desktop.storage.backups import BackupReason, make_backup
from desktop.storage.database import NetworkDriveError, open_database
from desktop.storage.file_system import is_network_path, parse_mountinfo, parse_mounts
from desktop.storage.integrity import network_refusal
from desktop.storage.ledger import Ledger
from desktop.storage.restore import restore_backup


def mountinfo(root: Path) -> str:
    """A mount table as Linux writes it: ext4 at /, a Samba share below root, a local disk
    mounted inside the share, NFS under a folder with a space in its name, and a folder mounted
    twice (the second over the first)."""
    escaped = str(root).replace(" ", "\\040")
    return "\n".join(
        (
            "22 27 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:5 - proc proc rw",
            "27 1 254:0 / / rw,relatime shared:1 - ext4 /dev/sda2 rw,errors=remount-ro",
            f"60 27 0:50 / {root}/share rw,relatime shared:30 - cifs //nas/台账 rw,vers=3.1.1",
            f"61 60 8:17 / {root}/share/local rw,relatime shared:31 - ext4 /dev/sdb1 rw",
            f"62 27 0:51 / {escaped}/li\\040na/nfs rw,relatime - nfs4 server:/export rw,vers=4.2",
            f"63 27 0:52 / {root}/twice rw,relatime - nfs server:/old rw",
            f"64 63 8:33 / {root}/twice rw,relatime - ext4 /dev/sdc1 rw",
            f"65 27 0:53 / {root}/sshfs rw,nosuid,nodev,relatime - fuse.sshfs li@host: rw",
        )
    )


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path, with the mount table above in place of the system's (on any system)."""
    monkeypatch.setattr(file_system, "_system", lambda: "linux")
    monkeypatch.setattr(file_system, "_mount_table", lambda: parse_mountinfo(mountinfo(tmp_path)))
    (tmp_path / "share" / "local").mkdir(parents=True)
    return tmp_path


def test_the_mount_holding_the_path_decides(root: Path) -> None:
    assert is_network_path(root / "share" / "onethird.db") == "cifs"
    assert is_network_path(root / "share") == "cifs"
    assert is_network_path(root / "share" / "local" / "onethird.db") is None  # ext4 inside
    assert is_network_path(root / "shared" / "onethird.db") is None  # not below share/
    assert is_network_path(root / "onethird.db") is None
    assert is_network_path(root / "li na" / "nfs" / "台账.db") == "nfs4"  # \040 is a space
    assert is_network_path(root / "twice" / "onethird.db") is None  # the later mount wins
    assert is_network_path(root / "sshfs" / "onethird.db") == "fuse.sshfs"


def test_a_file_not_made_yet_is_judged_by_the_folder_it_would_be_in(root: Path) -> None:
    new = root / "share" / "新建" / "下一级" / "onethird.db"
    assert not new.parent.exists()
    assert is_network_path(new) == "cifs"
    assert is_network_path(root / "share" / "local" / "新建" / "onethird.db") is None


def test_a_link_on_the_local_disk_to_the_share_is_followed(root: Path) -> None:
    (root / "link").symlink_to(root / "share", target_is_directory=True)
    assert is_network_path(root / "link" / "onethird.db") == "cifs"
    (root / "ledger.db").symlink_to(root / "share" / "onethird.db")
    assert is_network_path(root / "ledger.db") == "cifs"


def test_proc_mounts_is_read_the_same_way() -> None:
    table = parse_mounts(
        "/dev/sda2 / ext4 rw,relatime 0 0\n"
        "//nas/share /mnt/my\\040share smb3 rw,vers=3.1.1 0 0\n"
        "server:/export /srv/nfs/ nfs rw 0 0\n"
    )
    assert table == [("/", "ext4"), ("/mnt/my share", "smb3"), ("/srv/nfs", "nfs")]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads this system's mounts")
def test_the_system_mount_table_is_read() -> None:
    table = file_system._mount_table()
    assert "/" in [mount_point for mount_point, _ in table]
    assert any(kind == "proc" for _, kind in table)


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Windows, with Z: a mapped network drive and C: a local disk; the roots asked about."""
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return file_system.DRIVE_REMOTE if root.upper() == "Z:\\" else 3  # DRIVE_FIXED

    monkeypatch.setattr(file_system, "_system", lambda: "windows")
    monkeypatch.setattr(file_system, "_drive_type", drive_type)
    return asked


def test_windows_a_mapped_network_drive_is_told_by_its_drive_type(windows: list[str]) -> None:
    assert is_network_path("Z:\\台账\\onethird.db") == "Z:"
    assert is_network_path("z:/台账/onethird.db") == "Z:"
    assert is_network_path("\\\\?\\Z:\\台账\\onethird.db") == "Z:"
    assert is_network_path("C:\\Users\\李娜\\AppData\\Local\\OneThird\\onethird.db") is None
    assert is_network_path("\\\\?\\C:\\onethird.db") is None
    assert windows == ["Z:\\", "Z:\\", "Z:\\", "C:\\", "C:\\"]


def test_windows_a_unc_path_is_a_network_share(windows: list[str]) -> None:
    assert is_network_path("\\\\nas\\台账\\onethird.db") == "\\\\nas\\台账"
    assert is_network_path("//nas/台账/onethird.db") == "\\\\nas\\台账"
    assert is_network_path("\\\\?\\UNC\\nas\\台账\\onethird.db") == "\\\\nas\\台账"
    assert windows == []  # no drive to ask about


def test_other_systems_are_not_detected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_system, "_system", lambda: "darwin")
    monkeypatch.setattr(file_system, "_mount_table", lambda: [("/", "nfs")])
    assert is_network_path("/Volumes/share/onethird.db") is None


def _files(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else ""
        for p in sorted(folder.rglob("*"))
    }


def test_opening_a_ledger_on_a_share_is_refused_and_nothing_is_made(root: Path) -> None:
    db = root / "share" / "新建" / "onethird.db"
    with pytest.raises(NetworkDriveError) as refused:
        open_database(db)
    said = refused.value.message("zh")
    assert f"数据库文件“{db}”在网络驱动器或共享文件夹上（cifs），没有打开" in said
    assert "请把数据库文件放在本机硬盘上" in said and "报送文件" in said
    assert "network drive or share (cifs)" in refused.value.message("en")
    assert not db.parent.exists()


def test_an_existing_ledger_on_a_share_is_refused_untouched_yet_read_only_use_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    db = share / "onethird.db"
    with Ledger.open(db) as ledger:
        ledger.add_person(Person("张伟"))
    before = _files(share)
    monkeypatch.setattr(file_system, "_system", lambda: "linux")
    monkeypatch.setattr(file_system, "_mount_table", lambda: [("/", "ext4"), (str(share), "cifs")])
    with pytest.raises(NetworkDriveError):
        Ledger.open(db)
    assert isinstance(network_refusal(db), NetworkDriveError)
    assert _files(share) == before
    # a file that cannot be written there is opened read-only, which takes no write locks
    monkeypatch.setattr(integrity, "_writable", lambda path: False)
    assert network_refusal(db) is None
    with Ledger.open_read_only(db) as ledger:
        assert [p.name for p in ledger.persons()] == ["张伟"]


def test_a_backup_kept_on_a_share_is_restored_to_the_local_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "local" / "onethird.db"
    with Ledger.open(db) as ledger:
        ledger.add_person(Person("张伟"))
    share = tmp_path / "share"
    share.mkdir()
    copy = share / "onethird-备份.db"
    shutil.copyfile(make_backup(db, BackupReason.MANUAL).path, copy)
    with Ledger.open(db) as ledger:
        ledger.add_person(Person("李娜"))
    monkeypatch.setattr(file_system, "_system", lambda: "linux")
    monkeypatch.setattr(file_system, "_mount_table", lambda: [("/", "ext4"), (str(share), "cifs")])
    assert is_network_path(copy) == "cifs"
    restore_backup(db, copy)
    with Ledger.open(db) as ledger:
        assert [p.name for p in ledger.persons()] == ["张伟"]


def test_the_real_temporary_folder_is_not_taken_for_a_share(tmp_path: Path) -> None:
    if os.name != "nt" and not sys.platform.startswith("linux"):
        pytest.skip("not detected on this system")
    assert is_network_path(tmp_path / "onethird.db") is None
