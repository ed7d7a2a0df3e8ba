"""Check what a reader sees, in a real headless browser (Chromium), and take screenshots.

1. Executes a small notebook with nbconvert (its default "lab" template carries JupyterLab's
   ``:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td {text-align: right}``), then asks Chromium
   for the computed ``text-align`` of every cell of kzlaw's tables: each must be ``left`` (or
   ``center`` for the coverage marks).
2. Builds the report, prints it to PDF and checks that text inside closed ``<details>`` is printed.
3. Saves screenshots (report top, notebook, PDF first page) under the output folder.

Needs ``chromium`` (Debian package), ``pdftotext``/``pdftoppm`` (poppler-utils) and nbconvert; run
``python benchmarks/browser_check.py [OUT]``. Exits non-zero if a check fails.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

NOTEBOOK_CELLS = [
    "import kzlaw\ncorpus = kzlaw.load()",
    "kzlaw.compare_penalties('cc1997/271@2010-06-01', 'cc1997/128@2010-06-01')",
    "kzlaw.align(['cc1997/128@2006-03-01', 'cc1997/128@2006-03-02'])",
    "corpus.version('cc1997/128@2006-03-02')",
]
PROBE = """<script>
addEventListener('load', function () {
  var out = [];
  document.querySelectorAll('.kz td, .kz th').forEach(function (c) {
    out.push(getComputedStyle(c).textAlign + '|' + (c.className || ''));
  });
  var pre = document.createElement('pre'); pre.id = 'kz-probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""
CHROME = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]


def run(cmd: list[str], **kw: object) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout  # type: ignore[call-overload, no-any-return]


def notebook_alignment(out: Path) -> list[str]:
    import nbformat  # type: ignore[import-untyped, unused-ignore]

    cells = [nbformat.v4.new_code_cell(c) for c in NOTEBOOK_CELLS]  # type: ignore[no-untyped-call]
    nb = nbformat.v4.new_notebook(cells=cells)  # type: ignore[no-untyped-call]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = out / "alignment-check.ipynb"
    nbformat.write(nb, path)  # type: ignore[no-untyped-call]
    run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--execute", str(path)])
    page = path.with_suffix(".html")
    text = page.read_text(encoding="utf-8")
    assert ".jp-RenderedHTMLCommon td" in text, "nbconvert's template no longer carries JupyterLab's table rule"
    page.write_text(text.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = run([*CHROME, "--virtual-time-budget=5000", "--dump-dom", page.as_uri()])
    found = re.search(r'<pre id="kz-probe">(.*?)</pre>', dom, re.S)
    assert found, "the probe did not run"
    cells = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    bad = [c for c in cells if not (c.startswith("left|") or (c.startswith("center|") and "kz-cell" in c))]
    run([*CHROME, "--window-size=1400,2200", f"--screenshot={out / 'notebook.png'}", page.as_uri()])
    print(f"notebook: {len(cells)} kzlaw table cells, {len(bad)} misaligned")
    return bad


def report_print(out: Path) -> list[str]:
    folder = out / "report"
    run([sys.executable, "-c", "import sys; from kzlaw.cli import main; sys.exit(main(sys.argv[1:]))",
         "report", "-o", str(folder)])  # fmt: skip
    index = folder / "index.html"
    pdf = out / "report.pdf"
    run([*CHROME, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", index.as_uri()])
    text = run(["pdftotext", str(pdf), "-"])
    closed = len(re.findall(r"<details>", index.read_text(encoding="utf-8")))
    problems = [] if text.count("Wordings held:") and "Every change" in text else ["closed sections not printed"]
    run([*CHROME, "--window-size=1400,1800", f"--screenshot={out / 'report-top.png'}", index.as_uri()])
    run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", str(pdf), str(out / "report-pdf")])
    print(f"report: {closed} closed sections, printed open: {not problems}")
    return problems


def main() -> int:
    if not shutil.which("chromium"):
        print("needs chromium: apt-get install chromium", file=sys.stderr)
        return 2
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="kzlaw-browser-"))
    out.mkdir(parents=True, exist_ok=True)
    bad = notebook_alignment(out) + report_print(out)
    print(f"screenshots in {out}")
    for b in bad[:10]:
        print("FAIL", b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
