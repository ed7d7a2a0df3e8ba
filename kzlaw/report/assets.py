"""The report page's own stylesheet and its one small script (both inline: the page fetches nothing).

Under print media every ``<details>`` section is open: the stylesheet shows the content of closed
ones (``details::details-content``), and the script opens them all on ``beforeprint`` for browsers
without that pseudo-element (and closes them again after printing).
"""

from __future__ import annotations

__all__ = ["PAGE_CSS", "PRINT_SCRIPT"]

#: Layout for a page of up to 1,400 px and for print; the shared rules are in :data:`kzlaw.present.html.CSS`.
PAGE_CSS = """
body { margin: 1.5em auto; max-width: 72em; padding: 0 1em; }
.kz.kz { max-width: none; }
.kz.kz h1 { font-size: 1.7em; margin-bottom: .2em; }
.kz.kz h2 { border-bottom: 1px solid #bbb; margin-top: 1.6em; }
.kz.kz .kz-id { color: #777; font-size: .72em; font-weight: normal; font-family: ui-monospace, monospace; }
.kz.kz .kz-toc { display: grid; grid-template-columns: repeat(auto-fill, minmax(21em, 1fr)); gap: .15em 1.5em;
  list-style: none; padding: 0; }
.kz.kz .kz-toc li { overflow-wrap: break-word; }
.kz.kz details { margin: .3em 0; } .kz.kz summary { cursor: pointer; font-weight: 600; }
.kz.kz section.article { border-top: 2px solid #333; margin-top: 2.2em; }
.kz.kz .kz-note { background: #fff8e1; border-left: 4px solid #e0a800; padding: .5em 1em; }
.kz.kz .kz-summary { background: #f3f7fb; border-left: 4px solid #2c7fb8; padding: .3em 1.2em .6em; }
.kz.kz .kz-summary li { margin: .2em 0; }
.kz.kz .kz-amend { border-left: 3px solid #ddd; padding-left: .8em; margin: 1em 0; }
.kz.kz .kz-chart { overflow-x: auto; max-width: 100%; margin: .5em 0; }
.kz.kz svg.kz-svg { max-width: 100%; height: auto; }
.kz.kz .kz-sources { list-style: none; padding-left: 0; } .kz.kz .kz-sources li { margin: .35em 0; }
.kz.kz td { overflow-wrap: break-word; }
.kz.kz .kz-scroll { overflow-x: auto; max-width: 100%; }
.kz.kz .kz-tall { max-height: 32em; overflow: auto; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  details::details-content { content-visibility: visible; display: contents; }
  .kz.kz details > summary { list-style: none; }
  .kz.kz .kz-scroll, .kz.kz .kz-chart, .kz.kz .kz-tall { overflow: visible; max-height: none; }
  .kz.kz .kz-screen-only { display: none; }
  .kz.kz section.article { break-before: page; }
  .kz.kz svg, .kz.kz tr, .kz.kz .kz-amend > ul { break-inside: avoid; }
  .kz.kz h2, .kz.kz h3, .kz.kz h4 { break-after: avoid; }
  .kz.kz a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }
  .kz.kz * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""

#: Opens every closed ``<details>`` before printing and closes them again afterwards.
PRINT_SCRIPT = (
    "<script>(function(){var opened=[];"
    'addEventListener("beforeprint",function(){document.querySelectorAll("details:not([open])")'
    ".forEach(function(d){d.open=true;opened.push(d);});});"
    'addEventListener("afterprint",function(){opened.forEach(function(d){d.open=false;});opened=[];});'
    "})();</script>"
)
