"""The UN Trafficking Protocol's definitional elements (art. 3 and art. 5), with their fixed ids.

Source: Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and
Children (2000), art. 3 (a)-(d) and art. 5, as catalogued in ``shared/reference/protocol-elements.md``.
The ids are a contract: data, reports and users' scripts rely on them.

>>> ELEMENTS["means.deception"].words
'deception'
>>> [e.id for e in elements("act")]
['act.recruitment', 'act.transportation', 'act.transfer', 'act.harbouring', 'act.receipt']
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

__all__ = ["ELEMENTS", "Element", "elements"]


@frozen
class Element:
    """One Protocol element: its id, group (``act``, ``means``, ``purpose``, ``rule``, ``liability``),
    the Protocol's words and the provision that states it.
    """

    id: str
    group: str
    words: str
    provision: str


_TABLE = [
    ("act.recruitment", "recruitment", "3(a)"),
    ("act.transportation", "transportation", "3(a)"),
    ("act.transfer", "transfer", "3(a)"),
    ("act.harbouring", "harbouring", "3(a)"),
    ("act.receipt", "receipt of persons", "3(a)"),
    ("means.force", "the threat or use of force", "3(a)"),
    ("means.coercion", "other forms of coercion", "3(a)"),
    ("means.abduction", "abduction", "3(a)"),
    ("means.fraud", "fraud", "3(a)"),
    ("means.deception", "deception", "3(a)"),
    ("means.abuse_of_power", "the abuse of power", "3(a)"),
    ("means.abuse_of_vulnerability", "the abuse of a position of vulnerability", "3(a)"),
    (
        "means.payments",
        "the giving or receiving of payments or benefits to achieve the consent of a person having "
        "control over another person",
        "3(a)",
    ),
    ("purpose.prostitution", "the exploitation of the prostitution of others", "3(a)"),
    ("purpose.sexual_exploitation", "other forms of sexual exploitation", "3(a)"),
    ("purpose.forced_labour", "forced labour or services", "3(a)"),
    ("purpose.slavery", "slavery or practices similar to slavery", "3(a)"),
    ("purpose.servitude", "servitude", "3(a)"),
    ("purpose.organ_removal", "the removal of organs", "3(a)"),
    (
        "rule.consent_irrelevant",
        "the consent of a victim to the intended exploitation is irrelevant where any of the means were used",
        "3(b)",
    ),
    (
        "rule.child_no_means",
        "recruitment, transportation, transfer, harbouring or receipt of a child for exploitation is "
        "trafficking even without any of the means",
        "3(c)",
    ),
    ("rule.child_under_18", '"child" means any person under eighteen years of age', "3(d)"),
    ("liability.intent", 'the conduct is criminalised "when committed intentionally"', "5(1)"),
    ("liability.attempt", "attempting to commit the offence", "5(2)(a)"),
    ("liability.accomplice", "participating as an accomplice", "5(2)(b)"),
    ("liability.organizing", "organising or directing other persons to commit the offence", "5(2)(c)"),
]

#: Every Protocol element by id, in the Protocol's order.
ELEMENTS: Mapping[str, Element] = {
    id_: Element(id_, id_.partition(".")[0], words, provision) for id_, words, provision in _TABLE
}


def elements(group: str) -> tuple[Element, ...]:
    """The elements of one group, in the Protocol's order."""
    return tuple(e for e in ELEMENTS.values() if e.group == group)
