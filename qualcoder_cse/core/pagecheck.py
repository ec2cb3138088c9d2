"""Telling a damaged first page from a wrong passphrase, by checking SQLCipher's page HMACs ourselves.

SQLCipher 4 (our settings are its defaults) derives the page key as PBKDF2-HMAC-SHA512(passphrase, salt,
256,000 rounds) with the salt in the file's first 16 bytes, and the HMAC key from it (salt XOR 0x3a, 2 rounds).
Every page ends with a 16-byte IV and a 64-byte HMAC-SHA512 over the page's ciphertext, its IV and its page
number. When SQLCipher cannot read page 1 it says only "file is not a database". If another page's HMAC
verifies with the key derived from this passphrase, the passphrase is right and the file is damaged. What
cannot be told apart, honestly: a wrong passphrase, a file that is not a project, and damage to the 16-byte
salt (every key derived from a changed salt is wrong) look the same.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from pathlib import Path

KDF_ITER = 256_000
KEY_BYTES = 32
SALT_BYTES = 16
HMAC_BYTES = 64
IV_BYTES = 16


def _keys(passphrase: str, salt: bytes) -> bytes:
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITER, KEY_BYTES)
    return hashlib.pbkdf2_hmac("sha512", key, bytes(b ^ 0x3A for b in salt), 2, KEY_BYTES)


def page_verifies(page: bytes, number: int, hmac_key: bytes) -> bool:
    start = SALT_BYTES if number == 1 else 0
    body = page[start : len(page) - HMAC_BYTES]
    mac = hmac.new(hmac_key, body + struct.pack("<I", number), "sha512").digest()
    return hmac.compare_digest(mac, page[len(page) - HMAC_BYTES :])


def passphrase_fits(path: Path, passphrase: str, page_size: int = 4096, max_pages: int = 64) -> bool:
    """True when at least one of the first ``max_pages`` pages verifies with this passphrase's key (so the
    passphrase is right, whatever else failed). False says nothing more than "could not confirm"."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(page_size * max_pages)
    except OSError:
        return False
    if len(data) < page_size:
        return False
    hmac_key = _keys(passphrase, data[:SALT_BYTES])
    pages = len(data) // page_size
    return any(
        page_verifies(data[(n - 1) * page_size : n * page_size], n, hmac_key) for n in range(1, pages + 1)
    )
