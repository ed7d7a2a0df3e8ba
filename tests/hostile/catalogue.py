"""The catalogue of hostile inputs (issue #13): one entry per bad input, with the error kzlaw gives.

Each statute-folder entry builds its fixture from a copy of the bundled data (so the fixtures follow
the file format as it evolves; nothing large is stored). The other entries (reports, dumps, the
command line, output) name the test in ``tests/test_hostile.py`` that proves them. The table of
``docs/errors.rst`` is generated from this list (``python -m tests.hostile.catalogue --rst``) and a
test insists the page holds it, so the page and the tests cannot drift apart.

``python -m tests.hostile.catalogue OUT`` writes every statute-folder fixture to ``OUT/<name>/``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrs import frozen

import kzlaw
from kzlaw.loader import bundled_path
from kzlaw.tomlwrite import dumps

Build = Callable[[Path], None]
ART = "cc1997/128.toml"
ART14 = "cc2014/128.toml"


@frozen
class Case:
    """One hostile input: the issue's row, a name, what it is, what you get, and how to build it."""

    row: int
    name: str
    bad_input: str
    outcome: str  # the error class name, or "loads" / "works" where the input is legitimate
    words: str  # words the message holds ("" for an accepted input)
    build: Build | None = None  # for statute-folder cases: turns a copy of the bundled data hostile
    file: str = ""  # the file the error must name, relative to the folder ("" = the folder itself)
    field: str = ""  # the field path the error must name
    test: str = ""  # for the other cases: the test in tests/test_hostile.py that proves it

    @property
    def error(self) -> type[kzlaw.KzlawError] | None:
        """The error class expected (``None`` for an input that must be accepted)."""
        found = getattr(kzlaw, self.outcome, None)
        return found if isinstance(found, type) and issubclass(found, kzlaw.KzlawError) else None


# --- builders --------------------------------------------------------------------------------------


def edit(file: str, old: str, new: str) -> Build:
    """Replace ``old`` by ``new`` once in ``file``, insisting that ``old`` is there."""

    def build(root: Path) -> None:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return build


def mutate(file: str, change: Callable[[dict[str, Any]], None]) -> Build:
    """Parse ``file``, let ``change`` edit the data, and write it back in the canonical form."""

    def build(root: Path) -> None:
        path = root / file
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(dumps(data), encoding="utf-8")

    return build


def write(file: str, text: str | bytes) -> Build:
    """Write a new file into the folder."""

    def build(root: Path) -> None:
        path = root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    return build


def renamed(number: str, file: str | None = None) -> Build:
    """A copy of cc1997/128 under another number (in ``file``, by default ``cc1997/<number>.toml``)."""

    def build(root: Path) -> None:
        text = (root / ART).read_text(encoding="utf-8").replace('number = "128"', f"number = {number!r}", 1)
        write(file or f"cc1997/{number}.toml", text)(root)

    return build


def steps(*builds: Build) -> Build:
    """Several builders in turn."""

    def build(root: Path) -> None:
        for b in builds:
            b(root)

    return build


def _part(data: dict[str, Any], version: int = 0, part: int = 0) -> dict[str, Any]:
    found: dict[str, Any] = data["versions"][version]["parts"][part]
    return found


def _words(data: dict[str, Any], version: int = 0, part: str = "base") -> dict[str, Any]:
    found: dict[str, Any] = data["versions"][version]["wordings"]["en"]["parts"][part]
    return found


def _prison(data: dict[str, Any], **changes: Any) -> None:
    main = _part(data)["sanction"]["main"]
    main[-1] = {"kind": "imprisonment", **changes}


def _remove(*names: str) -> Build:
    def build(root: Path) -> None:
        for name in names:
            (root / name).unlink()

    return build


def _folder_for(name: str) -> Build:
    def build(root: Path) -> None:
        (root / name).unlink()
        (root / name).mkdir()

    return build


def _move(old: str, new: str) -> Build:
    def build(root: Path) -> None:
        shutil.move(root / old, root / new)

    return build


def _link(name: str, target: str) -> Build:
    def build(root: Path) -> None:
        (root / name).unlink(missing_ok=True)
        (root / name).symlink_to(target)

    return build


