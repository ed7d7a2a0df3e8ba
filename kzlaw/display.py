"""How every result shows itself: one mixin that hands each format to the presentation layer.

Analysis modules compute typed results; :class:`Presentable` gives each of them ``to_text()``,
``to_markdown()``, ``to_html()``, ``to_dict()``, ``to_dataframe()`` and the notebook's
``_repr_html_``, each delegating to the one module of :mod:`kzlaw.present` for that format. The
presentation modules are imported on first use, so computing never loads them.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Presentable"]


class Presentable:
    """A result that renders itself through :mod:`kzlaw.present` (text, Markdown, HTML, JSON, tables)."""

    __slots__ = ()

    def to_text(self, color: bool = False) -> str:
        """A terminal view (ANSI colours with ``color=True``)."""
        from kzlaw.present import text

        return text.render(self, color=color)

    def to_markdown(self) -> str:
        """A Markdown view, with statute text escaped."""
        from kzlaw.present import markdown

        return markdown.render(self)

    def to_html(self, standalone: bool = False) -> str:
        """An HTML fragment with kzlaw's scoped stylesheet (a whole page with ``standalone=True``)."""
        from kzlaw.present import html

        return html.render(self, standalone=standalone)

    def to_dict(self) -> Any:
        """The JSON-ready form (the shape the CLI's ``--json`` prints)."""
        from kzlaw.present import json

        return json.to_data(self)

    def to_dataframe(self) -> Any:
        """The result as a ``pandas.DataFrame``, one row per table row (needs the ``pandas`` extra)."""
        from kzlaw.present import frame

        return frame.to_dataframe(self)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return self.to_text()
