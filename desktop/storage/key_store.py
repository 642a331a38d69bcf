"""This database's signing key and the keys it trusts (storage/keys.py), as the window and
the CLI use them: the registration file to send, and one received read and accepted."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.submission_messages import SubmissionError
from desktop.storage import keys
from desktop.storage.base import Store
from desktop.storage.signatures import KeyPair


class KeyStore(Store):
    def own_key(self) -> KeyPair:
        return keys.own_key(self.db)

    def new_own_key(self) -> KeyPair:
        return keys.new_own_key(self.db, self.actor)

    def registration_file(self, role: str, unit: str = "") -> bytes:
        """The file that introduces this database's key: a unit names itself and the persons
        it reports; the office names itself as such."""
        persons = [p.name for p in self.ctx.people.persons() if not unit or p.unit == unit]
        return keys.registration_bytes(
            keys.own_key(self.db), role, unit, persons, self.ctx.submission_state.database_id()
        )

    def read_registration(self, path: Path | str) -> keys.Registration:
        """What a registration file says (role, unit, persons, key), its signature checked;
        nothing is accepted (the window shows it before the person accepts it)."""
        return keys.read_registration(Path(path))

    def accept_registration(self, path: Path | str, fingerprint: str = "") -> keys.TrustedKey:
        """Trust the key a registration file brings; `fingerprint`, when given, is the code read
        out by phone and must match."""
        reg = keys.read_registration(Path(path))
        wanted = fingerprint.strip().upper().replace(" ", "")
        if wanted and wanted.replace("-", "") != reg.signature.key.replace("-", ""):
            raise SubmissionError(
                "report_file", "fingerprint_mismatch", actual=reg.signature.key, expected=wanted
            )
        return keys.accept(self.db, self.actor, reg)

    def trusted_keys(self) -> list[keys.TrustedKey]:
        return keys.trusted_keys(self.db)

    def revoke_key(self, fingerprint: str) -> keys.TrustedKey:
        return keys.revoke(self.db, self.actor, fingerprint)
