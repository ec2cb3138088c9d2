"""What ``import-refi --anonymise auto`` replaces: every text through the project's anonymiser with every
proposal accepted, and names, labels and memos the same way (``refi_store`` moves codings with the map)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .refi_common import RefiError
from .refi_store import Anonymised

if TYPE_CHECKING:
    from ..core.project import Project


class Anonymiser:
    """The project's anonymiser with every proposal accepted (``--anonymise auto``). Placeholders are the
    project's own, so the same person gets the same placeholder in every imported document."""

    def __init__(self, project: Project, coder: str | None) -> None:
        # The anonymiser is optional in a build (check_anonymiser says so before anything is created).
        from ..anonymise.pipeline import anonymise_name
        from ..anonymise.review import ReviewSession

        self.project, self.coder = project, coder
        self._session, self._name = ReviewSession, anonymise_name

    def text(self, text: str) -> Anonymised:
        session = self._session.detect(text, project=self.project, coder=self.coder, min_confidence=0.4)
        session.accept_all()
        result = session.apply(decision="auto")
        replaced = [(r.start, r.end, r.new_start, r.new_end) for r in result.replacements]
        return Anonymised(result.text, result.offset_map, replaced, result.log, session.anonymise_label)

    def name(self, name: str) -> str:
        return self._name(self.project, name)

    def note(self, text: str) -> str:
        return self.text(text).text if text.strip() else text


def check_anonymiser() -> None:
    """Fail before anything is created when this build cannot anonymise."""
    try:
        from ..anonymise import pipeline, review  # noqa: F401
    except ImportError:
        raise RefiError(
            "--anonymise auto is not available in this build (the anonymiser is missing). "
            "Import with --anonymise off, then re-scan the documents."
        ) from None
