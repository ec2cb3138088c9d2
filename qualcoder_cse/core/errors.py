"""Exceptions raised by the project layer.

Every failure a researcher can cause (a wrong passphrase, a file that is not ours, a damaged file, a project
open elsewhere, an unknown name) has its own class with a plain message. The CLI prints ``str(error)`` on
one line and exits non-zero; the window shows it in a dialog. None of them carries transcript text.
"""

from __future__ import annotations


class ProjectError(Exception):
    """Base class for every user-facing error of the domain layer."""

    exit_code = 2


class WrongPassphrase(ProjectError):
    exit_code = 3


class NotAProject(ProjectError):
    exit_code = 4


class CorruptProject(ProjectError):
    exit_code = 5


class SchemaTooNew(ProjectError):
    exit_code = 6


class ProjectLocked(ProjectError):
    exit_code = 7


class ProjectExists(ProjectError):
    exit_code = 8


class NotFound(ProjectError):
    exit_code = 9


class DuplicateName(ProjectError):
    exit_code = 10


class InvalidValue(ProjectError):
    exit_code = 11


class ReadOnly(ProjectError):
    exit_code = 12


class ProjectAliased(ProjectError):
    """The project file has more than one name on disk (hard links): refused for writing."""

    exit_code = 15


class BackupFailed(ProjectError):
    """A backup could not be written or did not verify; nothing older was pruned."""

    exit_code = 16
