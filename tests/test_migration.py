"""The move to wordings apart from legal state lost no datum (issue #10).

``tests/sources/pre-migration.json`` is every text, date and range of the bundled corpus as the old
model held them (one wording per version), written by the old code before the file format changed.
"""

import json
from pathlib import Path

import pytest

import kzlaw

BEFORE = json.loads((Path(__file__).parent / "sources" / "pre-migration.json").read_text(encoding="utf-8"))


def _day(d):
    return str(d)  # the snapshot wrote str(date), "None" for a bound not given


def _flatten(corpus):
    out = {}
    for a in corpus:
        for i, v in enumerate(a.versions):
            if "en" not in v.wordings:
                continue  # a version added since the migration, held in the official Russian only (issue #11)
            w = v.wordings["en"]
            out[f"{a.ref}#{i}"] = {
                "title": w.title,
                "valid_from": [_day(v.valid_from.earliest), _day(v.valid_from.latest), v.valid_from.note],
                "valid_to": None
                if v.valid_to is None
                else [_day(v.valid_to.earliest), _day(v.valid_to.latest), v.valid_to.note],
                "amended_by": v.amended_by,
                "language": w.language,
                "text_status": w.status.replace("_", "-"),
                "source": [w.source.document, w.source.locator, w.source.note],
                "remarks": v.remarks,
                "parts": [
                    {
                        "number": p.number,
                        "id": p.id,
                        "text": w.part(p.id),
                        "elements": list(p.elements),
                        "circumstances": [
                            [c.label, w.circumstance(p.id, c.label), list(c.tags)] for c in p.circumstances
                        ],
                        "main": [
                            [q.kind, q.minimum, q.maximum, q.unit, q.lifetime, q.optional, q.confirmed, q.note]
                            for q in p.sanction.main
                        ],
                        "additional": [
                            [q.kind, q.minimum, q.maximum, q.unit, q.lifetime, q.optional, q.confirmed, q.note]
                            for q in p.sanction.additional
                        ],
                        "unknown": p.sanction.unknown,
                    }
                    for p in v.parts
                ],
                "notes": [[n.label, w.notes[n.label], list(n.tags)] for n in v.notes],
                "definitions": [
                    [d.term, d.label, w.definitions[d.label], list(d.tags), list(d.applies_to)] for d in v.definitions
                ],
            }
    return out


#: The date notes several corrections share (issue #11), each as the data states it.
NOT_STATED_2006 = (
    "Not stated by any source kzlaw holds. The briefing paper (iphr-2010) says only that the law was "
    "adopted 'in March 2006' (p. 5) and heads its appendix columns 'Until 2 March 2006' / 'After 2 March "
    "2006'; the official 1997 Code's footnotes (rus/8.md) give the law as 'от 2 марта 2006 года N  131' "
    "with no entry-into-force rule; the law's own text (rus/26746.md, matched by content) has no entry-"
    "into-force article. kzlaw keeps 2 March 2006, the paper's dividing date, as the day the new wording "
    "took effect."
)
TEN_DAYS_2013_LAW = (
    "Ten calendar days after its first official publication (its article 2, rus/73339.md offset 26432); "
    "neither its adoption nor its publication date is in kzlaw's sources. Earliest: it cites a law of 21 "
    "June 2013, plus ten days."
)
TEN_DAYS_292_VI = (
    "Ten calendar days after its first official publication (the law's article 2, rus/137849.md offset "
    "181064, and every official footnote citing it); the publication date is not in kzlaw's sources (the "
    "reference says early January 2020). Earliest: adoption (27 December 2019) plus ten days; latest: end"
    " of January 2020, approximate."
)
SIXTY_DAYS_111_VIII = (
    "Sixty days after publication (not confirmed); the publication date is not in kzlaw's sources, so no "
    "upper bound is known."
)


#: Data corrected after the migration, by the issue that asked for it: key -> {path: new value}.
#: The sanctions the 72-VIII versions of arts. 125 and 126 carry over from the 292-VI ones, marked
#: unconfirmed since (a data review after issue #11): no source attests them for 2024; the remark said so, the options now do too.
UNCONFIRMED_2024 = (
    "carried over from the version of Law No. 292-VI (the official Russian text of January 2020); kzlaw's "
    "reference lists no change of this sanction by Law No. 72-VIII (shared/reference/cc2014.md, row No. 72-VIII), "
    "and no text of the 2024 state is held"
)


