"""Dates that name a day written the short ways notes and chats use (issue 15, session 5), beside the full
forms of ``patterns.py``:

- a weekday with an ordinal day: "Sat 14th", "Monday 3rd";
- a day and month in digits without a year where a date goes: "on 3/3", "from 19/4 to 22/4", "Tues 3/3"
  (a fraction or a score has no such word before it: "3/4 of them", "won 3/1");
- a day and month with a two-digit year: "14 Mar 24" (not "14 Mar 24 hours later");
- a range of days before their month, as one span: "14th-15th March", "from the 3rd to the 5th of June";
- (session 6) a night over two days: "20/21 February 2026", "Sat 14 / Sun 15 December";
- (session 7) a day said in words, as people give a date of birth aloud: "the Fourth of March, 2009",
  "twenty-first of June";
- (session 8) a two-digit day before a zero-padded month, or a day past the 12th before October to December,
  with no cue ("verbal, 19/06, by phone").
"""

from __future__ import annotations

import re

from .patterns import _DAY, _MON, _WEEKDAY, _YEAR, MONTHS
from .spans import Span

_ORDINAL = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)"
_DM = r"(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])"
_CUES = r"(?i:on|from|to|until|till|since|by|dated|between|and|before|after|received|w/[ce])"  # "w/c 6/10"
# a day number: the candidates, found first (a digit is rarer than a letter, so the longer patterns run only
# where one stands)
_DAY_NUMBER = re.compile(r"(?<![\w/.])(?:[12]\d|3[01]|0?[1-9])(?=st|nd|rd|th|ST|ND|RD|TH|/|\s|\.\d|-[A-Za-z]|[-–]\d)")
_WEEKDAY_BEFORE = re.compile(rf"(?<![\w/]){_WEEKDAY}[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)  # not across lines
_CUE_BEFORE = re.compile(rf"(?<!\w){_CUES}\s+$")
_AFTER_WEEKDAY = [
    (re.compile(rf"{_WEEKDAY}\s+(?:the\s+)?{_ORDINAL}(?![\w/])", re.IGNORECASE), 0.8),  # "Sat 14th"
    (re.compile(rf"{_WEEKDAY}\s+{_DM}(?![\w/]|\.\d)", re.IGNORECASE), 0.8),  # "Tues 3/3"
    # (session 14) a field diary's day heading: "fri 13.02"
    (re.compile(rf"{_WEEKDAY}\s+(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])(?![\w.]|\.\d)", re.IGNORECASE), 0.8),
    (re.compile(rf"{_WEEKDAY},?\s+{_DAY}-{_MON}-\d{{2,4}}(?![\w/-])", re.IGNORECASE), 0.85),  # "Tues 10-Feb-2026"
    # a night over two days: "Sat 14 / Sun 15 December" (the first day before the slash)
    (re.compile(rf"{_WEEKDAY}\s+{_DAY}(?=\s?[/&-]\s?{_WEEKDAY}\s+{_DAY}\b)", re.IGNORECASE), 0.8),
]
_AFTER_CUE = re.compile(rf"(?!24/7\b){_DM}(?![\w/]|\.\d)(?!\s*(?:of|th)\b)")  # "on 3/3", not "and 24/7"
# (session 9) the same with a dot, as notes write it ("meeting on 2.4.", "Received 2.4"): only where a clause or
# the line ends after it, so "on 2.4 million" and "by 1.5 metres" stay numbers
_AFTER_CUE_DOT = re.compile(r"(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])(?=[.,;:)]?(?:\s|$))(?![.,;:)]?[^\S\n]+[a-z\d£%])")
_FROM_DAY = [
    # "14 Mar 24", not "14 Mar 24 hours later"
    (re.compile(rf"{_DAY}(?:\s+of)?\s+{_MON},?\s+\d{{2}}(?![\w:/]|\.\w)"
                rf"(?!\s+(?:hours?|hrs?|mins?|minutes?|days?|weeks?|months?|years?|people|times|of|x)\b)",
                re.IGNORECASE), 0.85),
    # a night over two days: "20/21 February 2026"
    (re.compile(rf"{_DAY}/{_DAY}\s+{_MON}(?:,?\s+{_YEAR})?(?!\w)", re.IGNORECASE), 0.85),
    # "14th-15th March", "3rd to the 5th of June"
    (re.compile(rf"{_ORDINAL}\s?(?:-|–|to|and|till|until)\s?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}"
                rf"(?:,?\s+{_YEAR})?(?!\w)", re.IGNORECASE), 0.85),
    # (session 13) a night over two days before a month and year in digits: "21–22/02/2026"
    (re.compile(r"(?:[12]\d|3[01]|0?[1-9])\s?[-–]\s?(?:[12]\d|3[01]|0?[1-9])/(?:0?[1-9]|1[0-2])/(?:\d{4}|\d{2})(?![\w/])"),
     0.85),
    # (session 9) the same with plain days: "on leave from 3 - 14 March", "attendances (2 and 9 Feb)"
    (re.compile(rf"(?:[12]\d|3[01]|0?[1-9])\s?(?:-|–|and|to|&)\s?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:{MONTHS})"
                rf"(?:,?\s+{_YEAR})?(?!\w)", re.IGNORECASE), 0.8),
]


_ORD_WORDS = (r"(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|"
              r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
              r"twentieth|thirtieth")
# (session 9) a day said alone in words after "on the", "by the"...: "an IRD on the fifteenth, aye" (from the
# fourth up: "on the first", "the second" are as often an occasion)
_SAID_DAY = re.compile(r"(?=[obutsafOBUTSAF])(?i:\b(?:on|by|of|until|till|before|after|since|from) the )(?P<d>(?:(?:twenty|thirty)[- ])?"
                       r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|"
                       r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
                       r"thirtieth|fourth|fifth|sixth|seventh|eighth|ninth)(?![\w-])"
                       r"(?=\s*(?:[,.;:!?)]|$|(?:at|and|aye|when|so|then|but|because|we|i|he|she|they)\b))")
# (session 13) the year said too: "ninth of November twenty thirteen", "the eighth of August two thousand and eleven"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_SAID_YEAR = (rf"(?:two\s+thousand(?:\s+and)?(?:[\s-](?:{_TEENS}|twenty(?:[\s-]{_UNITS})?|{_UNITS}))?"
              rf"|(?:nineteen|twenty)[\s-](?:oh[\s-]{_UNITS}|{_TEENS}|(?:twenty|thirty|forty|fifty|sixty|seventy|"
              rf"eighty|ninety)(?:[\s-]{_UNITS})?))")
