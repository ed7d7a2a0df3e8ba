"""The data model: every class a statute file turns into, declared or re-exported here.

A :class:`~kzlaw.corpus.Corpus` holds :class:`Article` objects; an article holds its
:class:`Version` objects in time order. A version is the *legal state* of the provision over a
period: its amending law, its :class:`Part` objects (each with a stable id, its constitutive
elements as tags, its qualifying :class:`Circumstance` objects and its
:class:`~kzlaw.sanction.Sanction`), its notes and definitions. Its *words* are apart, in
:attr:`Version.wordings`: one :class:`Wording` per language (official Russian, an unofficial
English translation, kzlaw's own summary...), each with its status and source.

Every class is frozen and slotted and checks its invariants when built, so an object made in a
notebook is as valid as a loaded one; a broken invariant raises
:class:`~kzlaw.errors.InvalidValueError`, a :class:`~kzlaw.errors.KzlawError`.
"""

from kzlaw.article import Article, Link, Role
from kzlaw.parts import Circumstance, Definition, Note, Part
from kzlaw.registry import Code, Language, Law, Source, SourceDocument, Tag
from kzlaw.sanction import Penalty, Sanction
from kzlaw.version import InForce, Version
from kzlaw.when import When
from kzlaw.wording import PartWording, TextStatus, Wording

__all__ = [
    "Article",
    "Circumstance",
    "Code",
    "Definition",
    "InForce",
    "Language",
    "Law",
    "Link",
    "Note",
    "Part",
    "PartWording",
    "Penalty",
    "Role",
    "Sanction",
    "Source",
    "SourceDocument",
    "Tag",
    "TextStatus",
    "Version",
    "When",
    "Wording",
]
