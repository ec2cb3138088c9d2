"""Importers: source files in, normalised text and speaker turns out. No Qt and no SQL in here.

- ``readers`` (with ``text``, ``office``, ``pdf``, ``subtitles``): txt, docx, odt, rtf, pdf, vtt, srt -> raw
  text, or an ``errors.ImporterError`` with one plain sentence;
- ``normalise``: the stored form of every imported text (offsets stay stable);
- ``speakers``: speaker turns from labels and timestamps, with configurable patterns;
- ``prepare``: read + normalise + turns for one file, storing nothing (the import dialog's preview);
- ``attributes``: case attribute sheets (CSV/XLSX) into a project.

Storing imported files in a project (one transaction per file, anonymised when asked, many files with
detection in worker processes) is a workflow: ``workflows/file_import.py``, ``batch_import.py``,
``parallel_import.py``.

See docs/importers.md.
"""
