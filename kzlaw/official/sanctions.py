"""The sanction cross-check: read a part's sanction clause from its words and compare it with the structured sanction.

:func:`read_sanction` reads the clause of a part ("наказываются лишением свободы на срок от четырех
до семи лет с конфискацией имущества", "shall be punished by imprisonment for a term of up to five
years with or without confiscation of property", "мүлкі тәркіленіп, ... бас бостандығынан айыруға
жазаланады") into penalty options with kinds, bounds, units, and whether confiscation or
disqualification is mandatory or optional. :func:`check_sanctions` compares that reading with the
structured :class:`~kzlaw.sanction.Sanction` of every part of every official or translated wording.

>>> w = read_sanction("наказываются лишением свободы на срок от четырех до семи лет с конфискацией имущества.", "ru")
>>> [str(p) for p in w.main], [str(p) for p in w.additional]
(['imprisonment 4-7 years'], ['confiscation of property (mandatory)'])
>>> w = read_sanction("shall be punished by imprisonment for a term of up to five years, with or without "
...                   "confiscation of property.", "en")
>>> [str(p) for p in w.main + w.additional]
['imprisonment up to 5 years', 'confiscation of property (optional)']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from attrs import evolve, frozen

from kzlaw.corpus import Corpus, resolve_corpus
from kzlaw.display import Presentable
from kzlaw.errors import InvalidValueError
from kzlaw.official.numbers import fold_kazakh, number_pattern, read_number
from kzlaw.sanction import Penalty, Sanction

__all__ = ["CHECKED_STATUSES", "SanctionCheck", "SanctionWords", "check_sanctions", "compare_sanction", "read_sanction"]

#: The wordings whose words state the law (or translate it): summaries hold no sanction words.
CHECKED_STATUSES = ("official", "unofficial_translation")

_KINDS: dict[str, tuple[tuple[str, str, str], ...]] = {
    # (pattern, kind, role): role "with" is additional when the words before it say so ("с", "with").
    "ru": (
        (
            r"(?:пожизненн\w*\s+)?лишени\w*\s+права(?:\s+занимать\s+определенные\s+должности)?"
            r"(?:\s+или\s+заниматься\s+определенной\s+деятельностью)?",
            "disqualification",
            "with",
        ),
        (r"(?:пожизненн\w*\s+)?лишени\w*\s+свободы", "imprisonment", "with"),
        (r"конфискаци\w*\s+имущества", "confiscation", "with"),
        (r"штраф\w*", "fine", "with"),
        (r"исправительн\w*\s+работ\w*", "correctional_labour", "with"),
        (r"(?:привлечени\w*\s+к\s+)?общественн\w*\s+работ\w*", "community_service", "with"),
        (r"ограничени\w*\s+свободы", "restriction_of_liberty", "with"),
        (r"арест\w*", "arrest", "with"),
    ),
    "en": (
        (
            r"(?:lifetime\s+|life-long\s+)?deprivation\s+of\s+the\s+right\s+to\s+(?:hold|occupy)\s+certain\s+"
            r"(?:posts|positions|offices)(?:\s+or\s+(?:to\s+)?engage\s+in\s+certain\s+(?:types\s+of\s+)?activit\w*)?",
            "disqualification",
            "with",
        ),
        (r"(?:life\s+)?imprisonment|deprivation\s+of\s+(?:liberty|freedom)", "imprisonment", "with"),
        (r"confiscation\s+of\s+(?:the\s+)?property|property\s+confiscation", "confiscation", "with"),
        (r"\bfines?\b", "fine", "with"),
        (r"correctional\s+(?:labou?r|works?)", "correctional_labour", "with"),
        (r"community\s+(?:service|works?)|public\s+works?", "community_service", "with"),
        (r"(?:the\s+)?restriction\s+of\s+(?:liberty|freedom)", "restriction_of_liberty", "with"),
        (r"(?:detention\s+under\s+)?arrest", "arrest", "with"),
    ),
    "kk": (
        (r"мүлк\w*\s+тәркілен\w*", "confiscation", "additional"),
        (r"айыра\s+отырып", "disqualification", "additional"),
        (r"бас\s+бостандығын\s+шектеу\w*", "restriction_of_liberty", "main"),
        (r"бас\s+бостандығынан\s+айыру\w*", "imprisonment", "main"),
        (r"айыппұл\w*(?:\s+салу\w*)?", "fine", "main"),
        (r"түзеу\s+жұмыстар\w*", "correctional_labour", "main"),
        (r"қоғамдық\s+жұмыстар\w*(?:\s+тарту\w*)?", "community_service", "main"),
        (r"қамаққа\s+алу\w*", "arrest", "main"),
    ),
}
_UNITS = {
    "ru": r"месячн\w*\s+расчетн\w*\s+показател\w*|лет|год\w*|месяц\w*|недел\w*|сут\w*|дн\w*|дней|час\w*",
    "en": r"monthly\s+(?:assessment|calculation|calculated)\s+(?:indicators?|indices|index(?:es)?)|MCI|"
    r"monthly\s+(?:wages?|salar(?:y|ies)|incomes?)|years?|months?|weeks?|days?|hours?",
    "kk": r"айлық\s+есептік\s+көрсеткіш|жыл|ай(?!лық)|сағат|тәулік|апта",
}
_UNIT_NAMES = (
    (r"^(?:месячн|monthly\s+(?:ass|calc)|mci|айлық)", "mci"),
    (r"^monthly\s+(?:wage|salar|income)", "monthly_income"),
    (r"^(?:лет|год|year|жыл)", "years"),
    (r"^(?:месяц|month|ай)", "months"),
    (r"^(?:недел|week|апта)", "weeks"),
    (r"^(?:сут|дн|дней|day|тәулік)", "days"),
    (r"^(?:час|hour|сағат)", "hours"),
)
_SAME = {
    "ru": r"на\s+тот\s+же\s+срок|в\s+том\s+же\s+размере",
    "en": r"for\s+the\s+same\s+(?:term|period)|in\s+the\s+same\s+amount",
    "kk": r"сол\s+(?:мерзім\w*|мөлшер\w*)",
}
_INCOME = {"ru": r"заработн\w*\s+плат|дохода", "en": r"\b(?:wages?|salar(?:y|ies)|income)\b", "kk": r"табыс"}
_LIFE = {"ru": r"пожизненн", "en": r"\blife\b|lifetime|life-long|for\s+life", "kk": r"өмір\s+бойы"}
_CONDITION = {
    "ru": r"а\s+в\s+случаях,\s+предусмотренных\s+[^,]*?\)",
    "en": r"and\s+in\s+the\s+cases?\s+(?:provided\s+for|envisaged)\s+(?:by|in)\s+[^,]*",
    "kk": r"\d+\)\s+тармағында\s+көзделген\s+жағдайларда",
}
_CLAUSE = {
    "ru": r"наказыва\w+\b",
    "en": r"(?:shall\s+be|is|are)\s+(?:punished|punishable)\s+(?:by|with)\b",
    "kk": r"жазалан\w+",
}


@frozen
class SanctionWords(Presentable):
    """What a sanction clause says, read from its words: the options, and what could not be read.

    ``main`` and ``additional`` are :class:`~kzlaw.sanction.Penalty` objects as the words give them
    (an option limited to some cases keeps the limiting words in its ``note``); ``unread`` lists
    what the reader found but could not turn into an option.
    """

    language: str
    clause: str
    main: tuple[Penalty, ...] = ()
    additional: tuple[Penalty, ...] = ()
    unread: tuple[str, ...] = ()


def _unit(words: str) -> str:
    w = words.lower()
    for pattern, unit in _UNIT_NAMES:
        if re.match(pattern, w):
            return unit
    raise ValueError(words)  # pragma: no cover - _UNITS and _UNIT_NAMES name the same words


def _to_unit(value: int, unit: str, target: str) -> int:
    if unit == target:
        return value
    if (unit, target) == ("years", "months"):
        return value * 12
    raise ValueError(f"{unit} in {target}")


def _ranges(seg: str, language: str) -> list[tuple[int | None, int, str]]:
    """Every ``(minimum, maximum, unit)`` the words of one option give, in order."""
    num, unit = number_pattern(language), _UNITS[language]
    if language == "ru":
        pattern = rf"(?:от\s+(?P<lo>{num})(?:\s+(?P<lounit>{unit}))?\s+)?до\s+(?P<hi>{num})\s+(?P<unit>{unit})"
    elif language == "en":
        pattern = (
            rf"(?:(?:from\s+)?(?P<lo>{num})(?:\s+(?P<lounit>{unit}))?\s+to\s+|up\s+to\s+)"
            rf"(?P<hi>{num})\s+(?P<unit>{unit})"
        )
    else:
        pattern = rf"(?:(?P<lo>{num})\s+(?P<lounit>{unit})\w*\s+)?(?P<hi>{num})\s+(?P<unit>{unit})\w*\s+дейін"
    out: list[tuple[int | None, int, str]] = []
    income = re.search(_INCOME[language], seg, re.IGNORECASE) is not None
    for m in re.finditer(pattern, seg, re.IGNORECASE):
        hi, name = read_number(m["hi"], language), _unit(m["unit"])
        lo = read_number(m["lo"], language) if m["lo"] else None
        lo_name = _unit(m["lounit"]) if m["lounit"] else name
        if hi is None:
            continue
        if income and name in ("years", "months"):  # "доход ... за период от двух до пяти месяцев"
            hi = _to_unit(hi, name, "months")
            lo = None if lo is None else _to_unit(lo, lo_name, "months")
            name = "monthly_income"
        elif lo is not None and lo_name != name:
            hi, lo = _to_unit(hi, name, "months"), _to_unit(lo, lo_name, "months")
            name = "months"
        out.append((lo, hi, name))
    return out


def clause_of(text: str, language: str) -> str:
    """The sanction clause of a part's words ("" if it has none): from the verb (ru, en) or its paragraph (kk)."""
    if language not in _CLAUSE:
        return ""
    if language == "kk":
        folded = fold_kazakh(text)
        m = re.search(_CLAUSE["kk"], folded)
        if m is None:
            return ""
        start = max(folded.rfind(mark, 0, m.start()) for mark in ("\n", " – ", " - "))
        return text[start + 1 : m.end()].strip(" –-\n")
    m = re.search(_CLAUSE[language], text, re.IGNORECASE)
    return text[m.start() :].strip() if m else ""


