"""REFI-QDA export: the codebook as ``.qdc`` and the whole project as ``.qdpx`` (QDA-XML 1.0).

    export_refi(project, "study.qdpx")      # or "codebook.qdc"

What goes into a ``.qdpx`` is decided in ``refi_project`` (where each peer reads each thing); the shared
XML pieces (code tree, positions, origin, schema check) are in ``refi_write``. Every document's UTF-8 text
(no BOM, LF line ends, exactly the stored text) lies in ``sources/<GUID>.txt``. Offsets are code points,
end exclusive, unless the ``positions="utf16"`` option asks for NVivo's UTF-16 units.

Every GUID comes from the project (or is derived from one with uuid5), timestamps are the stored ones, the
order is fixed and zip entries carry a fixed date, so exporting an unchanged project twice gives identical
bytes. Each file is validated against the bundled XSDs before it is moved into place; a file that would not
validate is never written. See docs/refi.md for what is and is not carried over.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from ..exporters.safe_write import write_export
from .refi_common import CODEBOOK_NS, Progress, RefiError, tick
from .refi_names import repeated
from .refi_project import build_project
from .refi_write import ORIGIN, RefiExportOptions, check_options, code_tree, origin, serialise

if TYPE_CHECKING:
    from ..core.project import Project

__all__ = ["ORIGIN", "RefiExportOptions", "RefiExportResult", "export_qdc", "export_qdpx", "export_refi"]
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass
class RefiExportResult:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the format could not hold
    warnings: list[str] = field(default_factory=list)  # what a peer may get wrong (repeated code names)


def export_refi(
    project: Project, path, options: RefiExportOptions | None = None, progress: Progress | None = None
) -> RefiExportResult:
    """Write ``path`` as a codebook (.qdc) or a project (.qdpx) according to its extension."""
    suffix = Path(path).suffix.lower()
    if suffix == ".qdc":
        return export_qdc(project, path, options)
    if suffix == ".qdpx":
        return export_qdpx(project, path, options, progress)
    raise RefiError(
        f"Export to REFI-QDA needs a file ending in .qdpx (project) or .qdc (codebook), not '{suffix}'."
    )


# ---------------------------------------------------------------------------------------------- codebook
def export_qdc(project: Project, path, options: RefiExportOptions | None = None) -> RefiExportResult:
    options = options or RefiExportOptions()
    check_options(options)
    codes = project.codes.list()
    if not codes:
        raise RefiError("The project has no codes, and a REFI-QDA codebook needs at least one.")
    result = RefiExportResult(Path(path), {"codes": len(codes)})
    names = repeated(codes)
    if names and not options.unique_code_names:
        result.warnings.append(
            f"{len(names)} code name(s) are used under more than one parent (e.g. '{names[0]}'); QualCoder "
            "keeps one code per name: for QualCoder, export with unique code names"
        )
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS}, origin=origin(options))
    codes_el = etree.SubElement(root, f"{{{CODEBOOK_NS}}}Codes")
    code_tree(codes_el, codes, CODEBOOK_NS, options, None)
    data = serialise(root, "codebook", options)
    _write_atomic(Path(path), lambda fh: fh.write(data))
    return result


# ---------------------------------------------------------------------------------------------- project
def export_qdpx(
    project: Project, path, options: RefiExportOptions | None = None, progress: Progress | None = None
) -> RefiExportResult:
    options = options or RefiExportOptions()
    check_options(options)
    path = Path(path)
    result = RefiExportResult(path)
    root, texts = build_project(project, options, result, progress)
    data = serialise(root, "project", options)

    def write(fh) -> None:
        with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            _zip_entry(zf, "project.qde", data)
            for i, (name, text) in enumerate(texts):
                _zip_entry(zf, f"sources/{name}", text.encode("utf-8"))
                tick(progress, i + 1, len(texts), "writing sources")

    _write_atomic(path, write)
    return result


def _zip_entry(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    zf.writestr(info, data)


def _write_atomic(path: Path, write) -> None:
    """Write through ``safe_write`` (random O_EXCL temporary file beside ``path``, owner-only, renamed into
    place; never over a file that is not an earlier export); no partial file is left."""
    write_export(path, write, error=RefiError)
