"""Analyses over a project (pandas, pure functions, no Qt): code x case and code x document matrices, the
framework matrix, code co-occurrence, themes by group, evidence gaps and inter-coder agreement.

    data = load(project, Filters(coders=["alice"]))
    matrix = code_by_case(data)          # .codings, .presence, .words, .percent (code id x case id)

Definitions of every measure are in each module's docstring and in docs/analysis.md.
"""

from __future__ import annotations

from .agreement import (
    AgreementResult,
    cohen_kappa,
    cohen_kappa_table,
    disagreements,
    intercoder_agreement,
    krippendorff_alpha_nominal,
)
from .case_matrix import code_by_case_all
from .cooccurrence import Cooccurrence, code_cooccurrence, overlap_quotes
from .data import AnalysisData, Filters, load
from .framework import FrameworkMatrix, Quote, framework_matrix, quotes_for
from .groups import GroupTable, by_group, default_group_attribute, evidence_gaps
from .matrices import CodeMatrix, code_by_case, code_by_case_counts, code_by_document
from .tables import Table, analysis_tables

__all__ = [
    "AgreementResult",
    "AnalysisData",
    "CodeMatrix",
    "Cooccurrence",
    "Filters",
    "FrameworkMatrix",
    "GroupTable",
    "Quote",
    "Table",
    "analysis_tables",
    "by_group",
    "code_by_case",
    "code_by_case_all",
    "code_by_case_counts",
    "code_by_document",
    "code_cooccurrence",
    "cohen_kappa",
    "cohen_kappa_table",
    "default_group_attribute",
    "disagreements",
    "evidence_gaps",
    "framework_matrix",
    "intercoder_agreement",
    "krippendorff_alpha_nominal",
    "load",
    "overlap_quotes",
    "quotes_for",
]
