"""One rule for every new secret: a project passphrase (new project, rekey, REFI import into a new project)
and a workbook password, in the window and on the command line alike.

The rule is the new-project dialog's: at least ``MIN_LENGTH`` characters, not all the same character or
only spaces. ``strength_hint`` is the dialog's live hint and says the same minimum.
"""

from __future__ import annotations

import re

MIN_LENGTH = 10


def problem(secret: str, what: str = "passphrase") -> str | None:
    """None when ``secret`` may be used, else one plain sentence saying why not."""
    if len(secret) < MIN_LENGTH:
        return (f"The {what} is too short: use at least {MIN_LENGTH} characters (four or more unrelated words "
                "are best).")
    if not secret.strip() or len(set(secret)) < 3:
        return f"The {what} is one character repeated: use words or a mix of characters."
    return None


def strength_hint(secret: str) -> tuple[int, str]:
    """A rough 0-4 score and a plain hint. Length matters most; several words beat symbols. Score 0 means
    the rule above refuses it."""
    if not secret:
        return 0, ""
    if problem(secret) is not None:
        return 0, f"Too short: at least {MIN_LENGTH} characters; several words are best."
    n = len(secret)
    words = len([w for w in re.split(r"[\s\-_.]+", secret) if w])
    classes = sum(bool(re.search(p, secret)) for p in (r"[a-z]", r"[A-Z]", r"\d", r"[^\w\s]"))
    score = 1 + (n >= 14) + (n >= 20 or words >= 4) + (classes >= 3 or words >= 5)
    hints = {1: "Weak: acceptable, but longer is better.", 2: "Fair: a few more words would help.",
             3: "Good.", 4: "Strong."}
    return score, hints[min(score, 4)]
