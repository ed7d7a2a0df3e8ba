"""Number words as the codes print them: Russian, Kazakh and English cardinals, read into integers.

Sanctions write their bounds in words ("от четырех до семи лет", "бес жылдан он жылға дейiнгi",
"three to eight years"). :func:`read_number` reads one such run of words (or digits) in a language;
:func:`number_pattern` is the regular expression that finds one.

>>> read_number("четырех", "ru"), read_number("трех тысяч", "ru"), read_number("восьмисот", "ru")
(4, 3000, 800)
>>> read_number("одной тысячи", "ru"), read_number("он екі", "kk"), read_number("сегіз жүз", "kk")
(1000, 12, 800)
>>> read_number("one hundred", "en"), read_number("twenty-five", "en"), read_number("3,000", "en")
(100, 25, 3000)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

__all__ = ["LANGUAGES", "fold_kazakh", "number_pattern", "read_number"]

_ADD, _HUNDRED, _THOUSAND = 0, 1, 2

_RU_UNITS = {
    1: "один одна одно одного одной одному одним",
    2: "два две двух двум двумя",
    3: "три трех трёх трем трём тремя",
    4: "четыре четырех четырёх четырем четырём четырьмя",
    5: "пять пяти",
    6: "шесть шести",
    7: "семь семи",
    8: "восемь восьми",
    9: "девять девяти",
    10: "десять десяти",
    11: "одиннадцать одиннадцати",
    12: "двенадцать двенадцати",
    13: "тринадцать тринадцати",
    14: "четырнадцать четырнадцати",
    15: "пятнадцать пятнадцати",
    16: "шестнадцать шестнадцати",
    17: "семнадцать семнадцати",
    18: "восемнадцать восемнадцати",
    19: "девятнадцать девятнадцати",
    20: "двадцать двадцати",
    30: "тридцать тридцати",
    40: "сорок сорока",
    50: "пятьдесят пятидесяти",
    60: "шестьдесят шестидесяти",
    70: "семьдесят семидесяти",
    80: "восемьдесят восьмидесяти",
    90: "девяносто девяноста",
    100: "сто ста",
    200: "двести двухсот",
    300: "триста трехсот трёхсот",
    400: "четыреста четырехсот четырёхсот",
    500: "пятьсот пятисот",
    600: "шестьсот шестисот",
    700: "семьсот семисот",
    800: "восемьсот восьмисот",
    900: "девятьсот девятисот",
}
_KK_UNITS = {
    1: "бір",
    2: "екі",
    3: "үш",
    4: "төрт",
    5: "бес",
    6: "алты",
    7: "жеті",
    8: "сегіз",
    9: "тоғыз",
    10: "он",
    20: "жиырма",
    30: "отыз",
    40: "қырық",
    50: "елу",
    60: "алпыс",
    70: "жетпіс",
    80: "сексен",
    90: "тоқсан",
}
_EN_UNITS = {
    1: "one a",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
    13: "thirteen",
    14: "fourteen",
    15: "fifteen",
    16: "sixteen",
    17: "seventeen",
    18: "eighteen",
    19: "nineteen",
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    60: "sixty",
    70: "seventy",
    80: "eighty",
    90: "ninety",
}


def _table(units: Mapping[int, str], hundreds: str, thousands: str) -> dict[str, tuple[int, int]]:
    words = {w: (n, _ADD) for n, ws in units.items() for w in ws.split()}
    words.update(dict.fromkeys(hundreds.split(), (100, _HUNDRED)))
    words.update(dict.fromkeys(thousands.split(), (1000, _THOUSAND)))
    return words


_WORDS: Mapping[str, Mapping[str, tuple[int, int]]] = {
    "ru": _table(_RU_UNITS, "", "тысяча тысячи тысяч тысячу тысячей"),
    "kk": _table(_KK_UNITS, "жүз", "мың"),
    "en": _table(_EN_UNITS, "hundred", "thousand"),
}
#: The languages whose number words kzlaw reads.
LANGUAGES: tuple[str, ...] = tuple(_WORDS)

# Kazakh texts mix the Latin i into Kazakh words (белгiлi for белгілі): fold them before reading.
_KK_FOLD = str.maketrans({"i": "і", "I": "І"})


def fold_kazakh(text: str) -> str:
    """Kazakh text with the Latin look-alike ``i`` turned into the Kazakh ``і`` (U+0456), for reading only."""
    return text.translate(_KK_FOLD)


@functools.cache
def number_pattern(language: str) -> str:
    """A regular expression (no groups) matching one number in ``language``: digits, or a run of number words."""
    words = sorted(_WORDS[language], key=len, reverse=True)
    word = "(?:" + "|".join(re.escape(w) for w in words if w != "a") + ")"
    if language == "en":
        word = f"(?:{word}(?:-{word})?)"
        return rf"(?:\d[\d,]*|\b{word}\b(?:\s+(?:and\s+)?{word}\b)*)"
    return rf"(?:\d[\d\s]*\d|\d|(?<!\w){word}(?!\w)(?:\s+{word}(?!\w))*)"


def read_number(words: str, language: str) -> int | None:
    """The integer a run of number words (or digits) means; ``None`` if it is not one.

    Hundreds and thousands multiply what comes before them (``сегіз жүз`` 800, ``трех тысяч``
    3000); a multiplier with nothing before it counts one (``тысячи`` 1000).
    """
    text = words.strip().lower().replace("ё", "е")
    if not text:
        return None
    digits = re.sub(r"[\s,]", "", text)
    if digits.isdigit():
        return int(digits)
    table = _WORDS.get(language)
    if table is None:
        return None
    total = current = 0
    for w in re.split(r"[\s-]+", text):
        if w == "and" and language == "en":
            continue
        if w not in table:
            return None
        value, role = table[w]
        if role == _ADD:
            current += value
        elif role == _HUNDRED:
            current = (current or 1) * value
        else:
            total += (current or 1) * value
            current = 0
    return total + current
