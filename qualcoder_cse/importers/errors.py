"""The importers' own error type: every reader either returns text or raises one of these.

Messages are one plain sentence about the *file* (its format, size, encoding), never about its contents:
they end up on the console, in the import dialog and in per-file results, so they must not quote transcript
text. Third-party parser exceptions are translated into these in ``readers.read_bytes``.
"""

from __future__ import annotations

from ..core.errors import ProjectError


class ImporterError(ProjectError):
    """A file could not be imported; ``str(error)`` says why in one sentence."""

    exit_code = 13


class UnsupportedFormat(ImporterError):
    """The file's extension or content is not one of the formats we read."""


class FileTooLarge(ImporterError):
    """The file (or a part inside it) is above a documented size limit."""


class EmptyDocument(ImporterError):
    """The file holds no text at all (empty, only whitespace, or a scanned PDF)."""


class BadEncoding(ImporterError):
    """A text file whose bytes do not decode in the encoding it claims or any we accept."""


class DamagedFile(ImporterError):
    """The file claims a format but its structure is broken (truncated, renamed, corrupt, a zip bomb)."""
