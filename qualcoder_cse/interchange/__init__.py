"""Interchange: REFI-QDA (QDA-XML 1.0) read and write, the format other QDA tools exchange projects in.

- export: ``refi.export_refi`` (a ``.qdpx`` project or ``.qdc`` codebook), built by ``refi_project`` and
  ``refi_write`` (with ``refi_names`` for peers that need unique code names);
- import: ``refi_read`` reads a file leniently into the dataclasses of ``refi_model`` (``refi_files`` decides
  which files it may pull in, ``refi_positions`` where selections land); ``refi_import`` stores them as a NEW
  project (``refi_records``, ``refi_store``, ``refi_anon``), ``refi_codebook`` brings a codebook into an open
  one;
- ``refi_common``: namespaces, GUIDs, the schemas and ``RefiError``.

No Qt. See docs/refi.md.
"""
