"""Entry point of the PyInstaller build: the same ``qualcoder-cse`` command line as a source install.

Kept tiny on purpose: everything lives in ``qualcoder_cse.cli.main``, so the built app and the source install
cannot drift apart. ``multiprocessing.freeze_support`` lets worker processes start inside a frozen build.
"""

from __future__ import annotations

import multiprocessing
import sys

from qualcoder_cse.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
