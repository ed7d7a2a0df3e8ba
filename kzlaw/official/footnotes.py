r"""Official footnotes as provenance: which laws amended an article, when, and when each took effect.

Every article of the official text ends with a footnote ("Сноска. Статья 128 с изменениями,
внесенными Законом РК от 27.12.2019 № 292-VІ (вводится в действие по истечении десяти календарных
дней после дня его первого официального опубликования)."). :func:`parse_footnote` reads it into
:class:`FootnoteLaw` objects, each with the words as printed, the law's number mapped to kzlaw's
ASCII law id, its date and its entry-into-force rule; :func:`footnote_windows` checks each held
official footnote against the law that brought its version.

>>> (law,) = parse_footnote("Сноска. Статья 128 с изменениями, внесенными Законом РК от 27.12.2019 № 292-VІ "
...     "(вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).")
>>> law.number == "292-V\u0406", law.law_id, law.date, law.entry_into_force.kind
(True, '292-VI', datetime.date(2019, 12, 27), 'ten_days_after_publication')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Literal

from attrs import field, frozen

from kzlaw.corpus import Corpus, resolve_corpus
from kzlaw.display import Presentable
from kzlaw.when import When

__all__ = [
    "LAW_ALIASES",
    "EntryIntoForce",
    "FootnoteLaw",
    "FootnoteWindow",
    "ascii_law_number",
    "footnote_windows",
    "parse_footnote",
]

EntryKind = Literal[
    "ten_days_after_publication",
    "six_months_after_publication",
    "fixed_date",
    "on_publication",
    "see_law",
    "other",
    "not_stated",
]
Action = Literal["amended", "restated", "added", "deleted", "unknown"]

#: Cyrillic and other letters printed in place of the Latin letters of a Roman numeral (``292-VІ``).
LOOKALIKES: Mapping[str, str] = {
    "\u0406": "I",  # CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I
    "\u04c0": "I",  # CYRILLIC LETTER PALOCHKA
    "\u0456": "I",  # CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
    "\u0425": "X",  # CYRILLIC CAPITAL LETTER HA
    "\u0474": "V",  # CYRILLIC CAPITAL LETTER IZHITSA
    "\u2160": "I",
    "\u2164": "V",
    "\u2169": "X",
}

#: Laws kzlaw names by another id than their number: ``(number, date) -> law id``, each with its reason.
LAW_ALIASES: Mapping[tuple[str, dt.date], str] = {
    # The 1997 code's footnotes cite "Законом РК от 2 марта 2006 года N 131" for arts. 113, 125, 126, 128,
    # 133 and 275-1: the anti-trafficking law kzlaw holds (from iphr-2010) without its number.
    ("131", dt.date(2006, 3, 2)): "2006-anti-trafficking",
}

_MONTHS = {
    name: i + 1
    for i, name in enumerate(
        (
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        )
    )
}
_DATE = r"\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s+(?:" + "|".join(_MONTHS) + r")\s+\d{4}"
_NUMBER = r"\d+(?:\s*-\s*[IVXІӀіХѴⅠⅤⅩ]+)?"
_LAW = re.compile(
    rf"(?:\bот\s+|ҚР\s+)?(?P<date>{_DATE})(?:\s*(?:года|г\.|ж\.))?\s*(?:N|№)\s*(?P<number>{_NUMBER})"
    r"\s*(?:\((?P<rule>[^()]*(?:\([^()]*\)[^()]*)*)\))?"
)
_ACTIONS: tuple[tuple[str, Action], ...] = (
    (r"в\s+редакции|новая\s+редакция|изложен|жаңа\s+редакция", "restated"),
    (r"дополнен|толықтырыл", "added"),
    (r"исключен|утратил|алып\s+тасталды", "deleted"),
    (r"изменени|внесен|өзгеріс|енгізілді", "amended"),
)


def ascii_law_number(number: str) -> str:
    """A law number as printed, with look-alike letters mapped to Latin and spaces dropped: ``292-VI``."""
    return "".join(LOOKALIKES.get(c, c) for c in number if not c.isspace())


def _date(text: str) -> dt.date | None:
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text.strip())
    try:
        if m:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        m = re.fullmatch(r"(\d{1,2})\s+(\w+)\s+(\d{4})", text.strip())
        if m and m[2] in _MONTHS:
            return dt.date(int(m[3]), _MONTHS[m[2]], int(m[1]))
    except ValueError:
        return None
    return None


@frozen
class EntryIntoForce:
    """A law's entry-into-force rule as the footnote prints it, and what kind of rule it is.

    ``kind`` is ``ten_days_after_publication``, ``six_months_after_publication``, ``fixed_date``
    (``date`` holds it), ``on_publication``, ``see_law`` (the footnote refers to the law's own
    article), ``other`` or ``not_stated``. ``except_from`` is the date from which some provisions
    take effect instead, where the rule says so ("за исключением ...", "... қоспағанда").
    """

    words: str = ""
    kind: EntryKind = "not_stated"
    date: dt.date | None = None
    except_from: dt.date | None = None

    @classmethod
    def read(cls, words: str) -> EntryIntoForce:
        """The rule these words state (``""``: not stated)."""
        text = " ".join(words.split())
        if not text:
            return cls()
        low = text.lower().replace("i", "і")
        dates = [d for d in (_date(m) for m in re.findall(_DATE, low)) if d is not None]
        ten = re.search(r"десяти\s+календарных\s+дней|он\s+күн", low)
        six = re.search(r"шести\s+месяцев|алты\s+ай", low)
        excepted = re.search(r"исключени|қоспағанда", low)
        if ten or six:
            kind: EntryKind = "ten_days_after_publication" if ten else "six_months_after_publication"
            return cls(text, kind, None, dates[0] if dates and excepted else None)
        if dates and re.search(r"(?:^|\s)с\s+\d|бастап", low):
            return cls(text, "fixed_date", dates[0])
        if re.search(r"со\s+дня\s+(?:его\s+)?(?:первого\s+)?официального\s+опубликования|жарияланған\s+күн", low):
            return cls(text, "on_publication")
        if re.search(r"порядок\s+введения|см\.", low):
            return cls(text, "see_law")
        return cls(text, "other")


@frozen
class FootnoteLaw:
    """One law a footnote cites: its words as printed, its kzlaw id, date, entry into force and action.

    ``number`` is verbatim (it may hold Cyrillic look-alikes, ``292-VІ``); ``law_id`` is the
    ASCII id kzlaw names the law by (:data:`LAW_ALIASES`, else the number with look-alikes mapped
    to Latin). ``action`` says what the law did to the article (``amended``, ``restated``...).
    """

    words: str
    number: str
    law_id: str
    date: dt.date | None
    entry_into_force: EntryIntoForce = field(factory=EntryIntoForce)
    action: Action = "unknown"

    @property
    def lookalikes(self) -> bool:
        """Whether the printed number holds look-alike letters (it differs from its ASCII form)."""
        return ascii_law_number(self.number) != self.number.replace(" ", "")


def parse_footnote(text: str) -> tuple[FootnoteLaw, ...]:
    """Every law an official footnote cites, in the order printed (Russian or Kazakh; 1997 and 2014 forms)."""
    out: list[FootnoteLaw] = []
    action: Action = "unknown"
    last = 0
    for m in _LAW.finditer(text):
        before = text[last : m.start()].lower()
        for pattern, name in _ACTIONS:
            if re.search(pattern, before):
                action = name
                break
        last = m.end()
        number = m["number"]
        date = _date(m["date"])
        ascii_number = ascii_law_number(number)
        law_id = LAW_ALIASES.get((ascii_number, date), ascii_number) if date else ascii_number
        words = m.group(0).strip()
        out.append(FootnoteLaw(words, number, law_id, date, EntryIntoForce.read(m["rule"] or ""), action))
    return tuple(out)


WindowStatus = Literal["agrees", "later_law", "own_law_missing", "no_law_to_check"]


@frozen
class FootnoteWindow(Presentable):
    """What an official footnote says about the law that brought its version.

    ``status`` is ``agrees`` (the footnote cites the version's law and no later one), ``later_law``
    (it cites a law that brought a later version, or one adopted after the version surely ended:
    the words are not this version's), ``own_law_missing`` (it does not cite the version's law), or
    ``no_law_to_check`` (the version is a code's original text and the footnote cites no later law).
    ``law_in_force`` is when kzlaw holds the version's law to have taken effect.
    """

    ref: str
    language: str
    footnote: str
    amended_by: str | None
    laws: tuple[FootnoteLaw, ...]
    cites_own_law: bool
    later_laws: tuple[str, ...]
    law_in_force: When | None = None
    rule: EntryIntoForce | None = None

    @property
    def status(self) -> WindowStatus:
        """The verdict in one word (see the class)."""
        if self.later_laws:
            return "later_law"
        if self.cites_own_law:
            return "agrees"
        checkable = self.amended_by is not None and self.amended_by not in _ORIGINAL_TEXTS
        return "own_law_missing" if checkable else "no_law_to_check"

    @property
    def agrees(self) -> bool:
        """Whether nothing in the footnote contradicts the version it is held for."""
        return self.status in ("agrees", "no_law_to_check")


#: Laws that are a code's own original text: no footnote cites them.
_ORIGINAL_TEXTS = frozenset({"226-V"})


def footnote_windows(corpus: Corpus | None = None) -> tuple[FootnoteWindow, ...]:
    """For each version holding an official wording with a footnote, what the footnote says of its laws."""
    corpus = resolve_corpus(corpus)
    out: list[FootnoteWindow] = []
    for art in corpus:
        for i, v in enumerate(art.versions):
            later = {w.amended_by for w in art.versions[i + 1 :] if w.amended_by}
            end = v.valid_to.latest if v.valid_to is not None else None
            for lang, w in v.wordings.items():
                if w.status != "official" or not w.footnote:
                    continue
                laws = parse_footnote(w.footnote)
                own = [x for x in laws if v.amended_by is not None and x.law_id == v.amended_by]
                late = tuple(
                    x.law_id
                    for x in laws
                    if x.law_id != v.amended_by
                    and (x.law_id in later or (x.date is not None and end is not None and x.date >= end))
                )
                law = corpus.laws.get(v.amended_by) if v.amended_by else None
                out.append(
                    FootnoteWindow(
                        v.ref,
                        lang,
                        w.footnote,
                        v.amended_by,
                        laws,
                        bool(own),
                        late,
                        law.in_force if law is not None else None,
                        own[0].entry_into_force if own else None,
                    )
                )
    return tuple(out)