_SAID_DATE = re.compile(rf"(?=[tfsen])(?<![\w-])(?:{_ORD_WORDS})\s+of\s+{_MON}(?:,?\s+(?:{_YEAR}|{_SAID_YEAR}))?(?![\w-])",
                        re.IGNORECASE)


# (session 7) a date in Welsh, as bilingual minutes give it: "21 Ionawr 2026", "18 Chwefror"
_WELSH_DATE = re.compile(r"\b(?:[12]\d|3[01]|0?[1-9])\s+(?:Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|"
                         r"Hydref|Tachwedd|Rhagfyr)(?:\s+(?:19|20)\d\d)?\b")
# a day and month in two digits each after a sighting or in brackets: "last seen 08/03", "(27/03)"
_SEEN_DM = re.compile(r"(?:\b(?i:seen|found|missing|reported|follow-up|occasion)\s+|\()(?P<d>(?:0[1-9]|[12]\d|3[01])/"
                      r"(?:0[1-9]|1[0-2]))(?![\w/]|\.\d)")

# (session 8) a day and month written as a form writes them, with no cue needed: a two-digit day before a
# zero-padded month ("verbal, 19/06, by phone"), or a zero-padded day or one past the 12th before Oct-Dec
# ("mum 03/11.", "14/11");
# a fraction or a score is not written so ("3/4", "11/12 attended", "24/7")
_PADDED_DM = re.compile(r"(?<![\w/.:-])(?:(?:0[1-9]|[12]\d|3[01])/0[1-9]|(?:0[1-9]|1[3-9]|2\d|3[01])/1[0-2])"
                        r"(?![\w/:-]|[.,]\d)")
_LINE_DM = re.compile(rf"^[ \t]*(?P<d>{_DM})(?=[ \t]*[-–:)]?[ \t]+(?:\d{{1,2}}[:.]\d{{2}}[ \t]+)?[A-Za-z])", re.MULTILINE)


