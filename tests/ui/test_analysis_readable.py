"""Issue 23, item 3: the Analysis tables could not be read (case headers cut from the left, co-occurrence
headers like "rrangements/Wo", Agreement with raw column names, the chart's axis "P... I... D...", Evidence
Gaps shading the evidence and leaving the gaps white). On the real view over the hand-counted sample."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from qualcoder_cse.ui.analysis_view import AnalysisView
from qualcoder_cse.ui.matrix_model import HEAT_ROLE, LABEL_ROLE

H, V = Qt.Orientation.Horizontal, Qt.Orientation.Vertical


def settle(view, qtbot) -> None:
    qtbot.waitUntil(lambda: not view.busy(), timeout=60_000)


def headers(view, orientation, role=Qt.ItemDataRole.DisplayRole) -> list[str]:
    m = view.model
    n = m.columnCount() if orientation == H else m.rowCount()
    return [m.headerData(i, orientation, role) for i in range(n)]


def show(view, qtbot, name: str, measure: str | None = None) -> None:
    view.matrix_box.setCurrentText(name)
    settle(view, qtbot)
    if measure:
        view.measure_box.setCurrentIndex(view.measure_box.findData(measure))
        settle(view, qtbot)


def test_headers_show_names_not_cut_paths(qtbot, sample_rw):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    show(view, qtbot, "Code x Case", "words")
    rows = headers(view, V)
    assert rows[:3] == ["Disruption", "    CAWN", "    Hotels"]  # the code's own name, indented by level
    assert headers(view, V, Qt.ItemDataRole.ToolTipRole)[1] == "Disruption/CAWN"  # the whole path on hover
    assert headers(view, H) == ["Board P1", "Board P2", "Police A", "Police B", "YP 1"]
    assert "Words coded" in view.note.text()
    show(view, qtbot, "Co-occurrence")
    cols = headers(view, H)
    assert "CAWN" in cols and "Hotels" in cols and not any("/" in c for c in cols)
    header = view.table.horizontalHeader()
    for c in range(view.model.columnCount()):  # every header fits its column: nothing cut
        lines = headers(view, H)[c].split("\n")
        assert max(header.fontMetrics().horizontalAdvance(x) for x in lines) <= header.sectionSize(c)


def test_agreement_has_human_columns_and_says_what_was_compared(qtbot, sample_rw):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    show(view, qtbot, "Agreement")
    assert headers(view, H, LABEL_ROLE) == [
        "Coder A", "Coder B", "Documents", "Units", "% agreement", "Cohen's kappa",
        "Krippendorff's alpha (all coders)", "Note",
    ]
    assert headers(view, V, LABEL_ROLE)[0] == "Disruption"
    note = view.note.text()
    assert "alice and bob: 4 document(s) that either coded (Police 1; Focus group; YP chat; Police 2)" in note
    assert "character units" in note
    gaps_row = headers(view, V, LABEL_ROLE).index("Gaps")
    m = view.model
    assert m.index(gaps_row, 7).data() == "not used by either" and m.index(gaps_row, 5).data() == ""
    assert gaps_row == m.rowCount() - 1  # codes compared first, the unused last


def test_evidence_gaps_shade_the_gaps_not_the_evidence(qtbot, sample_rw):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    show(view, qtbot, "Evidence Gaps")
    m = view.model
    rows = headers(view, V, LABEL_ROLE)
    gap = m.index(rows.index("Gaps · police"), 0)
    evidence = m.index(rows.index("Voice · police"), 0)  # 2 sources: not a gap
    assert gap.data(Qt.ItemDataRole.BackgroundRole) == QColor("#f4a6a6")
    assert evidence.data(Qt.ItemDataRole.BackgroundRole) is None
    assert all(m.index(r, c).data(HEAT_ROLE) is None for r in range(m.rowCount()) for c in range(3))
    assert "gap(s) shaded" in view.note.text()


def test_chart_is_legible_and_saves_as_png_and_svg(qtbot, sample_rw, tmp_path):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    show(view, qtbot, "By Group")
    chart = view.chart
    assert chart.categories == ["Disruption", "Voice", "Gaps"] and chart.series == ["board", "police", "young people"]
    rects = chart.bar_rects()
    assert all(r.height() >= 6 for _c, _s, r in rects)  # bars thick enough to see
    widths = {(c, s): r.width() for c, s, r in rects}
    assert widths[(1, 2)] > widths[(1, 0)] > 0  # Voice: young people 3 > board 2
    png, svg = chart.save(tmp_path / "chart.png"), chart.save(tmp_path / "chart.svg")
    image = QImage(str(png))
    assert image.width() >= 1000 and image.height() >= 300
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "Disruption" in text and "young people" in text

