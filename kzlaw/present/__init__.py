"""The presentation layer: one module per format, every result rendered from one vocabulary.

- :mod:`kzlaw.present.text`: terminals (plain, or ANSI colours);
- :mod:`kzlaw.present.markdown`: Markdown, statute text escaped;
- :mod:`kzlaw.present.html`: notebooks, the report and ``--format html``, with the one stylesheet;
- :mod:`kzlaw.present.json`: the JSON every ``--json`` prints, from the one converter;
- :mod:`kzlaw.present.frame`: ``to_dataframe()`` and CSV rows;
- :mod:`kzlaw.present.docx`: Word documents whose changes are tracked revisions;
- :mod:`kzlaw.present.labels`: the words a person reads for codes, articles, versions, tags and benchmarks.

Analysis modules never import this package; results reach it through
:class:`kzlaw.display.Presentable`.
"""
