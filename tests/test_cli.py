from __future__ import annotations

import json

import pytest

from kzlaw.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def parts(data: dict) -> dict:  # type: ignore[type-arg]
    return {p["number"]: (p["imprisonment_min_months"], p["imprisonment_max_months"]) for p in data["parts"]}


def test_show_before_2006(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "cc1997/128@2005-06-01", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["ref"] == "cc1997/128@2006-03-01"
    assert data["asked"] == {"ref": "cc1997/128@2005-06-01", "in_force": "uncertain"}
    assert parts(data) == {"1": (None, 12), "2": (None, 60), "3": (36, 96)}
    base = data["parts"][0]
    assert base["imprisonment_option"] is True
    assert base["options"][0] == "fine 100-500 MCI"
    assert "deception" in base["tags"]
    assert data["text_status"] == "unofficial_translation"


def test_show_after_2006(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "cc1997/128@2007-01-01", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["ref"] == "cc1997/128@2006-03-02"
    assert data["asked"]["in_force"] == "yes"
    assert parts(data) == {"1": (None, 60), "2": (60, 84), "3": (84, 120), "4": (84, 180)}
    assert data["parts"][3]["additional"][0]["optional"] is False
    assert [c["label"] for c in data["parts"][1]["circumstances"]] == list("abcdefghij")


def test_show_without_imprisonment_gives_nulls(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "cc1997/126@2007-01-01", "--json")
    base = json.loads(out)["parts"][0]
    assert (base["imprisonment_min_months"], base["imprisonment_max_months"]) == (None, 36)
    assert base["imprisonment_option"] is True


def test_show_text_and_article(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "cc1997/128")
    assert code == 0
    assert "cc1997/128@2006-03-01" in out
    assert "cc1997/128@2006-03-02" in out
    assert "Part 4 [especially-qualified]: imprisonment 7-15 years" in out
    code, out, _ = run(capsys, "show", "cc1997/128@2005-06-01")
    assert "warning: whether this wording was in force on 2005-06-01 is uncertain" in out


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--json")
    refs = [a["ref"] for a in json.loads(out)]
    assert code == 0
    assert "cc1997/275-1" in refs
    code, out, _ = run(capsys, "list", "--code", "cc1997")
    assert out.splitlines()[0].startswith("cc1997/113")


@pytest.mark.parametrize(
    ("ref", "words"),
    [
        ("cc1997/999", "cc1997/999 is not in the corpus"),
        ("cc1997/275-1@2005-01-01", "has no version in force on 2005-01-01"),
        ("cc1997/128@2006-13-01", "is not a real date"),
        ("128", "is not a reference"),
    ],
)
def test_errors_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], ref: str, words: str) -> None:
    code, out, err = run(capsys, "show", ref)
    assert code == 2
    assert out == ""
    assert err.startswith("kzlaw: error: ")
    assert words in err
    assert len(err.strip().splitlines()) == 1


def test_enforcement(capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    assert main(["enforcement", "2009"]) == 0
    assert "78% of cases opened (212 of 271)" in capsys.readouterr().out
    assert main(["enforcement", "2009", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"][0].startswith("In 2009, 78%")
    assert main(["enforcement", "2010-H1", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [int(r["count"]) for r in rows] == [18, 10, 8, 10, 4, 110]
    assert main(["enforcement", "1990"]) == 2
    assert "no figures for period '1990'" in capsys.readouterr().err
