"""Builders of real source files for the importer tests: each writes a genuine file of its format.

DOCX via python-docx, ODT via odfpy, PDF via fpdf2 (test-only dependency), a blank no-text PDF via pypdf,
RTF, VTT and SRT as text. The expected text of each is stated next to the builder's test.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path


def build_docx(path: Path) -> Path:
    """A transcript with a header and footer, a tracked deletion and insertion, and a speaker table."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "CONFIDENTIAL - header text"
    section.footer.paragraphs[0].text = "Page footer text"
    d.add_paragraph("Focus group 4 transcript")
    d.add_paragraph("[00:00:05] INT: Welcome, everyone.")
    p = d.add_paragraph("P1: We met at the ")
    # A tracked deletion ("old place ") followed by a tracked insertion ("youth centre").
    p._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="1" w:author="T" w:date="2024-01-01T00:00:00Z">'
        '<w:r><w:delText>old place </w:delText></w:r></w:del>'
    ))
    p._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="2" w:author="T" w:date="2024-01-01T00:00:00Z">'
        '<w:r><w:t>youth centre</w:t></w:r></w:ins>'
    ))
    p.add_run(" on Fridays 😀")
    d.add_paragraph("and it felt safe.")
    table = d.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("Speaker", "Text"), ("YP2", "Nobody asked us."), ("YP2", "Not once.")]):
        table.cell(r, 0).text = a
        table.cell(r, 1).text = b
    d.add_paragraph("DS Smith: Thank you all.")
    d.save(str(path))
    return path


DOCX_TEXT = (
    "Focus group 4 transcript\n"
    "INT: Welcome, everyone.\n"
    "P1: We met at the youth centre on Fridays 😀\n"
    "and it felt safe.\n"
    "Speaker\tText\n"
    "YP2: Nobody asked us.\n"
    "YP2: Not once.\n"
    "DS Smith: Thank you all."
)


def build_odt(path: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.style import Footer, MasterPage, PageLayout
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, Note, NoteBody, NoteCitation, P, S, Span, Tab

    doc = OpenDocumentText()
    layout = PageLayout(name="pm1")
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    footer = Footer()
    footer.addElement(P(text="ODT footer text"))
    master.addElement(footer)
    doc.masterstyles.addElement(master)
    doc.text.addElement(H(outlinelevel=1, text="Consultation 7"))
    doc.text.addElement(P(text="Facilitator: What would help?"))
    p = P()
    p.addText("YP1: being ")
    p.addElement(Span(text="listened"))
    p.addText(" to")
    p.addElement(S(c=2))
    p.addText("tbh")
    p.addElement(Tab())
    p.addText("💯")
    note = Note(noteclass="footnote", id="n1")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="A footnote that must not appear"))
    note.addElement(body)
    p.addElement(note)
    doc.text.addElement(p)
    table = Table(name="t1")
    table.addElement(TableColumn(numbercolumnsrepeated=3))
    for ts, who, said in [("00:03:10", "YP2", "same"), ("00:03:15", "YP2", "and more youth workers")]:
        row = TableRow()
        for value in (ts, who, said):
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    doc.text.addElement(table)
    doc.save(str(path))
    return path


ODT_TEXT = (
    "Consultation 7\n"
    "Facilitator: What would help?\n"
    "YP1: being listened to  tbh\t💯\n"
    "YP2: same\n"
    "YP2: and more youth workers"
)


RTF_SOURCE = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}"
    r"{\header {\pard Header text\par}}{\footer {\pard Footer text\par}}"
    "\n"
    r"\pard Interview 12\par"
    "\n"
    r"\pard Interviewer: Caf\'e9 {\deleted\revauth1 deleted words }meetings \u8211? were they useful?\par"
    "\n"
    r"\pard Respondent 3: {\b Yes}, very \u-10179?\u-8704?\par"
    "\n"
    r"\pard\tab indented line\par"
    "\n}"
)
RTF_TEXT = (
    "Interview 12\n"
    "Interviewer: Café meetings – were they useful?\n"
    "Respondent 3: Yes, very 😀\n"
    "\tindented line"
)


def build_pdf(path: Path, lines: list[str] | None = None) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in lines or PDF_LINES[:4]:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in PDF_LINES[4:]:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    path.write_bytes(bytes(pdf.output()))
    return path


PDF_LINES = [
    "Interview with a CSE coordinator",
    "(00:04:10) INT: How do you identify risk?",
    "R: Mostly through return interviews.",
    "It varies by area.",
    "INT: Thank you.",
]
PDF_TEXT = (
    "Interview with a CSE coordinator\n"
    "INT: How do you identify risk?\n"
    "R: Mostly through return interviews.\n"
    "It varies by area.\n"
    "INT: Thank you."
)


def build_blank_pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    path.write_bytes(buf.getvalue())
    return path


VTT_SOURCE = """WEBVTT
Kind: captions

NOTE recorded call, 3 people

1
00:00:01.000 --> 00:00:04.000
<v Roger Bingham>We are in New York City</v>

2
00:00:04.500 --> 00:00:06.000 align:start
<v Roger Bingham>and it&apos;s <i>sunny</i> &amp; warm

00:00:07.000 --> 00:00:09.500
<v.loud Neil deGrasse Tyson>Hello there

00:00:10.000 --> 00:00:12.000
Sam: joining late, sorry
"""
VTT_TEXT = (
    "Roger Bingham: We are in New York City and it's sunny & warm\n"
    "\n"
    "Neil deGrasse Tyson: Hello there\n"
    "\n"
    "Sam: joining late, sorry"
)

SRT_SOURCE = """1
00:00:01,000 --> 00:00:03,000
<i>MODERATOR: Right, let's start.</i>

2
00:00:03,500 --> 00:00:05,000
MODERATOR: Who goes first?

3
00:00:06,000 --> 00:00:08,000
[Parent 1] Me.
"""
SRT_TEXT = "MODERATOR: Right, let's start. Who goes first?\n\nParent 1: Me."


def zip_bomb(path: Path, inflated_mb: int = 30) -> Path:
    """A '.docx' whose document part inflates ~1000 times (zeros), plus the parts Word files have."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with zf.open("word/document.xml", "w") as fh:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(inflated_mb):
                fh.write(chunk)
    return path


def build_pdf_with_running_lines(path: Path, pages: list[list[str]]) -> Path:
    """A PDF whose every page has a running header and a "Page N of M" footer."""
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, "Interview 4 - CONFIDENTIAL", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, f"Page {self.page_no()} of {len(pages)}")

    pdf = Doc()
    for lines in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        for line in lines:
            pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    path.write_bytes(bytes(pdf.output()))
    return path
