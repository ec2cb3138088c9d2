"""The analysis table model: Qt's model tester, display/sort/heat roles, and sorting through a proxy."""

from __future__ import annotations

import math

import pandas as pd
from PySide6.QtCore import QSortFilterProxyModel, Qt

from qualcoder_cse.ui.matrix_model import HEAT_ROLE, KEY_ROLE, PAINT_ROLE, SORT_ROLE, MatrixModel


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {"Police A": [3, 0, 12], "Board": [1.5, float("nan"), 0.25], "Flag": ["", "no evidence", "x"]},
        index=["Disruption", "Voice", "Gaps"],
    )


def test_model_passes_qt_model_tester(qtmodeltester):
    model = MatrixModel()
    model.set_frame(frame(), row_keys=[10, 11, 12], col_keys=["a", "b", "c"])
    qtmodeltester.check(model)
    model.set_frame(pd.DataFrame())
    qtmodeltester.check(model)


def test_roles():
    model = MatrixModel()
    model.set_frame(frame(), row_keys=[10, 11, 12], col_keys=["a", "b", "c"])
    assert model.rowCount() == 3 and model.columnCount() == 3
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Police A"
    assert model.headerData(2, Qt.Orientation.Vertical) == "Gaps"
    idx = model.index(2, 0)
    assert idx.data() == "12" and idx.data(SORT_ROLE) == 12.0
    assert idx.data(HEAT_ROLE) == 1.0  # the largest numeric value
    assert model.index(1, 0).data(HEAT_ROLE) == 0.0
    assert model.index(0, 1).data() == "1.50"
    assert model.index(1, 1).data() == "" and model.index(1, 1).data(SORT_ROLE) == -math.inf
    assert model.index(1, 1).data(HEAT_ROLE) is None
    assert model.index(1, 2).data() == "no evidence" and model.index(1, 2).data(HEAT_ROLE) is None
    assert model.index(2, 1).data(KEY_ROLE) == (12, "b")
    model.set_frame(frame(), heat_columns=[1])
    assert model.index(2, 0).data(HEAT_ROLE) is None and model.index(0, 1).data(HEAT_ROLE) == 1.0


def test_sorting_by_value_through_a_proxy():
    model = MatrixModel()
    model.set_frame(pd.DataFrame({"n": [2, 10, 1]}, index=["b", "a", "c"]))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["10", "2", "1"]  # numerically, not "2" > "10"


def test_the_fast_paint_role_is_the_display_and_heat_of_plain_numbers():
    """The delegate paints a plain number from PAINT_ROLE alone: it must be what DisplayRole and HEAT_ROLE
    say; text cells and shaded rows are painted the usual way (None)."""
    model = MatrixModel()
    model.set_frame(frame(), row_colours=[None, None, "#fde0dd"])
    for r in range(3):
        for c in range(3):
            idx = model.index(r, c)
            plain = c < 2 and r < 2
            assert idx.data(PAINT_ROLE) == ((idx.data(), idx.data(HEAT_ROLE)) if plain else None), (r, c)
