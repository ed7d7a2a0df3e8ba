from __future__ import annotations

from IPython.core.formatters import format_display_data

import kzlaw


def test_version_and_article_render_as_html(corpus: kzlaw.Corpus) -> None:
    v = corpus.version("cc1997/128@2006-03-02")
    data, _ = format_display_data(v)
    assert "text/html" in data
    assert "Trafficking in people" in data["text/html"]
    assert "imprisonment 7-15 years" in data["text/html"]
    data, _ = format_display_data(corpus.article("cc1997/128"))
    assert "cc1997/128@2006-03-01" in data["text/html"]


def test_statute_text_never_becomes_markup(corpus: kzlaw.Corpus) -> None:
    from tests.conftest import reword

    v = corpus.version("cc1997/128@2006-03-02")
    evil = reword(v, title='"><img src=x onerror=alert(1)>', parts={"base": "<script>alert(1)</script> & <b>"})
    html = format_display_data(evil)[0]["text/html"]
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in html


def test_reprs_explain_themselves(corpus: kzlaw.Corpus) -> None:
    v = corpus.version("cc1997/128@2006-03-02")
    assert repr(v) == (
        "<Version cc1997/128@2006-03-02 'Trafficking in people' (en): 4 parts, "
        "2006-03-02 to between 2010-11-26 and 2015-01-01>"
    )
    assert repr(v.part("4")) == (
        "<Part 4 (especially-qualified): imprisonment 7-15 years, with confiscation of property (mandatory), "
        "2 circumstances>"
    )
    assert repr(corpus).startswith("<Corpus ")