def read_sanction(text: str, language: str) -> SanctionWords | None:
    """Read the sanction clause in a part's words; ``None`` if the words hold no clause (or no reader).

    Args:
        text: The part's words (the whole part, or its clause alone).
        language: ``ru``, ``kk`` or ``en``.
    """
    clause = clause_of(text, language)
    if not clause:
        return None
    body = fold_kazakh(clause) if language == "kk" else clause.replace("ё", "е")
    if language == "kk":  # "неүш жылға" is printed glued
        body = re.sub(r"(?<!\w)не(?=(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он)\s)", "не ", body)
    kinds = _KINDS[language]
    big = "|".join(f"(?P<k{i}>{p})" for i, (p, _, _) in enumerate(kinds))
    found = list(re.finditer(big, body, re.IGNORECASE))
    main: list[Penalty] = []
    additional: list[Penalty] = []
    unread: list[str] = []
    for i, m in enumerate(found):
        index = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        _, kind, role = kinds[index]
        prev_end = found[i - 1].end() if i else 0
        next_start = found[i + 1].start() if i + 1 < len(found) else len(body)
        before, after = body[prev_end : m.start()], body[m.end() : next_start]
        seg = before if language == "kk" else after
        if role == "with":
            tail = before.rstrip().lower()
            extra = tail.endswith(("с", "with", "with or without", "а также")) or bool(re.search(r"\bс$", tail))
            role = "additional" if extra else "main"
        optional = (
            bool(re.search(r"или\s+без\s+таков", after))
            if language == "ru"
            else bool(re.search(r"with\s+or\s+without\s*$", before) or re.search(r"^\W*or\s+without\b", after))
            if language == "en"
            else bool(re.match(r"\W*немесе\s+онсыз", after))
        )
        life = bool(re.search(_LIFE[language], m.group(0) + (" " + before if language == "kk" else ""), re.I))
        if language != "kk" and re.match(r"\W*(?:for\s+life|пожизненно)", after, re.I):
            life = True
        condition = re.search(_CONDITION[language], before)
        note = condition.group(0) if condition else ""
        options: list[tuple[int | None, int | None, str | None]] = []
        if kind != "confiscation" and not life:
            options = list(_ranges(seg, language))
            if not options and re.search(_SAME[language], seg, re.I) and main:
                options = [(main[-1].minimum, main[-1].maximum, main[-1].unit)]
        if not options:
            options = [(None, None, None)]
        if kind != "fine":
            options = options[:1]
        for lo, hi, unit in options:
            try:
                p = Penalty(
                    kind,  # type: ignore[arg-type]
                    lo,
                    hi,
                    unit,  # type: ignore[arg-type]
                    lifetime=life,
                    optional=optional and role == "additional",
                    note=note,
                )
            except InvalidValueError as e:
                unread.append(f"{m.group(0)!r}: {e}")
                continue
            (additional if role == "additional" else main).append(p)
    if not found:
        unread.append("no kind of penalty named")
    return SanctionWords(language, clause, tuple(main), tuple(additional), tuple(unread))


