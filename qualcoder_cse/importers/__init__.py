"""Importers: source files in, normalised text and speaker turns out. No Qt and no SQL in here.

- ``readers`` (with ``text``, ``office``, ``pdf``, ``subtitles``): txt, docx, odt, rtf, pdf, vtt, srt -> raw
  text, or an ``errors.ImporterError`` with one plain sentence;
- ``normalise``: the stored form of every imported text (offsets stay stable);
- ``speakers``: speaker turns from labels and timestamps, with configurable patterns;
- ``prepare``: read + normalise + turns for one file, storing nothing (the import dialog's preview);
- ``sheets``: a table (CSV or XLSX) read as text cells, for the case-attribute import.

Storing what was read in a project is a workflow (``qualcoder_cse/workflows/``): files with
``file_import``, ``batch_import`` and ``parallel_import`` (one transaction per file, anonymised when asked,
detection of many files in worker processes), case attributes with ``case_attributes``.

See docs/importers.md.
"""
