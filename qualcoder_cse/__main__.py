"""``python -m qualcoder_cse``: the same as the ``qualcoder-cse`` command."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