def _lineage(ref: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["lineage"] = [{"relation": "successor", "ref": ref, "source": {"document": "sc-2017-3"}}]

    return change


def _day(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


def _law(in_force: Any, **more: Any) -> Callable[[dict[str, Any]], None]:
    """Add a law ``hostile`` (its source borrowed from the first law) with this entry into force."""

    def change(data: dict[str, Any]) -> None:
        first = next(iter(data["laws"].values()))
        data["laws"]["hostile"] = {"title": "A hostile law", "in_force": in_force, "source": first["source"], **more}

    return change


def _from_2030(data: dict[str, Any]) -> None:
    first = data["versions"][0]
    first["valid_from"] = dt.date(2030, 1, 1)
    del first["valid_to"]
    data["versions"] = [first]


DEEP = "x = " + "[" * 1200 + "]" * 1200 + "\n"
DEEP_TABLES = "x = " + "{ a = " * 1200 + "1" + " }" * 1200 + "\n"
_ZW_TITLE = "\u200b\u200b\u2060"

# --- the catalogue ----------------------------------------------------------------------------------

CASES: tuple[Case, ...] = (
    Case(1, "deep-arrays", "1,200 nested ``[`` in a statute file", "StatuteSyntaxError", "nested too deeply",
         write("cc1997/999.toml", DEEP), "cc1997/999.toml"),
    Case(1, "deep-tables", "1,200 nested inline tables", "StatuteSyntaxError", "nested too deeply",
         write("cc1997/999.toml", DEEP_TABLES), "cc1997/999.toml"),
    Case(2, "superscript-digit", "a file ``cc1997/12².toml`` (a non-ASCII digit)", "UnknownNameError",
         "is not a valid article number", renamed("12²"), "cc1997/12².toml", "versions[0].article"),
    Case(2, "arabic-digits", "a file ``cc1997/١٢٨.toml`` (Arabic-Indic digits)", "UnknownNameError",
         "is not a valid article number", renamed("١٢٨"), "cc1997/١٢٨.toml", "versions[0].article"),
    Case(3, "mathtext-part-number", "a part number ``$\\frac{$``", "UnknownNameError", "is not a valid part number",
         mutate(ART, lambda d: _part(d, 0, 2).update(number="$\\frac{$")), ART, "versions[0].parts[2].number"),
    Case(3, "report-hostile-valid", "a title ``$\\frac{$``, a window at 0001-01-01, a maximum of 8e17 years "
         "(valid data)", "works", "", test="test_report_on_hostile_but_valid_data"),
    Case(4, "million-words", "a part of 1,120,000 distinct words", "works", "",
         test="test_diff_of_a_part_with_more_distinct_words_than_unicode_has_characters"),
    Case(5, "report-onto-file", "``report -o`` an existing file, a file as parent, ``index.html`` a folder, "
         "a read-only folder", "WriteError", "the path", test="test_report_targets_give_write_errors"),
    Case(6, "dump-surrogate", "``dump`` of a text with a lone surrogate", "WriteError", "lone surrogate",
         test="test_dump_with_a_lone_surrogate_leaves_the_target_intact"),
    Case(6, "dump-half-way", "a corpus ``dump`` that fails half-way (disk full)", "WriteError", "cannot be written",
         test="test_a_corpus_dump_failing_half_way_leaves_a_loadable_folder"),
    Case(7, "api-types", "``at(datetime)``, ``at('2006-03-02')``, ``version(None|128|b'...')``, "
         "``align``/``diff`` given a ``Ref``", "BadReferenceError", "is not a reference",
         test="test_api_takes_dates_strings_and_refs_and_refuses_other_types"),
    Case(8, "ascii-terminal", "``PYTHONIOENCODING=ascii kzlaw diff ... --format markdown``", "works", "",
         test="test_ascii_terminal_gets_replacement_characters"),
    Case(9, "fifo", "a FIFO named ``cc1997/555.toml``", "StatuteSyntaxError", "not a regular file",
         test="test_fifo_and_device_links_do_not_hang"),
    Case(9, "dev-zero", "a link ``cc1997/556.toml`` to ``/dev/zero``", "StatuteSyntaxError", "outside the folder",
         test="test_fifo_and_device_links_do_not_hang"),
    Case(9, "link-outside", "a link to a statute file outside the folder", "StatuteSyntaxError", "outside the folder",
         _link("cc1997/557.toml", "/etc/hostname"), "cc1997/557.toml"),
    Case(9, "too-large", "a statute file over the size limit", "StatuteSyntaxError", "over the limit",
         test="test_a_file_over_the_size_limit_is_refused"),
    Case(10, "inexact-end-first-version", "an inexact ``valid_to`` on the first version of cc1997/128",
         "DuplicateEntryError", "is ambiguous",
         mutate(ART, lambda d: d["versions"][0].update(valid_to={"earliest": _day(2006, 3, 2), "latest": _day(2006, 5, 1)})),
         ART, "versions[1]"),
    Case(10, "two-versions-one-law", "two versions naming one law with inexact starts (both ``@292-VI``)",
         "DuplicateEntryError", "same reference cc2014/128@292-VI",
         mutate(ART14, lambda d: d["versions"][0].update(amended_by="292-VI")), ART14, "versions[1]"),
    Case(10, "date-in-end-window", "``cc1997/128@2012-01-01`` (inside the uncertain end)", "AmbiguousDateError",
         "attested only until 2010-11-26", test="test_a_day_in_an_uncertain_end_is_ambiguous"),
    Case(11, "before-code", "a cc1997 version from year 1", "PeriodError", "before the code came into force",
         mutate(ART, lambda d: d["versions"][0].update(valid_from={"latest": _day(1, 1, 2)})), ART,
         "versions[0].valid_from"),
    Case(11, "after-code", "a cc1997 version from 2030", "PeriodError", "after the code was repealed",
         mutate(ART, _from_2030),
         ART, "versions[0].valid_from"),
    Case(12, "code-ends-first", "a code's ``in_force_to`` before ``in_force_from``", "PeriodError",
         "is not after in_force_from", mutate("codes.toml", lambda d: d["cc1997"].update(in_force_to=_day(1990, 1, 1))),
         "codes.toml", "cc1997.in_force_to"),
    Case(12, "gravity-negative", "a negative gravity threshold", "RangeError", "positive and rising",
         mutate("codes.toml", lambda d: d["cc1997"]["gravity"][0].__setitem__(1, -1)), "codes.toml",
         "cc1997.gravity[0]"),
    Case(12, "gravity-unordered", "unordered gravity thresholds", "RangeError", "positive and rising",
         mutate("codes.toml", lambda d: d["cc1997"]["gravity"][1].__setitem__(1, 12)), "codes.toml",
         "cc1997.gravity[1]"),
    Case(12, "law-window-reversed", "a law's ``earliest`` after its ``latest``", "PeriodError", "is after latest",
         mutate("laws.toml", _law({"earliest": _day(2021, 7, 2), "latest": _day(2020, 1, 31)})), "laws.toml",
         "laws.hostile.in_force.earliest"),
    Case(12, "law-adopted-late", "a law adopted after it came into force", "PeriodError",
         "after the law came into force", mutate("laws.toml", _law(_day(2010, 1, 1), adopted=_day(2011, 12, 10))),
         "laws.toml", "laws.hostile.adopted"),
    Case(13, "letter-suffix", "an article ``128a`` (a legal token: it loads, lists and reports)", "loads", "",
         renamed("128a"), test="test_an_article_128a_lists_and_reports"),
    Case(13, "markup-number", "a file ``1 <b>.toml``", "UnknownNameError", "is not a valid article number",
         renamed("1 <b>"), "cc1997/1 <b>.toml", "versions[0].article"),
    Case(13, "code-with-capitals", "a code ``CC-X``", "UnknownNameError", "is not a valid code id",
         steps(mutate("codes.toml", lambda d: d.update({"CC-X": d.pop("cc1997")})), _move("cc1997", "CC-X")),
         "codes.toml", "CC-X.id"),
    Case(13, "leading-zero", "an article ``0128`` beside 128", "StatuteSchemaError", "leading zero",
         renamed("0128"), "cc1997/0128.toml", "number"),
    Case(14, "empty-part-text", "an empty part text", "StatuteSchemaError", "is empty",
         mutate(ART, lambda d: _words(d).update(text=" \n ")), ART, "versions[0].wordings.en.parts.base.text"),
    Case(14, "empty-part-number", "an empty part number", "UnknownNameError", "not a valid part number",
         mutate(ART, lambda d: _part(d).update(number="")), ART, "versions[0].parts[0].number"),
    Case(14, "empty-part-id", "an empty part id", "UnknownNameError", "not a valid part id",
         mutate(ART, lambda d: _part(d).update(id="")), ART, "versions[0].parts[0].id"),
    Case(14, "empty-circumstance", "an empty circumstance text", "StatuteSchemaError", "is empty",
         mutate(ART, lambda d: _words(d, 0, "qualified")["circumstances"].update(a=" ")), ART,
         "versions[0].wordings.en.parts.qualified.circumstances.a"),
    Case(14, "empty-circumstance-label", "an empty circumstance label", "UnknownNameError",
         "not a valid circumstance label", mutate(ART, lambda d: _part(d, 0, 1)["circumstances"][0].update(label="")),
         ART, "versions[0].parts[1].circumstances[0].label"),
    Case(14, "zero-width-title", "a title of zero-width characters only", "StatuteSchemaError", "is empty",
         mutate(ART, lambda d: d["versions"][0]["wordings"]["en"].update(title=_ZW_TITLE)), ART,
         "versions[0].wordings.en.title"),
    Case(14, "empty-language", 'a wording under ``language = ""``', "UnknownNameError", "not a valid language code",
         mutate(ART, lambda d: d["versions"][0]["wordings"].update({"": d["versions"][0]["wordings"].pop("en")})),
         ART, "versions[0].wordings..language"),
    Case(14, "prison-in-mci", "imprisonment in ``mci``", "RangeError", "not measured in 'mci'",
         mutate(ART, lambda d: _prison(d, maximum=1, unit="mci")), ART, "versions[0].parts[0].sanction.main[5].unit"),
    Case(14, "fine-for-life", "a fine with ``lifetime = true``", "RangeError", "cannot be for life",
         mutate(ART, lambda d: _part(d)["sanction"]["main"].__setitem__(0, {"kind": "fine", "lifetime": True})),
         ART, "versions[0].parts[0].sanction.main[0].lifetime"),
    Case(14, "prison-no-term", "imprisonment with no term", "StatuteSchemaError", "with no term",
         mutate(ART, lambda d: _prison(d)), ART, "versions[0].parts[0].sanction.main[5].unit"),
    Case(14, "unit-no-range", "a unit with no range", "StatuteSchemaError", "no minimum or maximum",
         mutate(ART, lambda d: _prison(d, unit="years")), ART, "versions[0].parts[0].sanction.main[5].unit"),
    Case(14, "maximum-zero", "``maximum = 0``", "RangeError", "a maximum of 0",
         mutate(ART, lambda d: _prison(d, maximum=0, unit="years")), ART,
         "versions[0].parts[0].sanction.main[5].maximum"),
    Case(14, "optional-main", "``optional = true`` on a main penalty", "StatuteSchemaError", "not optional",
         mutate(ART, lambda d: _prison(d, maximum=1, unit="years", optional=True)), ART,
         "versions[0].parts[0].sanction.main[5].optional"),
    Case(14, "duplicate-element", "an element listed twice", "DuplicateEntryError", "duplicate tag 'deception'",
         mutate(ART, lambda d: _part(d)["elements"].append("deception")), ART, "versions[0].parts[0].elements[4]"),
    Case(14, "duplicate-definition", "a definition given twice", "DuplicateEntryError", "duplicate definition label",
         mutate("cc1997/125.toml", lambda d: d["versions"][1]["definitions"].append(d["versions"][1]["definitions"][0])),
         "cc1997/125.toml", "versions[1].definitions[1]"),
    Case(14, "applies-to-nonsense", "``applies_to`` naming ``'art. 128'``", "StatuteSchemaError",
         "is not an article number", mutate("cc1997/125.toml", lambda d: d["versions"][1]["definitions"][0].update(
             applies_to=["art. 128"])), "cc1997/125.toml", "versions[1].definitions[0].applies_to[0]"),
    Case(14, "applies-to-twice", "``applies_to`` naming one article twice", "DuplicateEntryError", "listed twice",
         mutate("cc1997/125.toml", lambda d: d["versions"][1]["definitions"][0].update(applies_to=["128", "128"])),
         "cc1997/125.toml", "versions[1].definitions[0].applies_to[1]"),
    Case(14, "lineage-to-itself", "lineage to itself", "StatuteSchemaError", "its own predecessor or successor",
         mutate(ART, _lineage("cc1997/128")), ART, "lineage[0].ref"),
    Case(14, "lineage-not-held", "lineage to an article not held (accepted: shown with ``held: false``)", "loads", "",
         mutate(ART, _lineage("cc2014/999"))),
    Case(15, "no-statute-files", "a folder with no statute files (``--data /etc``)", "StatuteError",
         "holds no statute files", test="test_any_folder_is_not_a_corpus"),
    Case(15, "empty-path", "``--data ''`` (an empty path)", "StatuteError", "an empty path",
         test="test_any_folder_is_not_a_corpus"),
    Case(15, "upper-case-suffix", "a statute file ``128.TOML``", "StatuteSchemaError", "lower case",
         _move(ART, "cc1997/128.TOML"), "cc1997/128.TOML"),
    Case(16, "codes-without-laws", "``codes.toml`` with no ``laws.toml`` (the bundled one is used)", "loads", "",
         _remove("laws.toml", "sources.toml", "vocabulary.toml", "languages.toml")),
    Case(16, "codes-is-folder", "``codes.toml`` is a folder", "StatuteSyntaxError", "not a regular file",
         _folder_for("codes.toml"), "codes.toml"),
    Case(16, "registry-link-outside", "``laws.toml`` a link to a file outside the folder", "StatuteSyntaxError",
         "outside the folder", _link("laws.toml", "/etc/hostname"), "laws.toml"),
    Case(17, "lineage-held-boolean", "``show --json`` lineage ``held``", "works", "",
         test="test_show_json_lineage_held_is_a_boolean"),
    Case(18, "terminal-controls", "ESC ]0; title, ESC [2J, OSC 52 and bidi overrides in statute text", "works", "",
         test="test_terminal_controls_are_shown_not_obeyed"),
    Case(19, "markdown-lone-cr", "a lone ``\\r`` before ``# Injected heading`` in Markdown", "works", "",
         test="test_markdown_lone_carriage_return_is_a_plain_line_break"),
    Case(20, "report-through-link", "``report -o`` with ``index.html`` a link outside the folder", "WriteError",
         "outside the folder", test="test_report_refuses_a_link_out_and_an_empty_path"),
    Case(20, "report-empty-path", '``report -o ""``', "WriteError", "an empty path",
         test="test_report_refuses_a_link_out_and_an_empty_path"),
    Case(20, "report-size", "the size ``report`` prints", "works", "", test="test_report_prints_the_size_it_wrote"),
)  # fmt: skip


FOLDER_CASES = tuple(c for c in CASES if c.build is not None)


def build(case: Case, target: Path) -> Path:
    """A copy of the bundled statute folder at ``target``, made hostile as ``case`` says."""
    shutil.copytree(bundled_path(), target)
    assert case.build is not None
    case.build(target)
    return target


def rst_table() -> str:
    """The table of ``docs/errors.rst``: bad input -> the error you get."""
    lines = [
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 5 45 20 30",
        "",
        "   * - Row",
        "     - Bad input",
        "     - You get",
        "     - The message says",
    ]
    for c in CASES:
        outcome = c.outcome if c.error is None else f":class:`~kzlaw.errors.{c.outcome}`"
        says = f"``{c.words}``" if c.words and c.error is not None and c.words != "the path" else c.words or "-"
        lines += [f"   * - {c.row}", f"     - {c.bad_input}", f"     - {outcome}", f"     - {says}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Write the fixtures (``OUT``) or print the documentation table (``--rst``)."""
    if argv == ["--rst"]:
        sys.stdout.write(rst_table())
        return 0
    if len(argv) != 1:
        sys.stderr.write("usage: python -m tests.hostile.catalogue OUT | --rst\n")
        return 2
    out = Path(argv[0])
    for case in FOLDER_CASES:
        build(case, out / case.name)
    print(f"wrote {len(FOLDER_CASES)} hostile statute folders to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
