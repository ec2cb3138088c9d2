"""Workflows: the user's multi-step tasks that WRITE to a project, shared by the CLI and the window.

Each takes an open ``Project`` (and plain options), runs in one or more transactions, reports progress and
honours cancel, and returns a plain report; the readers they build on live in ``importers/`` (pure: file in,
text out) and ``interchange/`` (REFI-QDA).

- ``file_import``: one file into a project (read, duplicate check, anonymise, store in one transaction);
  ``batch_import``: many files, progress and cancel; ``parallel_import``: the anonymiser's detection of many
  files in worker processes;
- ``case_attributes``: a sheet of case attributes (CSV/XLSX, read by ``importers.sheets``) into the cases;
- ``merge``: another coder's copy of a project into this one (File > Merge, ``qualcoder-cse merge``).

No Qt. See docs/architecture.md.
"""
