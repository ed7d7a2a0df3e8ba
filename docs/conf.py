"""Sphinx configuration for kzlaw's documentation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

project = "kzlaw"
author = "kzlaw developers"
copyright = f"{dt.date.today().year}, {author}"
release = version = "0.1.0"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.doctest",
    "myst_nb",
]
html_theme = "furo"
html_title = "kzlaw"
exclude_patterns = ["_build", "**.ipynb_checkpoints"]

# Notebooks and MyST-NB pages run at every build, so no page shows output the code does not produce.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 300
nb_execution_show_tb = True
default_role = "any"
nitpicky = True
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# Offline intersphinx: Debian's python3.11-doc, python-attr-doc and python-cattrs-doc ship the inventories (the
# set-up installs them). Mapping to a missing file would make Sphinx try the network, which fails here, so map
# only what exists.
_inventories = {
    "python": ("https://docs.python.org/3", "/usr/share/doc/python3.11/html/objects.inv"),
    "attrs": ("https://www.attrs.org/en/stable", "/usr/share/doc/python-attr-doc/html/objects.inv"),
    "cattrs": ("https://catt.rs/en/stable", "/usr/share/doc/python-cattrs-doc/html/objects.inv"),
}
intersphinx_mapping = {name: (url, inv) for name, (url, inv) in _inventories.items() if Path(inv).is_file()}

nitpick_ignore = [
    ("py:class", "kzlaw.model.InForce"),
    ("py:class", "InForce"),
]

# Docstring examples included by autodoc run in Sphinx's doctest builder with these names available,
# as they do under pytest --doctest-modules in their own modules.
doctest_global_setup = """
import datetime as dt
import kzlaw
from kzlaw import *
from kzlaw.model import *
from kzlaw.protocol import *
from kzlaw.refs import *
from kzlaw.writer import *
from kzlaw.plot import *
"""

import doctest  # noqa: E402

doctest_default_flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.IGNORE_EXCEPTION_DETAIL
