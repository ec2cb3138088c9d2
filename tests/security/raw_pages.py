"""Decrypt every page of a SQLCipher 4 project file (default settings: PBKDF2-HMAC-SHA512 with 256,000
iterations, AES-256-CBC, 4096-byte pages, 80 reserved bytes: IV then HMAC) so a test can search what an
attacker with the passphrase could read, free space and deleted cells included."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80


def decrypted_pages(path: Path, passphrase: str) -> list[bytes]:
    raw = Path(path).read_bytes()
    salt = raw[:16]
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, 256_000, 32)
    pages = []
    for n in range(len(raw) // PAGE):
        page = raw[n * PAGE:(n + 1) * PAGE]
        start = 16 if n == 0 else 0
        iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
        dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        pages.append(dec.update(page[start:PAGE - RESERVE]) + dec.finalize())
    return pages


def holds(path: Path, passphrase: str, needle: str) -> bool:
    """Does any decrypted page hold ``needle`` (UTF-8, any case)?"""
    low = needle.casefold().encode()
    return any(low in p.lower() for p in decrypted_pages(path, passphrase))
