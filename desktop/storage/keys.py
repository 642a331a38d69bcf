"""The database's own signing key, the registration file that introduces it to another office,
and the keys this database trusts.

A unit exports a registration (`.otk`: its unit, the persons it reports, its public key, signed
with that key) and reads its fingerprint to the supervision office by phone; the office accepts
it once. The office does the same the other way, so a unit can check the return and calendar
files it receives. A lost key is replaced by a new one (`new_own_key`), which must be accepted
again; the old one is revoked where it was trusted."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.domain.ledger_parsing import name_key
from desktop.domain.submission_messages import SubmissionError
from desktop.storage import changelog
from desktop.storage.connection import Connection
from desktop.storage.signatures import KeyPair, Signature, canonical

KEY_SUFFIX = ".otk"
FORMAT = "onethird.registration"
VERSION = 1
ROLES = ("unit", "office")
_ALGORITHM_KEY = "signing_algorithm"
_PRIVATE_KEY = "signing_private_key"
MAX_BYTES = 200_000


@dataclass(frozen=True, slots=True)
class TrustedKey:
    fingerprint: str
    algorithm: str
    public: bytes
    role: str  # "unit" or "office"
    unit: str
    persons: tuple[str, ...]
    source: str
    accepted_at: str
    accepted_by: str
    revoked_at: str | None

    def covers_unit(self, unit: str) -> bool:
        return name_key(self.unit) == name_key(unit)


@dataclass(frozen=True, slots=True)
class Registration:
    """A registration file read back and its self-signature checked."""

    role: str
    unit: str
    persons: tuple[str, ...]
    source: str
    signature: Signature


def _setting(db: Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def own_key(db: Connection) -> KeyPair:
    """This database's key pair, made on first use (a new database gets one at once)."""
    private = _setting(db, _PRIVATE_KEY)
    if private is not None:
        return KeyPair.from_private(
            _setting(db, _ALGORITHM_KEY) or "ed25519", bytes.fromhex(private)
        )
    return new_own_key(db, "")


def new_own_key(db: Connection, actor: str) -> KeyPair:
    """A new key pair for this database (after a key was lost or exposed)."""
    with db.atomic():
        pair = install_new_key(db)
        changelog.record(db, actor, "update", "signing_key", None, None, {"key": pair.fingerprint})
    return pair


def install_new_key(db: Connection) -> KeyPair:
    pair = KeyPair.new()
    for key, value in ((_ALGORITHM_KEY, pair.algorithm), (_PRIVATE_KEY, pair.private.hex())):
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
    return pair


def registration_bytes(
    pair: KeyPair, role: str, unit: str, persons: list[str], source: str
) -> bytes:
    body = {
        "format": FORMAT,
        "version": VERSION,
        "role": role,
        "unit": unit,
        "persons": persons,
        "source": source,
        "made_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    doc = {**body, "signature": pair.sign(canonical(body))}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def read_registration(path: Path) -> Registration:
    name = path.name
    if not path.is_file() or path.stat().st_size > MAX_BYTES:
        raise SubmissionError("report_file", "bad_registration", value=name, detail="file")
    try:
        doc: Any = json.loads(path.read_bytes().decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError("format")
        if doc.get("version") != VERSION or doc.get("role") not in ROLES:
            raise ValueError("version/role")
        signature = Signature.read(doc.pop("signature", None))
        persons = doc.get("persons", [])
        if not isinstance(persons, list):
            raise ValueError("persons")
    except (UnicodeDecodeError, ValueError) as exc:
        raise SubmissionError("report_file", "bad_registration", value=name, detail=exc) from None
    if not signature.verifies(canonical(doc)):
        raise SubmissionError("report_file", "bad_registration", value=name, detail="signature")
    unit = " ".join(str(doc.get("unit", "")).split())[:50]
    if doc["role"] == "unit" and not unit:
        raise SubmissionError("report_file", "bad_registration", value=name, detail="unit")
    names = tuple(" ".join(str(p).split())[:50] for p in persons[:500])
    return Registration(str(doc["role"]), unit, names, str(doc.get("source", ""))[:64], signature)


def accept(db: Connection, actor: str, reg: Registration) -> TrustedKey:
    """Trust the key of a registration (again, if it was revoked)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with db.atomic():
        db.execute(
            "INSERT INTO trusted_keys (fingerprint, algorithm, public_key, role, unit, persons,"
            " source, accepted_at, accepted_by, revoked_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"
            " ON CONFLICT(fingerprint) DO UPDATE SET role = excluded.role, unit = excluded.unit,"
            " persons = excluded.persons, source = excluded.source,"
            " accepted_at = excluded.accepted_at, accepted_by = excluded.accepted_by,"
            " revoked_at = NULL",
            [
                reg.signature.key,
                reg.signature.algorithm,
                reg.signature.public.hex(),
                reg.role,
                reg.unit,
                json.dumps(list(reg.persons), ensure_ascii=False),
                reg.source,
                now,
                actor,
            ],
        )
        changelog.record(
            db, actor, "accept", "trusted_keys", None, None,
            {"key": reg.signature.key, "role": reg.role, "unit": reg.unit},
        )  # fmt: skip
    found = trusted(db, reg.signature.key)
    assert found is not None
    return found


def revoke(db: Connection, actor: str, fingerprint: str) -> TrustedKey:
    key = trusted(db, fingerprint)
    if key is None:
        raise SubmissionError("report_file", "key_unknown", value=fingerprint)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with db.atomic():
        db.execute(
            "UPDATE trusted_keys SET revoked_at = ? WHERE fingerprint = ?", [now, fingerprint]
        )
        changelog.record(db, actor, "revoke", "trusted_keys", None, None, {"key": fingerprint})
    found = trusted(db, fingerprint)
    assert found is not None
    return found


_COLUMNS = (
    "fingerprint, algorithm, public_key, role, unit, persons, source, accepted_at, accepted_by,"
    " revoked_at"
)


def _key(row: Any) -> TrustedKey:
    return TrustedKey(
        row[0], row[1], bytes.fromhex(row[2]), row[3], row[4], tuple(json.loads(row[5])),
        row[6], row[7], row[8], row[9],
    )  # fmt: skip


def trusted(db: Connection, fingerprint: str) -> TrustedKey | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM trusted_keys WHERE fingerprint = ?", [fingerprint]
    ).fetchone()
    return None if row is None else _key(row)


def trusted_keys(db: Connection) -> list[TrustedKey]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM trusted_keys ORDER BY role, unit, accepted_at")
    return [_key(r) for r in rows.fetchall()]


def check_signer(
    db: Connection, signature: Signature | None, file_name: str, role: str, unit: str
) -> None:
    """Refuse a file that is unsigned, signed by a key this database does not trust (or no
    longer trusts), or — for a unit's report — by a key registered for another unit."""
    if signature is None:
        raise SubmissionError("report_file", "unsigned", value=file_name)
    key = trusted(db, signature.key)
    if key is None or key.public != signature.public:
        raise SubmissionError("report_file", "key_unregistered", value=file_name, key=signature.key)
    if key.revoked_at is not None:
        raise SubmissionError("report_file", "key_revoked", value=file_name, key=signature.key)
    if key.role != role:
        raise SubmissionError(
            "report_file", "key_wrong_role", value=file_name, key=signature.key, role=key.role
        )
    if role == "unit" and not key.covers_unit(unit):
        raise SubmissionError(
            "report_file", "key_other_unit", value=file_name, key=signature.key,
            registered=key.unit, unit=unit,
        )  # fmt: skip
