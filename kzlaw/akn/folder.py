"""A folder of Akoma Ntoso documents as a corpus: what ``kzlaw.load`` reads when a folder holds AKN files.

:func:`load_akn` reads every ``CODE/ARTICLE/<lang>@<date>.xml`` (the layout :func:`~kzlaw.akn.write_akn` writes),
joins the documents of one version (one per language) with :func:`~kzlaw.akn.from_akn`, and builds each article
from its versions in time order, checked as any loaded article is. The registries (codes, laws, sources, tags,
languages) are the bundled ones.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

import attrs

from kzlaw.akn.base import AknError
from kzlaw.akn.read import from_akn
from kzlaw.corpus import Corpus, resolve_corpus
from kzlaw.fsio import read_text
from kzlaw.model import Article, Version

__all__ = ["has_akn_files", "load_akn"]

_NAME = re.compile(r"(?P<lang>[a-z]{3})@(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})?\.xml")


def has_akn_files(folder: Path) -> bool:
    """Whether ``folder`` holds AKN documents in the layout :func:`~kzlaw.akn.write_akn` writes."""
    return any(_NAME.fullmatch(p.name) for p in folder.glob("*/*/*.xml"))


def _start(version: Version) -> str:
    day = version.valid_from.earliest or version.valid_from.latest
    return day.isoformat() if day else ""


def load_akn(folder: str | os.PathLike[str], registry: Corpus | None = None) -> Corpus:
    """The corpus of a folder of AKN documents (see the module's docstring).

    Raises:
        AknError: A document is not valid AKN, or its versions do not make a valid article (the message names the
            file or the article).
    """
    root = Path(folder)
    base = resolve_corpus(registry)
    groups: dict[tuple[str, str, str], list[bytes]] = defaultdict(list)
    for path in sorted(root.glob("*/*/*.xml")):
        match = _NAME.fullmatch(path.name)
        if match is None:
            continue
        code, article = path.parent.parent.name, path.parent.name
        groups[(code, article, match["day"] or "")].append(read_text(path, root).encode("utf-8"))
    by_article: dict[str, list[Version]] = defaultdict(list)
    for (code, article, _), documents in groups.items():
        try:
            version = from_akn(*documents, corpus=base)
        except AknError as err:
            raise AknError(f"{root / code / article}: {err}") from None
        by_article[f"{code}/{article}"].append(version)
    if not by_article:
        raise AknError(f"{root}: holds no Akoma Ntoso documents (CODE/ARTICLE/<lang>@<date>.xml)")
    articles = {}
    for ref, versions in by_article.items():
        versions.sort(key=_start)
        of_code = base.codes.get(versions[0].code)
        held = base.articles.get(ref)  # AKN holds no lineage: the registry's article gives its role and links
        try:
            art = Article(
                versions[0].code,
                versions[0].article,
                tuple(versions),  # type: ignore[arg-type]  # attrs' `converter=tuple` reads as Iterable[_T_co]
                role=held.role if held else "offence",
                lineage=held.lineage if held else (),  # type: ignore[arg-type]
            )
        except Exception as err:
            raise AknError(f"{ref}: the documents do not make a valid article: {err}") from None
        if of_code is not None:
            art = attrs.evolve(art, in_force_from=of_code.in_force_from, in_force_to=of_code.in_force_to)
        articles[ref] = art
    return Corpus(base.codes, articles, base.laws, base.sources, base.tags, base.languages, root=str(root))
