"""Signing the files a database sends, and checking a signature: Ed25519 through `cryptography`.

The algorithm is a field of every signature, so another (SM2/SM3 for offices that need 国密) can
be added beside it. A key is named by its fingerprint, a short code two offices read to each
other over the phone."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ED25519 = "ed25519"
ALGORITHMS = (ED25519,)
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read out by phone


@dataclass(frozen=True, slots=True)
class KeyPair:
    algorithm: str
    private: bytes  # raw 32 bytes
    public: bytes  # raw 32 bytes

    @classmethod
    def new(cls) -> KeyPair:
        key = Ed25519PrivateKey.generate()
        return cls.from_private(ED25519, key.private_bytes_raw())

    @classmethod
    def from_private(cls, algorithm: str, private: bytes) -> KeyPair:
        if algorithm != ED25519:
            raise ValueError(f"unknown algorithm {algorithm!r}")
        public = Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()
        return cls(algorithm, private, public)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    def sign(self, message: bytes) -> dict[str, str]:
        """The signature block a file carries."""
        value = Ed25519PrivateKey.from_private_bytes(self.private).sign(message)
        return {
            "algorithm": self.algorithm,
            "key": self.fingerprint,
            "public_key": self.public.hex(),
            "value": base64.b64encode(value).decode("ascii"),
        }


def fingerprint(public: bytes) -> str:
    """Twelve characters in three groups, e.g. K7QD-M2XA-9RTF: 60 bits of SHA-256 of the key."""
    n = int.from_bytes(hashlib.sha256(public).digest()[:8], "big") >> 4
    chars = "".join(_ALPHABET[(n >> (5 * i)) & 31] for i in range(12))
    return "-".join(chars[i : i + 4] for i in (0, 4, 8))


def canonical(obj: Any) -> bytes:
    """The bytes a signature covers: the same for the same content, whatever the formatting."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


@dataclass(frozen=True, slots=True)
class Signature:
    algorithm: str
    key: str  # fingerprint
    public: bytes
    value: bytes

    @classmethod
    def read(cls, block: Any) -> Signature:
        """A signature block as a file carries it; ValueError when it is not one."""
        if not isinstance(block, dict):
            raise ValueError("signature")
        algorithm = block.get("algorithm")
        if algorithm not in ALGORITHMS:
            raise ValueError(f"signature algorithm {algorithm!r}")
        public = bytes.fromhex(str(block.get("public_key", "")))
        value = base64.b64decode(str(block.get("value", "")), validate=True)
        if len(public) != 32 or len(value) != 64:
            raise ValueError("signature size")
        if fingerprint(public) != block.get("key"):
            raise ValueError("signature key")
        return cls(str(algorithm), fingerprint(public), public, value)

    def verifies(self, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public).verify(self.value, message)
        except (InvalidSignature, ValueError):
            return False
        return True
