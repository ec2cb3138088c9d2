"""The project layer: the encrypted project file, its schema and migrations, and the domain API.

Headless (no Qt). Start with ``Project.create`` / ``Project.open``; see ``project.py``.
"""

from __future__ import annotations

from .errors import (
    CorruptProject,
    DuplicateName,
    InvalidValue,
    NotAProject,
    NotFound,
    ProjectError,
    ProjectExists,
    ProjectLocked,
    ReadOnly,
    SchemaTooNew,
    WrongPassphrase,
)
from .project import PROJECT_SUFFIX, Project

__all__ = [
    "PROJECT_SUFFIX", "CorruptProject", "DuplicateName", "InvalidValue", "NotAProject", "NotFound", "Project",
    "ProjectError", "ProjectExists", "ProjectLocked", "ReadOnly", "SchemaTooNew", "WrongPassphrase",
]
