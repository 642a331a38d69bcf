"""Report files on disk: a zip holding JSON parts, the monthly PDF and a manifest with the SHA-256
of each part. Written whole and atomically; read back only when every check passes.

`.otr` is a monthly report a unit sends; `.otv` is the review (退回/审核) the office sends back.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import stat
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.domain.errors import LedgerError
from desktop.domain.json_fields import load_json
from desktop.domain.periods import Period, PeriodKind
from desktop.domain.report_payload import (
    REPORT_PARTS,
    REVIEW_PART,
    SCHEMA_VERSION,
    PersonRef,
)
from desktop.domain.submission_messages import SubmissionError
from desktop.storage.signatures import KeyPair, Signature, canonical

MANIFEST = "manifest.json"
REPORT_FORMAT = "onethird.monthly-report"
REVIEW_FORMAT = "onethird.review"
_ZIP_MAGIC = b"PK\x03\x04"
# far above a real month (a person's month with its PDF is a few hundred kilobytes) and far
# below what would strain an office PC's memory
MAX_FILE_BYTES = 32 * 2**20
MAX_PART_BYTES = 32 * 2**20
MAX_MEMBERS = 16
_EXPECTED_PARTS = {REPORT_FORMAT: REPORT_PARTS, REVIEW_FORMAT: (REVIEW_PART,)}


@dataclass(frozen=True, slots=True)
class Manifest:
    """What the file says about itself; `parts` maps each part's name to its SHA-256."""

    format: str  # REPORT_FORMAT or REVIEW_FORMAT
    schema_version: int
    program_version: str
    report_id: str  # the submission's id (a review names the submission it is about)
    person: PersonRef
    unit: str
    period: Period
    revision: int
    submitted_at: datetime  # aware, UTC
    submitted_by: str
    source: str  # the id of the database that wrote it
    parts: Mapping[str, str]
    signature: Signature | None = None  # checked against the content when the file was read

    @property
    def is_review(self) -> bool:
        return self.format == REVIEW_FORMAT

    @property
    def content(self) -> str:
        """A digest of the parts: the same submission zipped again has the same content."""
        text = json.dumps(sorted(self.parts.items()), ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "schema_version": self.schema_version,
            "program": "onethird",
            "program_version": self.program_version,
            "report_id": self.report_id,
            "person": {"name": self.person.name, "unit": self.person.unit},
            "unit": self.unit,
            "period": self.period.code,
            "revision": self.revision,
            "submitted_at": self.submitted_at.isoformat(),
            "submitted_by": self.submitted_by,
            "source": self.source,
            "parts": {name: {"sha256": digest} for name, digest in self.parts.items()},
        }


@dataclass(frozen=True, slots=True)
class Package:
    """A file read back and verified: its manifest and the bytes of each part."""

    path: Path
    sha256: str  # of the whole file
    manifest: Manifest
    parts: Mapping[str, bytes]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def package_bytes(
    fmt: str,
    *,
    report_id: str,
    person: PersonRef,
    period: Period,
    revision: int,
    submitted_at: datetime,
    submitted_by: str,
    source: str,
    parts: Mapping[str, bytes],
    signer: KeyPair | None = None,
) -> tuple[bytes, Manifest]:
    """The zip in memory: the parts, then the manifest that lists their hashes, signed by the
    sending database's key."""
    manifest = Manifest(
        fmt,
        SCHEMA_VERSION,
        __version__,
        report_id,
        person,
        person.unit,
        period,
        revision,
        submitted_at,
        submitted_by,
        source,
        {name: sha256(data) for name, data in parts.items()},
    )
    stamp = submitted_at.astimezone(UTC).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        body = manifest.to_json()
        if signer is not None:
            body["signature"] = signer.sign(canonical(body))
        items = [*parts.items(), (MANIFEST, _json_bytes(body))]
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=stamp)  # the same file for the same content
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return out.getvalue(), manifest


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a hidden file beside `path`, fsync, then rename over it: a reader (or a USB stick
    pulled out) sees the old file or the whole new one, never half of it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    try:
        with tmp.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    if os.name != "nt":  # directories cannot be opened for fsync on Windows
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def read_package(path: Path | str) -> Package:
    """Open and verify a report or review file. SubmissionError says what is wrong with it:
    missing, empty, not a zip, truncated, not ours, an unknown format version, a part missing or
    not matching its hash."""
    path = Path(path)
    name = path.name
    try:
        info = path.stat()
    except FileNotFoundError:
        raise SubmissionError("report_file", "file_missing", value=str(path)) from None
    if not stat.S_ISREG(info.st_mode):  # a FIFO would hang the read, a device never end it
        raise SubmissionError("report_file", "not_a_file", value=name)
    if info.st_size > MAX_FILE_BYTES:
        raise SubmissionError(
            "report_file",
            "too_large",
            value=name,
            size=_mb(info.st_size),
            limit=_mb(MAX_FILE_BYTES),
        )
    with path.open("rb") as f:
        data = f.read(MAX_FILE_BYTES + 1)
    if not data:
        raise SubmissionError("report_file", "file_empty", value=name)
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
        if data.startswith(_ZIP_MAGIC):  # begins as a zip but its directory is gone: cut short
            raise SubmissionError("report_file", "truncated", value=name, detail=exc) from None
        raise SubmissionError("report_file", "not_zip", value=name) from None
    with z:
        _check_members(z, name)
        manifest = _manifest(z, name)
        parts = {part: _read_part(z, name, part) for part in manifest.parts}
    for part in _EXPECTED_PARTS[manifest.format]:
        if part not in parts:
            raise SubmissionError("report_file", "missing_part", value=name, part=part)
    for part, digest in manifest.parts.items():
        if sha256(parts[part]) != digest:
            raise SubmissionError("report_file", "hash_mismatch", value=name, part=part)
    return Package(path, sha256(data), manifest, parts)


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB"


