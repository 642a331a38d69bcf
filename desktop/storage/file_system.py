"""Is a file on a network file system? SQLite's WAL keeps its index in a shared-memory file
(`-shm`) that every connection maps, and relies on the file system's locks to keep writers apart;
a network file system (SMB, NFS, …) gives neither reliably, so a ledger used there can be damaged
when two computers open it. `is_network_path` tells where the file (or, for a file not made yet,
its folder) lives, so that the ledger can be refused there.

- Linux: the mount holding the path (the longest mount point that contains it, after symlinks are
  resolved) in `/proc/self/mountinfo` (`/proc/mounts` as a fallback), judged by its file-system
  type (`NETWORK_TYPES`).
- Windows: a UNC path (`\\\\server\\share\\…`) is a network share; a drive letter is one when
  `GetDriveTypeW` says DRIVE_REMOTE (a mapped network drive).
- Other systems (macOS, the BSDs): not detected (`statfs` differs by system and release, and
  `statvfs` does not name the file system); `None`.

The operating system is asked only by `_mount_table` and `_drive_type`, which tests replace."""

from __future__ import annotations

import ntpath
import os
import re
import sys

# File-system types (as /proc/self/mountinfo names them) of file systems served by another
# computer, whose locking and shared memory SQLite cannot rely on:
NETWORK_TYPES = frozenset(
    (
        # Windows shares (Samba, a Windows server, a NAS): the kernel's SMB client, old and new
        "cifs", "smb3", "smbfs", "fuse.smbnetfs",
        # NFS
        "nfs", "nfs4",
        # NetWare, AFS/OpenAFS, Coda
        "ncpfs", "ncp", "afs", "coda",
        # the Plan 9 protocol: shared folders of virtual machines, WSL 2's Windows drives
        "9p",
        # over SSH, WebDAV (a NAS's or a cloud's web folder), and cloud storage through rclone
        "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs",
        # the desktops' folders for remote places (smb://, sftp://, dav://)
        "fuse.gvfsd-fuse", "fuse.kio-fuse",
        # cluster file systems served over the network
        "glusterfs", "fuse.glusterfs", "ceph", "fuse.ceph", "fuse.ceph-fuse", "lustre", "gpfs",
    )
)  # fmt: skip

DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive

_ESCAPED = re.compile(r"\\([0-7]{3})")  # mountinfo writes space, tab, newline, \ as \040 …


def is_network_path(path: os.PathLike[str] | str) -> str | None:
    """The kind of network file system the file at path lives on ("cifs", "nfs4", "Z:",
    "\\\\server\\share"), or None when it is on a local disk or cannot be told."""
    system = _system()
    if system == "windows":
        return _windows_kind(ntpath.realpath(os.fspath(path)))
    if system == "linux":
        return _linux_kind(os.path.realpath(path), _mount_table())
    return None


def _system() -> str:
    if os.name == "nt":
        return "windows"
    return "linux" if sys.platform.startswith("linux") else sys.platform


def _linux_kind(path: str, table: list[tuple[str, str]]) -> str | None:
    """The type of the mount holding path, when it is a network one. Of equal mount points the
    last listed is the one mounted over the others, so the one in effect."""
    best, fs_type = "", ""
    for mount_point, kind in table:
        inside = mount_point == "/" or path == mount_point or path.startswith(mount_point + "/")
        if inside and len(mount_point) >= len(best):
            best, fs_type = mount_point, kind
    return fs_type if fs_type in NETWORK_TYPES else None


def _unescape(field: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 8)), field)


def _mount_table() -> list[tuple[str, str]]:
    """(mount point, file-system type) of every mount this process sees, in the kernel's order."""
    for name, parse in (("/proc/self/mountinfo", parse_mountinfo), ("/proc/mounts", parse_mounts)):
        try:
            with open(name, encoding="utf-8", errors="surrogateescape") as f:
                table = parse(f.read())
        except OSError:
            continue
        if table:
            return table
    return []


def parse_mountinfo(text: str) -> list[tuple[str, str]]:
    """The mounts of /proc/self/mountinfo: `id parent major:minor root MOUNT-POINT options
    [optional fields…] - TYPE source super-options`."""
    table = []
    for line in text.splitlines():
        head, sep, tail = line.partition(" - ")
        fields, rest = head.split(), tail.split()
        if sep and len(fields) >= 5 and rest:
            table.append((_unescape(fields[4]).rstrip("/") or "/", rest[0]))
    return table


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """The mounts of /proc/mounts: `source MOUNT-POINT TYPE options 0 0`."""
    rows = [line.split() for line in text.splitlines()]
    return [(_unescape(r[1]).rstrip("/") or "/", r[2]) for r in rows if len(r) >= 3]


def _windows_kind(path: str) -> str | None:
    """The share (\\\\server\\share) of a UNC path, or the drive (Z:) of a mapped network drive."""
    text = path.replace("/", "\\")
    for prefix in ("\\\\?\\UNC\\", "\\\\.\\UNC\\"):
        if text[: len(prefix)].upper() == prefix:
            text = "\\\\" + text[len(prefix) :]
    if text.startswith(("\\\\?\\", "\\\\.\\")):
        text = text[4:]  # \\?\C:\… : the drive's own path
    if text.startswith("\\\\"):
        server, _, rest = text[2:].partition("\\")
        share = rest.split("\\", 1)[0]
        return f"\\\\{server}\\{share}" if share else f"\\\\{server}"
    drive = ntpath.splitdrive(text)[0].upper()
    if len(drive) == 2 and drive[1] == ":" and _drive_type(drive + "\\") == DRIVE_REMOTE:
        return drive
    return None


def _drive_type(root: str) -> int:
    """What Windows says a drive is (GetDriveTypeW of its root, as `Z:\\`); 0 when unknown."""
    try:
        import ctypes

        windll = ctypes.windll  # type: ignore[attr-defined,unused-ignore]
        return int(windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))
    except (AttributeError, OSError):
        return 0