def _unconfirmed(*options: tuple[int, str, int]) -> dict[tuple, object]:
    """Corrections marking penalty options (part index, main/additional, option index) unconfirmed."""
    out: dict[tuple, object] = {}
    for part, kind, k in options:
        out[("parts", part, kind, k, 6)] = False
        out[("parts", part, kind, k, 7)] = UNCONFIRMED_2024
    return out


CORRECTIONS: dict[str, dict[tuple, object]] = {
    "cc1997/113#1": {  # issue #11: official footnotes and text
        ("valid_from", 2): NOT_STATED_2006,
        ("valid_to", 2): (
            "Attested as current law by the briefing paper (November 2010). The official "
            "text of 2009 (rus/8.md) cites no amending law after 2 March 2006 for this "
            "article, and none of the mirror's laws of 2009-2014 that kzlaw screened amends "
            "it; the search was not exhaustive, so the end stays a window up to the Code's "
            "repeal on 1 January 2015."
        ),
    },
    "cc1997/125#1": {  # issue #11: official footnotes and text
        ("valid_from", 2): NOT_STATED_2006,
        ("valid_to", 0): "2013-07-01",
        ("valid_to", 1): "None",
        ("valid_to", 2): TEN_DAYS_2013_LAW,
    },
    "cc1997/126#1": {  # issue #11: official footnotes and text
        ("parts", 1, "circumstances", 4, 1): "with regard to a minor if the guilty party was aware of this",
        ("parts", 1, "text"): (
            "2. The same act committed:\na) by a group of persons upon prior agreement;\nb) "
            "repeatedly;\nc) by means of violence dangerous to life or health;\nd) with the "
            "use of weapons or objects used as weapons;\ne) with regard to a minor if the "
            "guilty party was aware of this;\nf) with regard to a pregnant woman if the "
            "guilty party was aware of her condition;\ng) with regard to two or more "
            "persons;\nh) for profit purposes;\ni) through of exploitation of a position of "
            "material or other dependence of the victim shall be punished by imprisonment "
            "for a term of up to five years, with or without confiscation of property."
        ),
        ("valid_from", 2): NOT_STATED_2006,
        ("valid_to", 0): "2011-01-28",
        ("valid_to", 1): "None",
        ("valid_to", 2): (
            "Ten calendar days after its first official publication (its article 2, "
            "rus/57015.md offset 98133); the publication date is not in kzlaw's sources. "
            "Earliest: adoption plus ten days."
        ),
    },
    "cc1997/128#1": {  # issue #11: official footnotes and text
        ("valid_from", 2): NOT_STATED_2006,
        ("valid_to", 0): "2013-07-01",
        ("valid_to", 1): "None",
        ("valid_to", 2): TEN_DAYS_2013_LAW,
    },
    "cc1997/133#1": {  # issue #11: official footnotes and text
        ("parts", 3, "additional", 0, 5): False,
        ("parts", 3, "additional", 0, 7): (
            "mandatory in the official Russian text («с конфискацией имущества»); the "
            "English translation says 'with or without confiscation'"
        ),
        ("remarks",): (
            "Part 4: the English translation says 'with or without confiscation of "
            "property'; the official Russian text (2009, the article's footnote naming only "
            "the 2006 law) says «с конфискацией имущества», mandatory. The data follows the "
            "official text."
        ),
        ("valid_from", 2): NOT_STATED_2006,
        ("valid_to", 0): "2013-07-01",
        ("valid_to", 1): "None",
        ("valid_to", 2): TEN_DAYS_2013_LAW,
    },
    "cc1997/270#1": {  # issue #11: official footnotes and text
        ("valid_to", 0): "2011-08-01",
        ("valid_to", 1): "None",
        ("valid_to", 2): (
            "Ten calendar days after its first official publication (its article 2, "
            "rus/61338.md offset 256519); neither its adoption nor its publication date is "
            "in kzlaw's sources. Earliest: it cites a law of 22 July 2011, plus ten days."
        ),
    },
    "cc1997/271#1": {  # issue #11: official footnotes and text
        ("valid_to", 0): "2011-08-01",
        ("valid_to", 1): "None",
        ("valid_to", 2): (
            "Ten calendar days after its first official publication (its article 2, "
            "rus/61338.md offset 256519); neither its adoption nor its publication date is "
            "in kzlaw's sources. Earliest: it cites a law of 22 July 2011, plus ten days."
        ),
    },
    "cc1997/275-1#0": {  # issue #11: official footnotes and text
        ("valid_from", 2): NOT_STATED_2006,
        ("valid_to", 2): (
            "Attested as current law by the briefing paper (November 2010). The official "
            "text of 2009 (rus/8.md) cites no amending law after 2 March 2006 for this "
            "article, and none of the mirror's laws of 2009-2014 that kzlaw screened amends "
            "it; the search was not exhaustive, so the end stays a window up to the Code's "
            "repeal on 1 January 2015."
        ),
    },
    "cc2014/116#0": {  # issue #11: official footnotes and text
        ("parts", 0, "elements"): ["organ_removal", "transplantation_purpose", "organ_trade"],
        ("parts", 0, "text"): (
            "1. Forced or illegal removal of the organs or tissues of a living person for "
            "transplantation or other use, or illegal transactions in the organs or tissues "
            "of a living person."
        ),
        ("parts", 1, "circumstances"): [
            ["1", "against a person known to be helpless", ["helpless"]],
            ["2", "against a minor", ["minor"]],
            ["3", "against two or more persons", ["two_or_more"]],
            [
                "4",
                "by a group of persons or by a group of persons by prior conspiracy",
                ["group", "group_prior_agreement"],
            ],
            ["5", "repeatedly", ["repeat"]],
            ["6", "with the use of a weapon or of objects used as a weapon", ["weapon"]],
            ["7", "against a woman known to be pregnant", ["pregnant"]],
            ["8", "by deception or abuse of trust", ["deception", "abuse_of_trust"]],
            ["9", "by a person using his or her official position", ["abuse_of_power"]],
            ["10", "using the material or other dependence of the victim", ["dependence"]],
        ],
        ("parts", 1, "text"): (
            "2. The same acts committed: 1) against a person known to be helpless; 2) "
            "against a minor; 3) against two or more persons; 4) by a group of persons or by "
            "a group of persons by prior conspiracy; 5) repeatedly; 6) with the use of a "
            "weapon or of objects used as a weapon; 7) against a woman known to be pregnant; "
            "8) by deception or abuse of trust; 9) by a person using his or her official "
            "position; 10) using the material or other dependence of the victim."
        ),
        ("parts", 2, "elements"): ["death_or_grave_consequences", "criminal_group"],
        ("parts", 2, "text"): (
            "3. The acts of part one or two causing the death of the victim by negligence or "
            "other grave consequences, or committed by a criminal group."
        ),
        ("remarks",): (
            "The official 2015 wording is not held: Law No. 292-VI restated the sanction "
            "paragraph of part 2 whole (rus/137849.md offset 28443) without quoting the old "
            "words, and the mirror holds no earlier copy of the Code. Part 1's acts, part "
            "2's ten points and part 3's condition are those of the January 2020 official "
            "text, which 292-VI (the only law the footnote names) did not change there."
        ),
        ("valid_to", 0): "2020-01-06",
        ("valid_to", 2): TEN_DAYS_292_VI,
    },
    "cc2014/116#1": {  # issue #11: official footnotes and text
        ("parts", 0, "elements"): ["organ_removal", "transplantation_purpose", "organ_trade"],
        ("parts", 0, "text"): (
            "1. Forced or illegal removal of the organs or tissues of a living person for "
            "transplantation or other use, or illegal transactions in the organs or tissues "
            "of a living person."
        ),
        ("parts", 0, "unknown"): "",
        ("parts", 1, "circumstances"): [
            ["1", "against a person known to be helpless", ["helpless"]],
            ["2", "against a minor", ["minor"]],
            ["3", "against two or more persons", ["two_or_more"]],
            [
                "4",
                "by a group of persons or by a group of persons by prior conspiracy",
                ["group", "group_prior_agreement"],
            ],
            ["5", "repeatedly", ["repeat"]],
            ["6", "with the use of a weapon or of objects used as a weapon", ["weapon"]],
            ["7", "against a woman known to be pregnant", ["pregnant"]],
            ["8", "by deception or abuse of trust", ["deception", "abuse_of_trust"]],
            ["9", "by a person using his or her official position", ["abuse_of_power"]],
            ["10", "using the material or other dependence of the victim", ["dependence"]],
        ],
        ("parts", 1, "text"): (
            "2. The same acts committed: 1) against a person known to be helpless; 2) "
            "against a minor; 3) against two or more persons; 4) by a group of persons or by "
            "a group of persons by prior conspiracy; 5) repeatedly; 6) with the use of a "
            "weapon or of objects used as a weapon; 7) against a woman known to be pregnant; "
            "8) by deception or abuse of trust; 9) by a person using his or her official "
            "position; 10) using the material or other dependence of the victim."
        ),
        ("parts", 2, "additional"): [
            ["confiscation", None, None, None, False, False, True, ""],
            ["disqualification", None, 10, "years", False, True, True, ""],
        ],
        ("parts", 2, "elements"): ["death_or_grave_consequences", "criminal_group"],
        ("parts", 2, "text"): (
            "3. The acts of part one or two causing the death of the victim by negligence or "
            "other grave consequences, or committed by a criminal group."
        ),
        ("parts", 2, "unknown"): "",
        ("remarks",): "",
        ("valid_from", 0): "2020-01-06",
        ("valid_from", 2): TEN_DAYS_292_VI,
    },
    "cc2014/120#0": {  # issue #11: official footnotes and text
        ("valid_to", 0): "2020-01-06",
        ("valid_to", 2): TEN_DAYS_292_VI,
    },
    "cc2014/120#1": {  # issue #11: official footnotes and text
        ("parts", 1, "main", 0, 6): False,
        ("parts", 1, "main", 0, 7): (
            "the reference gives this range as the later one ('then') without naming the law "
            "that brought it; kzlaw's dating to Law No. 292-VI is not supported"
        ),
        ("parts", 2, "main", 0, 6): False,
        ("parts", 2, "main", 0, 7): (
            "the reference gives this range as the later one ('then') without naming the law "
            "that brought it; kzlaw's dating to Law No. 292-VI is not supported"
        ),
        ("remarks",): (
            "Parts 2 and 3: kzlaw's reference gives the new ranges without naming the law; "
            "that Law No. 292-VI brought them is not supported (kzlaw holds no official text "
            "of art. 120)."
        ),
        ("valid_from", 0): "2020-01-06",
        ("valid_from", 2): TEN_DAYS_292_VI,
    },
    "cc2014/125#0": {  # issue #11: official footnotes and text
        ("notes",): [
            [
                "",
                "A person who voluntarily frees the kidnapped person is released from criminal liability unless "
                "his or her acts contain the elements of another crime.",
                ["voluntary_release"],
            ]
        ],
        ("parts", 1, "circumstances", 2, 1): "with violence dangerous to life or health",
        ("parts", 1, "circumstances", 2, 2): ["violence"],
        ("parts", 1, "text"): (
            "2. The same acts committed: 1) by a group of persons by prior conspiracy; 2) "
            "repeatedly; 3) with violence dangerous to life or health; 4) with the use of a "
            "weapon or of objects used as a weapon; 5) against a minor; 6) against a woman "
            "known to be pregnant; 7) against two or more persons; 8) for mercenary motives."
        ),
        ("remarks",): (
            "The official 2015 wording is not held: Law No. 292-VI restated point 8 of part "
            "2 whole (rus/137849.md offset 33464) without quoting the old words. Points 1-7, "
            "part 3 and the note are those of the January 2020 official text, which 292-VI "
            "did not change there."
        ),
        ("valid_to", 0): "2020-01-06",
        ("valid_to", 2): TEN_DAYS_292_VI,
    },
    "cc2014/125#1": {  # issue #11: official footnotes and text
        ("notes",): [
            [
                "",
                "A person who voluntarily frees the kidnapped person is released from criminal liability unless "
                "his or her acts contain the elements of another crime.",
                ["voluntary_release"],
            ]
        ],
        ("parts", 1, "circumstances", 2, 1): "with violence dangerous to life or health",
        ("parts", 1, "circumstances", 2, 2): ["violence"],
        ("parts", 1, "circumstances", 8, 0): "9",
        ("parts", 1, "circumstances", 9, 0): "10",
        ("parts", 1, "circumstances", 9, 1): (
            "with the falsification, concealment or destruction of the victim's identity documents"
        ),
        ("parts", 1, "text"): (
            "2. The same acts committed: 1) by a group of persons by prior conspiracy; 2) "
            "repeatedly; 3) with violence dangerous to life or health; 4) with the use of a "
            "weapon or of objects used as a weapon; 5) against a minor; 6) against a woman "
            "known to be pregnant; 7) against two or more persons; 8) for mercenary motives; "
            "9) by a person using his or her official position; 10) with the falsification, "
            "concealment or destruction of the victim's identity documents."
        ),
        ("remarks",): "",
        ("valid_from", 0): "2020-01-06",
        ("valid_from", 2): TEN_DAYS_292_VI,
        ("valid_to", 2): "Entry into force not confirmed by kzlaw's sources; no upper bound is known.",
    },
    "cc2014/125#2": {  # issue #11: the 72-VIII version rebuilt from the 292-VI one (only the minor victim moves)
        **_unconfirmed((0, "main", 0), (1, "main", 0), (1, "additional", 0), (2, "main", 0), (2, "additional", 0)),
        ("notes",): [
            [
                "",
                (
                    "A person who voluntarily frees the kidnapped person is released from criminal "
                    "liability unless his or her acts contain the elements of another crime."
                ),
                ["voluntary_release"],
            ]
        ],
        ("parts", 1, "circumstances"): [
            ["1", "by a group of persons by prior conspiracy", ["group_prior_agreement"]],
            ["2", "repeatedly", ["repeat"]],
            ["3", "with violence dangerous to life or health", ["violence"]],
            ["4", "with the use of a weapon or of objects used as a weapon", ["weapon"]],
            ["6", "against a woman known to be pregnant", ["pregnant"]],
            ["7", "against two or more persons", ["two_or_more"]],
            ["8", "for mercenary motives", ["profit"]],
            ["9", "by a person using his or her official position", ["abuse_of_power"]],
            [
                "10",
                "with the falsification, concealment or destruction of the victim's identity documents",
                ["identity_documents"],
            ],
        ],
        ("parts", 1, "text"): (
            "2. The same acts committed: 1) by a group of persons by prior conspiracy; 2) "
            "repeatedly; 3) with violence dangerous to life or health; 4) with the use of a "
            "weapon or of objects used as a weapon; 6) against a woman known to be pregnant; "
            "7) against two or more persons; 8) for mercenary motives; 9) by a person using "
            "his or her official position; 10) with the falsification, concealment or "
            "destruction of the victim's identity documents."
        ),
        ("parts", 2, "circumstances", 3, 0): "?1",
        ("parts", 2, "text"): (
            "3. The acts of part one or two committed: 1) by a criminal group; 2) for the "
            "purpose of exploitation; 3) causing the death of the victim by negligence or "
            "other grave consequences; ?1) against a minor."
        ),
        ("remarks",): (
            "Built from the version of Law No. 292-VI (the official Russian text of January "
            "2020) and kzlaw's reference on Law No. 72-VIII, which says only that the "
            '"minor" victim moves from part 2 to part 3; the 2024 wording itself is not '
            "held. Inferred: point 5 of part 2 (against a minor) leaves part 2 and is a "
            "point of part 3; its label there is not known (held as ?1). The 2024 numbering "
            "of part 2 is not known: the points that stay keep their 2020 labels (1-4, "
            "6-10). Carried over from the 2020 text, not confirmed for 2024: those points "
            "and their words, points 1-3 of part 3, the sanctions of every part (the "
            "reference lists no sanction change by 72-VIII) and the note on voluntary "
            "release."
        ),
        ("source", 2): (
            "kzlaw's summary of the 292-VI version's English (itself a summary of the "
            "official Russian text of January 2020), with the minor victim moved from part 2 "
            "to part 3 as kzlaw's reference (shared/reference/cc2014.md, row No. 72-VIII) "
            "says; no text of the 2024 state is held."
        ),
    },
    "cc2014/126#0": {  # issue #11: official footnotes and text
        ("parts", 1, "circumstances"): [
            ["1", "by a group of persons by prior conspiracy", ["group_prior_agreement"]],
            ["2", "repeatedly", ["repeat"]],
            ["3", "with violence dangerous to life or health", ["violence"]],
            ["4", "with the use of a weapon or of objects used as a weapon", ["weapon"]],
            ["5", "against a minor", ["minor"]],
            ["6", "against a woman known to be pregnant", ["pregnant"]],
            ["7", "against two or more persons", ["two_or_more"]],
            ["8", "for mercenary motives", ["profit"]],
        ],
        ("parts", 1, "text"): (
            "2. The same act committed: 1) by a group of persons by prior conspiracy; 2) "
            "repeatedly; 3) with violence dangerous to life or health; 4) with the use of a "
            "weapon or of objects used as a weapon; 5) against a minor; 6) against a woman "
            "known to be pregnant; 7) against two or more persons; 8) for mercenary motives; "
            "9) a ninth point kzlaw's sources do not give."
        ),
        ("remarks",): (
            "The official 2015 wording is not held: Law No. 292-VI restated point 9 of part "
            "2 whole (rus/137849.md offset 33785) without quoting the old words, so that "
            "point is not held. Points 1-8 and part 3 are those of the January 2020 official "
            "text, which 292-VI did not change there."
        ),
        ("valid_to", 0): "2020-01-06",
        ("valid_to", 2): TEN_DAYS_292_VI,
    },
    "cc2014/126#1": {  # issue #11: official footnotes and text
        ("parts", 1, "circumstances"): [
            ["1", "by a group of persons by prior conspiracy", ["group_prior_agreement"]],
            ["2", "repeatedly", ["repeat"]],
            ["3", "with violence dangerous to life or health", ["violence"]],
            ["4", "with the use of a weapon or of objects used as a weapon", ["weapon"]],
            ["5", "against a minor", ["minor"]],
            ["6", "against a woman known to be pregnant", ["pregnant"]],
            ["7", "against two or more persons", ["two_or_more"]],
            ["8", "for mercenary motives", ["profit"]],
            ["9", "using the material or other dependence of the victim", ["dependence"]],
            ["10", "by a person using his or her official position", ["abuse_of_power"]],
            [
                "11",
                "with the falsification, concealment or destruction of the victim's identity documents",
                ["identity_documents"],
            ],
        ],
        ("parts", 1, "text"): (
            "2. The same act committed: 1) by a group of persons by prior conspiracy; 2) "
            "repeatedly; 3) with violence dangerous to life or health; 4) with the use of a "
            "weapon or of objects used as a weapon; 5) against a minor; 6) against a woman "
            "known to be pregnant; 7) against two or more persons; 8) for mercenary motives; "
            "9) using the material or other dependence of the victim; 10) by a person using "
            "his or her official position; 11) with the falsification, concealment or "
            "destruction of the victim's identity documents."
        ),
        ("remarks",): "",
        ("valid_from", 0): "2020-01-06",
        ("valid_from", 2): TEN_DAYS_292_VI,
        ("valid_to", 2): "Entry into force not confirmed by kzlaw's sources; no upper bound is known.",
    },
    "cc2014/126#2": {  # issue #11: the 72-VIII version rebuilt from the 292-VI one (only the minor victim moves)
        **_unconfirmed(
            (0, "main", 0), (0, "main", 1), (1, "main", 0), (1, "additional", 0), (2, "main", 0), (2, "additional", 0)
        ),
        ("parts", 1, "circumstances"): [
            ["1", "by a group of persons by prior conspiracy", ["group_prior_agreement"]],
            ["2", "repeatedly", ["repeat"]],
            ["3", "with violence dangerous to life or health", ["violence"]],
            ["4", "with the use of a weapon or of objects used as a weapon", ["weapon"]],
            ["6", "against a woman known to be pregnant", ["pregnant"]],
            ["7", "against two or more persons", ["two_or_more"]],
            ["8", "for mercenary motives", ["profit"]],
            ["9", "using the material or other dependence of the victim", ["dependence"]],
            ["10", "by a person using his or her official position", ["abuse_of_power"]],
            [
                "11",
                "with the falsification, concealment or destruction of the victim's identity documents",
                ["identity_documents"],
            ],
        ],
        ("parts", 1, "text"): (
            "2. The same act committed: 1) by a group of persons by prior conspiracy; 2) "
            "repeatedly; 3) with violence dangerous to life or health; 4) with the use of a "
            "weapon or of objects used as a weapon; 6) against a woman known to be pregnant; "
            "7) against two or more persons; 8) for mercenary motives; 9) using the material "
            "or other dependence of the victim; 10) by a person using his or her official "
            "position; 11) with the falsification, concealment or destruction of the "
            "victim's identity documents."
        ),
        ("parts", 2, "circumstances", 3, 0): "?1",
        ("parts", 2, "text"): (
            "3. The acts of part one or two committed: 1) by a criminal group; 2) for the "
            "purpose of exploitation; 3) causing the death of the victim by negligence or "
            "other grave consequences; ?1) against a minor."
        ),
        ("remarks",): (
            "Built from the version of Law No. 292-VI (the official Russian text of January "
            "2020) and kzlaw's reference on Law No. 72-VIII, which says only that the "
            '"minor" victim moves from part 2 to part 3; the 2024 wording itself is not '
            "held. Inferred: point 5 of part 2 (against a minor) leaves part 2 and is a "
            "point of part 3; its label there is not known (held as ?1). The 2024 numbering "
            "of part 2 is not known: the points that stay keep their 2020 labels (1-4, "
            "6-11). Carried over from the 2020 text, not confirmed for 2024: those points "
            "and their words, points 1-3 of part 3 and the sanctions of every part (the "
            "reference lists no sanction change by 72-VIII)."
        ),
        ("source", 2): (
            "kzlaw's summary of the 292-VI version's English (itself a summary of the "
            "official Russian text of January 2020), with the minor victim moved from part 2 "
            "to part 3 as kzlaw's reference (shared/reference/cc2014.md, row No. 72-VIII) "
            "says; no text of the 2024 state is held."
        ),
    },
    "cc2014/128#0": {  # issue #11: official footnotes and text
        ("valid_to", 0): "2020-01-06",
        ("valid_to", 2): TEN_DAYS_292_VI,
    },
    "cc2014/128#1": {  # issue #11: official footnotes and text
        ("valid_from", 0): "2020-01-06",
        ("valid_from", 2): TEN_DAYS_292_VI,
        ("valid_to", 2): SIXTY_DAYS_111_VIII,
    },
    "cc2014/134#0": {  # issue #11: official footnotes and text
        ("parts", 0, "main", 0, 6): True,
        ("parts", 0, "main", 0, 7): "",
        ("parts", 0, "unknown"): "",
        ("parts", 1, "main", 0, 6): True,
        ("parts", 1, "main", 0, 7): "",
        ("parts", 1, "unknown"): "",
        ("parts", 2, "main", 0, 6): True,
        ("parts", 2, "main", 0, 7): "",
        ("parts", 2, "unknown"): "",
        ("parts", 3, "additional", 1, 7): (
            "lifetime deprivation of the right to hold certain posts or engage in certain "
            "activity, in the cases of item 2 (a parent, teacher or carer) only"
        ),
        ("parts", 3, "main", 0, 6): True,
        ("parts", 3, "main", 0, 7): "",
        ("parts", 3, "unknown"): "",
        ("valid_to", 0): "2019-01-02",
        ("valid_to", 2): (
            "Six months after its first official publication, as the official footnote to "
            "art. 134 (January 2020) and the law's article 2 (rus/123164.md offset 17658) "
            "say; the publication date is not in kzlaw's sources. Earliest: adoption (2 July "
            "2018) plus six months. Latest: the Code as of about January 2020 (rus/81097.md) "
            "already contains the change; that dating is itself approximate."
        ),
    },
    "cc2014/134#1": {  # issue #11: official footnotes and text
        ("parts", 3, "additional", 1, 7): (
            "lifetime deprivation of the right to hold certain posts or engage in certain "
            "activity, in the cases of item 2 (a parent, teacher or carer) only"
        ),
        ("valid_from", 0): "2019-01-02",
        ("valid_from", 2): (
            "Six months after its first official publication, as the official footnote to "
            "art. 134 (January 2020) and the law's article 2 (rus/123164.md offset 17658) "
            "say; the publication date is not in kzlaw's sources. Earliest: adoption (2 July "
            "2018) plus six months. Latest: the Code as of about January 2020 (rus/81097.md) "
            "already contains the change; that dating is itself approximate."
        ),
        ("valid_to", 0): "2020-01-06",
        ("valid_to", 2): TEN_DAYS_292_VI,
    },
    "cc2014/134#2": {  # issue #11: official footnotes and text
        ("parts", 3, "additional", 1, 7): (
            "lifetime deprivation of the right to hold certain posts or engage in certain "
            "activity, in the cases of item 2 (a parent, teacher or carer) only"
        ),
        ("valid_from", 0): "2020-01-06",
        ("valid_from", 2): TEN_DAYS_292_VI,
        ("valid_to", 0): "2021-01-09",
        ("valid_to", 2): (
            "Ten calendar days after its first official publication, as the official Kazakh "
            "footnote to art. 134 (2022 state, kaz/81097.md) says; the publication date is "
            "not in kzlaw's sources. Earliest: adoption (30 December 2020) plus ten days. "
            "Latest: seed 004 (mishra-2022) dates the amendment of art. 134 to 2021."
        ),
    },
    "cc2014/134#3": {  # issue #11: official footnotes and text
        ("parts", 0, "additional", 1, 7): (
            "lifetime deprivation of the right to hold certain posts or engage in certain activity"
        ),
        ("parts", 1, "additional", 1, 7): (
            "lifetime deprivation of the right to hold certain posts or engage in certain activity"
        ),
        ("parts", 2, "additional", 1, 7): (
            "lifetime deprivation of the right to hold certain posts or engage in certain activity"
        ),
        ("parts", 3, "additional", 1, 7): (
            "lifetime deprivation of the right to hold certain posts or engage in certain activity"
        ),
        ("valid_from", 0): "2021-01-09",
        ("valid_from", 2): (
            "Ten calendar days after its first official publication, as the official Kazakh "
            "footnote to art. 134 (2022 state, kaz/81097.md) says; the publication date is "
            "not in kzlaw's sources. Earliest: adoption (30 December 2020) plus ten days. "
            "Latest: seed 004 (mishra-2022) dates the amendment of art. 134 to 2021."
        ),
        ("valid_to", 2): SIXTY_DAYS_111_VIII,
    },
    "cc2014/135#0": {  # issue #11: official footnotes and text
        ("valid_to", 0): "2020-01-06",
        ("valid_to", 2): TEN_DAYS_292_VI,
    },
    "cc2014/135#1": {  # issue #11: official footnotes and text
        ("valid_from", 0): "2020-01-06",
        ("valid_from", 2): TEN_DAYS_292_VI,
        ("valid_to", 2): SIXTY_DAYS_111_VIII,
    },
    "cc2014/3#0": {  # issue #11: official footnotes and text
        ("remarks",): (
            "Only point 1 of art. 3 is held. It names neither the removal of organs nor "
            "servitude as exploitation (organ removal is a qualifying purpose in arts. 128 "
            "and 135). The official Russian wording of point 1 as of January 2020 was read "
            "(quyse/kz-laws rus/81097.md, commit 0396b99450a1821acf98c9ae2c5ecac0f46cd0c8, "
            "offset 43947) but is not held: the article's footnote names fifteen laws of "
            "2015-2019 without saying which points they changed, so it is not shown to be "
            "this version's wording (nor that point 1 ran unchanged from 2015 to 2024)."
        ),
        ("valid_to", 2): SIXTY_DAYS_111_VIII,
    },
    "cc2014/308#0": {  # issue #11: official footnotes and text
        ("parts", 0, "additional", 0, 6): True,
        ("parts", 0, "main", 0, 6): True,
        ("parts", 0, "main", 0, 7): "",
        ("parts", 0, "main", 1, 6): True,
        ("parts", 0, "main", 1, 7): "",
        ("parts", 0, "main", 2, 6): True,
        ("parts", 0, "main", 2, 7): "",
        ("parts", 0, "main", 3, 6): True,
        ("parts", 0, "main", 3, 7): "",
        ("parts", 0, "unknown"): "",
        ("parts", 1, "additional", 0, 6): True,
        ("parts", 1, "main", 0, 6): True,
        ("parts", 1, "main", 0, 7): "",
        ("parts", 1, "unknown"): "",
        ("parts", 2, "additional", 0, 6): True,
        ("parts", 2, "main", 0, 6): True,
        ("parts", 2, "main", 0, 7): "",
        ("parts", 2, "unknown"): "",
        ("remarks",): "",
        ("valid_to", 0): "2018-07-22",
        ("valid_to", 2): (
            "Ten calendar days after its first official publication, as the official "
            "footnote to art. 308 (January 2020) says; the publication date is not in "
            "kzlaw's sources. Earliest: adoption (12 July 2018) plus ten days. Latest: the "
            "Code as of about January 2020 already contains the change (approximate)."
        ),
    },
    "cc2014/308#1": {  # issue #11: official footnotes and text
        ("remarks",): "",
        ("valid_from", 0): "2018-07-22",
        ("valid_from", 2): (
            "Ten calendar days after its first official publication, as the official "
            "footnote to art. 308 (January 2020) says; the publication date is not in "
            "kzlaw's sources. Earliest: adoption (12 July 2018) plus ten days. Latest: the "
            "Code as of about January 2020 already contains the change (approximate)."
        ),
        ("valid_to", 2): SIXTY_DAYS_111_VIII,
    },
    "cc2014/309#0": {  # issue #11: official footnotes and text
        ("parts", 1, "circumstances", 2, 2): ["minor", "involvement_in_prostitution"],
        ("remarks",): "",
        ("valid_to", 2): SIXTY_DAYS_111_VIII,
    },
}


def _set(data, path, value):
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def _str_dates(d):
    return json.loads(json.dumps(d, default=str))


AFTER = _flatten(kzlaw.load())


@pytest.mark.parametrize("key", sorted(BEFORE))
def test_every_pre_migration_version_keeps_its_data(key):
    """Each old version is still there with the same texts, dates, ranges, tags and sources.

    Data corrected since the migration is listed in CORRECTIONS, each with the issue that asked for it.
    """
    before = _str_dates(BEFORE[key])
    after = _str_dates(AFTER[key])
    for path, value in CORRECTIONS.get(key, {}).items():
        _set(before, path, value)
    assert after == before