def short_dates(text: str) -> list[Span]:
    out = [Span(m.start(), m.end(), "DATE", m.group(), 0.8, "pattern") for m in _WELSH_DATE.finditer(text)]
    out += bracket_days(text)
    out += [Span(m.start("d"), m.end("d"), "DATE", m.group("d"), 0.6, "pattern") for m in _SEEN_DM.finditer(text)]
    out += [Span(m.start(), m.end(), "DATE", m.group(), 0.6, "pattern") for m in _PADDED_DM.finditer(text)]
    entries = list(_LINE_DM.finditer(text))
    if len(entries) >= 2:
        out += [Span(m.start("d"), m.end("d"), "DATE", m.group("d"), 0.6, "pattern") for m in entries]
    for m in _SAID_DAY.finditer(text):
        d = m.group("d").lower()
        if d.split("-")[-1].split()[-1] not in ("first", "second", "third") or " " in d or "-" in d:
            out.append(Span(m.start("d"), m.end("d"), "DATE", m.group("d"), 0.6, "pattern"))
    for m in _SAID_DATE.finditer(text):
        end = m.end() - (m.group().endswith(".") and len(m.group().split()[-1]) > 4)  # "November." ends a sentence
        out.append(Span(m.start(), end, "DATE", text[m.start():end], 0.75, "pattern"))

    def add(m: re.Match | None, conf: float) -> None:
        if m is not None:
            out.append(Span(m.start(), m.end(), "DATE", m.group(), conf, "pattern"))

    for d in _DAY_NUMBER.finditer(text):
        p = d.start()
        wd = _WEEKDAY_BEFORE.search(text, max(0, p - 16), p)
        if wd is not None:
            for rx, conf in _AFTER_WEEKDAY:
                add(rx.match(text, wd.start()), conf)
        if (cue := _CUE_BEFORE.search(text, max(0, p - 9), p)) is not None:
            add(_AFTER_CUE.match(text, p), 0.6)
            if "\n" not in text[cue.start():p]:  # "3. Information received\n3.1 On..." is a section number
                add(_AFTER_CUE_DOT.match(text, p), 0.6)
        for rx, conf in _FROM_DAY:
            add(rx.match(text, p), conf)
    return out


# (session 14) the day after a weekday in brackets: "missing since Sunday night (8th)"
_BRACKET_DAY = re.compile(rf"(?=[mtwfs])(?<!\w){_WEEKDAY}(?:[ \t]+(?:night|morning|evening|afternoon))?[ \t]+\((?P<d>{_ORDINAL})\)",
                          re.IGNORECASE)
# a day with a month cut short and its full stop: "6 Nov." (the stop is part of the abbreviation)
_CUT_MONTH_DOT = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.", re.IGNORECASE)


def bracket_days(text: str) -> list[Span]:
    return [Span(m.start("d"), m.end("d"), "DATE", m.group("d"), 0.7, "pattern") for m in _BRACKET_DAY.finditer(text)]


def dotted_months(text: str, spans: list[Span]) -> list[Span]:
    """A date ending in a cut month takes its full stop: "6 Nov." is the whole date as written."""
    out = []
    for s in spans:
        if s.label == "DATE" and s.text[-1:].isalpha() and _CUT_MONTH_DOT.match(text, s.end - len(s.text.split()[-1])) \
                and text[s.end:s.end + 1] == "." and len(s.text.split()[-1]) <= 4:
            s = Span(s.start, s.end + 1, "DATE", text[s.start:s.end + 1], s.confidence, s.source)
        out.append(s)
    return out


def joined_dates(spans: list[Span]) -> list[Span]:
    """(session 9) Dates found overlapping are one date: "Tues 11th March" and "11th March 25" are "Tues 11th
    March 25" (the layers each saw part of it). Other spans pass as they are."""
    # a date run across a line break is cut later (``export_lines.one_line_dates``): left as it is here
    dates = sorted((s for s in spans if s.label == "DATE" and "\n" not in s.text), key=lambda x: (x.start, -x.end))
    if len(dates) < 2:
        return spans
    joined: list[Span] = []
    for s in dates:
        cur = joined[-1] if joined else None
        if cur is not None and s.start < cur.end:
            # joined only over a shared day number ("11th March"), not a month alone ("14 Mar" / "Mar 24 hours")
            if s.end > cur.end and any(c.isdigit() for c in s.text[:cur.end - s.start]):
                joined[-1] = Span(cur.start, s.end, "DATE", cur.text + s.text[cur.end - s.start:],
                                  max(cur.confidence, s.confidence), cur.source)
            continue
        joined.append(s)
    return [s for s in spans if s.label != "DATE" or "\n" in s.text] + joined
