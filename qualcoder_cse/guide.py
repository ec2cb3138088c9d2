"""The researcher's user guide: chapters read from ``resources/guide/*.md``, turned into one HTML document
with an anchor per section, and searched. No Qt here: the window (``ui/guide_window.py``) shows the HTML.

The chapters are Markdown in a small, fixed subset written for this guide: ``#``-``####`` headings with an
optional ``{#section-id}`` (the id context help opens; otherwise one is made from the title), paragraphs,
``-`` and ``1.`` lists, ``|`` tables, ``> `` notes, ``**bold**``, ``*italic*``, ```code```, links
(``[text](#section-id)``) and images (``![alt](images/x.png)``, relative to the guide folder). Files are
read in name order (``01-getting-started.md`` ...).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from .paths import resources_dir

_HEADING = re.compile(r"^(#{1,4})\s+(.*?)\s*(?:\{#([a-z0-9][a-z0-9-]*)\})?\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_LIST = re.compile(r"^(\s*)(-|\d+\.)\s+(.*)$")


def guide_dir() -> Path:
    return resources_dir() / "guide"


@dataclass
class Section:
    id: str
    title: str
    level: int
    chapter: str  # the id of the chapter (level-1 section) it belongs to
    text: str = ""  # its own plain text (no markup), for search
    children: list[Section] = field(default_factory=list)


@dataclass
class Guide:
    html: str
    sections: list[Section]  # every heading, in order

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def ids(self) -> set[str]:
        return {s.id for s in self.sections}

    def chapters(self) -> list[Section]:
        return [s for s in self.sections if s.level == 1]

    def search(self, query: str, limit: int = 50) -> list[tuple[Section, str]]:
        """Sections holding every word of QUERY (any case), with a snippet around the first word; a match in
        the title comes first."""
        words = [w for w in query.lower().split() if w]
        if not words:
            return []
        hits: list[tuple[int, Section, str]] = []
        for s in self.sections:
            hay = f"{s.title}\n{s.text}".lower()
            if all(w in hay for w in words):
                rank = 0 if all(w in s.title.lower() for w in words) else 1
                hits.append((rank, s, _snippet(s.text, words[0])))
        hits.sort(key=lambda h: h[0])
        return [(s, snip) for _, s, snip in hits[:limit]]


def _snippet(text: str, word: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    at = flat.lower().find(word)
    if at < 0:
        return flat[:width] + ("…" if len(flat) > width else "")
    start = max(0, at - width // 3)
    out = flat[start:start + width]
    return ("…" if start else "") + out + ("…" if start + width < len(flat) else "")


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "section"


def inline(text: str) -> str:
    """Inline Markdown of one line to HTML (text escaped first)."""
    out = html.escape(text, quote=False)
    codes: list[str] = []

    def keep_code(m: re.Match) -> str:
        codes.append(f"<code>{m.group(1)}</code>")
        return f"\x00{len(codes) - 1}\x00"

    out = _CODE.sub(keep_code, out)
    out = _IMAGE.sub(lambda m: f'<img src="{html.escape(m.group(2))}" alt="{m.group(1)}">', out)
    out = _LINK.sub(lambda m: f'<a href="{html.escape(m.group(2))}">{m.group(1)}</a>', out)
    out = _BOLD.sub(r"<b>\1</b>", out)
    out = _ITALIC.sub(r"<i>\1</i>", out)
    return re.sub("\x00(\\d+)\x00", lambda m: codes[int(m.group(1))], out)


def plain(text: str) -> str:
    """The words a reader sees in a line of Markdown (for search)."""
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    return text.replace("**", "").replace("`", "").replace("*", "")


def _table(rows: list[str]) -> str:
    cells = [[c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", r.strip().strip("|"))]
             for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-{2,}:?", c) for c in r)]
    if not cells:
        return ""
    head = "".join(f"<th align='left'>{inline(c)}</th>" for c in cells[0])
    body = "".join("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in r) + "</tr>" for r in cells[1:])
    return (f"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>{body}</table>")


def render(markdown: str, chapter: str, sections: list[Section]) -> tuple[str, str]:
    """One chapter's Markdown to HTML; its headings are appended to SECTIONS. Returns (html, chapter id)."""
    out: list[str] = []
    para: list[str] = []
    items: list[str] = []
    list_tag = ""
    table: list[str] = []
    note: list[str] = []

    def flush() -> None:
        nonlocal list_tag
        if para:
            out.append(f"<p>{inline(' '.join(para))}</p>")
            para.clear()
        if items:
            out.append(f"<{list_tag}>" + "".join(f"<li>{inline(i)}</li>" for i in items) + f"</{list_tag}>")
            items.clear()
        if table:
            out.append(_table(table))
            table.clear()
        if note:
            out.append("<table width='100%' cellpadding='8' bgcolor='#fff6d6'><tr><td>"
                       f"{inline(' '.join(note))}</td></tr></table>")
            note.clear()

    def add_text(line: str) -> None:
        if sections:
            sections[-1].text += plain(line) + "\n"

    for raw in markdown.splitlines():
        line = raw.rstrip()
        heading = _HEADING.match(line)
        listed = _LIST.match(line)
        if heading:
            flush()
            level, title, sid = len(heading.group(1)), heading.group(2), heading.group(3)
            sid = sid or slug(title)
            if level == 1:
                chapter = sid
            sections.append(Section(sid, plain(title), level, chapter))
            out.append(f'<h{level}><a name="{sid}">{inline(title)}</a></h{level}>')
        elif not line.strip():
            flush()
        elif line.startswith("|"):
            if para or items or note:
                flush()
            table.append(line)
            if not re.fullmatch(r"[|\s:-]+", line):
                add_text(line.replace("|", " "))
        elif line.startswith(">"):
            if para or items or table:
                flush()
            note.append(line[1:].strip())
            add_text(line[1:])
        elif listed:
            tag = "ol" if listed.group(2)[0].isdigit() else "ul"
            if para or table or note or (items and tag != list_tag):
                flush()
            list_tag = tag
            items.append(listed.group(3))
            add_text(listed.group(3))
        elif items and raw.startswith("  "):  # a list item continued on the next line
            items[-1] += " " + line.strip()
            add_text(line)
        else:
            if items or table or note:
                flush()
            para.append(line.strip())
            add_text(line)
    flush()
    return "\n".join(out), chapter


STYLE = ("<style>h1 { color: #1d3a5f; } h2 { color: #1d3a5f; } code { background: #eef; } "
         "th { background: #e8edf3; }</style>")


def load(folder: Path | None = None) -> Guide:
    """Every chapter of the guide in FOLDER (the shipped one by default), as one HTML document."""
    folder = folder or guide_dir()
    sections: list[Section] = []
    parts: list[str] = []
    for path in sorted(folder.glob("*.md")):
        body, _ = render(path.read_text(encoding="utf-8"), slug(path.stem), sections)
        parts.append(body)
    seen: set[str] = set()
    for s in sections:
        if s.id in seen:
            raise ValueError(f"The guide has two sections with the id '{s.id}'.")
        seen.add(s.id)
    return Guide(STYLE + "\n<hr>\n".join(parts), sections)