def _key(p: Penalty, with_optional: bool) -> tuple[Any, ...]:
    lo, hi, unit = p.minimum, p.maximum, p.unit
    if unit == "years":
        lo, hi, unit = (None if lo is None else lo * 12), (None if hi is None else hi * 12), "months"
    return (p.kind, p.lifetime, lo, hi, unit, p.optional if with_optional else None)


def compare_sanction(words: SanctionWords | None, sanction: Sanction) -> tuple[str, ...]:
    """What the words and the structured sanction disagree on, each in one sentence (empty: they agree)."""
    if words is None:
        return ("the words hold no sanction clause",)
    out = [f"could not read {u}" for u in words.unread]
    for name, read, held, opt in (
        ("main penalty", words.main, sanction.main, False),
        ("additional penalty", words.additional, sanction.additional, True),
    ):
        rest = list(read)
        missing: list[Penalty] = []
        for p in held:
            match = next((q for q in rest if _key(q, opt) == _key(p, opt)), None)
            if match is None:
                missing.append(p)
            else:
                rest.remove(match)
        for p in missing:
            pair = next((q for q in rest if q.kind == p.kind), None)
            if pair is not None:
                rest.remove(pair)
                out.append(f"{name}: the words say {_plain(pair)}, the structure {_plain(p)}")
            else:
                out.append(f"{name}: the structure has {_plain(p)}, the words do not")
        out += [f"{name}: the words have {_plain(q)}, the structure does not" for q in rest]
    return tuple(out)