def _check_members(z: zipfile.ZipFile, name: str) -> None:
    """What the zip's directory says, before anything is inflated: how many members, their
    names once each, plain deflate or stored, not encrypted."""
    members = z.infolist()
    if len(members) > MAX_MEMBERS:
        raise SubmissionError(
            "report_file", "bad_zip", value=name, detail=f"{len(members)} members"
        )
    names = [m.filename for m in members]
    if len(set(names)) != len(names):
        # unzip tools disagree on which of two same-named members counts: refuse both
        raise SubmissionError("report_file", "bad_zip", value=name, detail="a member name twice")
    for m in members:
        if m.flag_bits & 0x1:
            raise SubmissionError("report_file", "bad_zip", value=name, detail="encrypted")
        if m.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            detail = f"compression {m.compress_type}"
            raise SubmissionError("report_file", "bad_zip", value=name, detail=detail)


def _read_part(z: zipfile.ZipFile, name: str, part: str) -> bytes:
    try:
        # inflated in pieces with a cap: the size the directory states can lie
        with z.open(part) as member:
            data = member.read(MAX_PART_BYTES + 1)
        if len(data) > MAX_PART_BYTES:
            raise SubmissionError(
                "report_file", "too_large", value=f"{name}/{part}", size=f"> {_mb(MAX_PART_BYTES)}",
                limit=_mb(MAX_PART_BYTES),
            )  # fmt: skip
        return data
    except KeyError:
        raise SubmissionError("report_file", "missing_part", value=name, part=part) from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:  # bad CRC, cut-off data
        raise SubmissionError("report_file", "truncated", value=name, detail=exc) from None


def _manifest(z: zipfile.ZipFile, name: str) -> Manifest:
    if MANIFEST not in z.namelist():
        raise SubmissionError("report_file", "no_manifest", value=name)
    raw = _read_part(z, name, MANIFEST)
    try:
        obj = load_json(MANIFEST, raw)
        if not isinstance(obj, dict):
            raise ValueError(MANIFEST)
    except ValueError as exc:
        raise SubmissionError(
            "report_file", "bad_content", value=name, part=MANIFEST, detail=exc
        ) from None
    fmt = obj.get("format")
    if fmt not in _EXPECTED_PARTS:
        raise SubmissionError("report_file", "not_ours", value=name, detail=f"format={fmt!r}")
    version = obj.get("schema_version")
    if version != SCHEMA_VERSION:
        raise SubmissionError(
            "report_file", "unknown_schema", value=name, version=version, supported=SCHEMA_VERSION
        )
    block = obj.pop("signature", None)
    signature = None
    if block is not None:
        try:
            signature = Signature.read(block)
        except ValueError as exc:
            raise SubmissionError("report_file", "bad_signature", value=name) from exc
        if not signature.verifies(canonical(obj)):
            raise SubmissionError("report_file", "bad_signature", value=name)
    try:
        return replace(_manifest_fields(obj, fmt), signature=signature)
    except (KeyError, TypeError, ValueError, OverflowError, LedgerError) as exc:
        detail = f"{type(exc).__name__} {exc}"
        raise SubmissionError(
            "report_file", "bad_content", value=name, part=MANIFEST, detail=detail
        ) from None


def _manifest_fields(obj: dict[str, Any], fmt: str) -> Manifest:
    period = Period.parse(str(obj["period"]))
    if period.kind is not PeriodKind.MONTH:
        raise ValueError(f"period={obj['period']!r}")
    person = obj["person"]
    parts = obj["parts"]
    if not isinstance(parts, dict) or not all(
        isinstance(p, dict) and isinstance(p.get("sha256"), str) for p in parts.values()
    ):
        raise ValueError("parts")
    revision = obj["revision"]
    if not isinstance(revision, int) or isinstance(revision, bool) or not 1 <= revision <= 10**6:
        raise ValueError(f"revision={revision!r}")
    try:
        at = datetime.fromisoformat(str(obj["submitted_at"]))
        at = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
        if not 2000 <= at.astimezone(UTC).year <= 2100:
            raise ValueError(obj["submitted_at"])
    except (ValueError, OverflowError):
        raise ValueError(f"submitted_at={obj['submitted_at']!r}") from None
    report_id = str(obj["report_id"])
    if not report_id or not str(person["name"]).strip():
        raise ValueError("report_id / person")
    return Manifest(
        fmt,
        int(obj["schema_version"]),
        str(obj.get("program_version", "")),
        report_id,
        PersonRef(str(person["name"]).strip(), str(person.get("unit", "")).strip()),
        str(obj.get("unit", "")),
        period,
        revision,
        at,
        str(obj.get("submitted_by", "")),
        str(obj.get("source", "")),
        {str(k): str(v["sha256"]) for k, v in parts.items()},
    )


def _json_bytes(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False, indent=1).encode("utf-8")