def _plain(p: Penalty) -> str:
    return str(evolve(p, confirmed=True, note=""))


@frozen
class SanctionCheck(Presentable):
    """One part of one wording: its sanction as its words say it, against the structured sanction.

    ``differences`` is empty when they agree; ``ref`` is the version, ``part`` its number.
    """

    ref: str
    part: str
    part_id: str
    language: str
    status: str
    structured: Sanction
    words: SanctionWords | None
    differences: tuple[str, ...]

    @property
    def agrees(self) -> bool:
        """Whether the words and the structure agree on every option."""
        return not self.differences

    @property
    def key(self) -> tuple[str, str, str]:
        """``(version ref, part number, language)``: what an exception table names."""
        return (self.ref, self.part, self.language)


def check_sanctions(corpus: Corpus | None = None, languages: Iterable[str] | None = None) -> tuple[SanctionCheck, ...]:
    """Compare the words of every official or translated part with its structured sanction.

    Args:
        corpus: The corpus (the bundled one by default).
        languages: Only these languages (default: every language held).
    """
    corpus = resolve_corpus(corpus)
    wanted = None if languages is None else set(languages)
    out: list[SanctionCheck] = []
    for art in corpus:
        for v in art.versions:
            for lang, w in v.wordings.items():
                if w.status not in CHECKED_STATUSES or (wanted is not None and lang not in wanted):
                    continue
                for p in v.parts:
                    words = read_sanction(w.part(p.id), lang)
                    differences = compare_sanction(words, p.sanction)
                    out.append(SanctionCheck(v.ref, p.number, p.id, lang, w.status, p.sanction, words, differences))
    return tuple(out)
