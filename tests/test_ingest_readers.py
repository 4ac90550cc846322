"""Readers on real inputs (the founding articles, dpgmedia2019 articles) and malformed fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from diplograph.ingest import IngestError, read_paths
from diplograph.ingest.dates import normalise_date
from diplograph.model import Document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DATA = ROOT / "tests" / "data" / "ingest"


def split(items: list) -> tuple[list[Document], list[IngestError]]:
    docs = [i for i in items if isinstance(i, Document)]
    errs = [i for i in items if isinstance(i, IngestError)]
    return docs, errs


def test_founding_format() -> None:
    docs, errs = split(list(read_paths([EXAMPLES])))
    assert errs == []
    assert [d.id for d in docs] == ["seed-000", "seed-001"]
    d0, d1 = docs
    assert d0.date == "2023-04" and d0.date_precision == "month" and d0.lang == "nl"
    assert d0.raw_text.startswith(" date 2023-04 ")
    assert d0.title == "Rusland wijst aanbod vredesonderhandelingen af"
    assert d0.text.startswith("Rusland wijst aanbod vredesonderhandelingen af\n\nHet Kremlin ziet niets")
    assert "leestijd" not in d0.text and "keer bekeken" not in d0.text
    assert d1.title is None  # the first line is a paragraph, not a headline
    assert "KIJK." not in d1.text and "KIJK." in d1.raw_text


def test_jsonl_errors_name_lines_and_good_records_survive() -> None:
    docs, errs = split(list(read_paths([DATA / "mixed.jsonl"])))
    assert [(d.id, d.line) for d in docs] == [("dpg2019-10679694", 1), ("dpg2019-10670563", 4),
                                              ("dpg2019-10744652", 7)]
    by_line = {e.line: e for e in errs}
    assert by_line[2].level == "error" and "bad JSON" in by_line[2].message
    assert by_line[3].level == "error" and "0xf3" in by_line[3].message and "UTF-8" in by_line[3].message
    assert by_line[4].level == "warning" and "date" in by_line[4].message
    assert by_line[5].level == "error" and by_line[5].record == "no-text" and "missing text" in by_line[5].message
    assert all(e.source.endswith("mixed.jsonl") for e in errs)
    assert docs[1].date is None
    assert docs[2].date == "2019-03-25"  # ISO timestamp normalised to the day
    assert docs[2].meta["date_given"].startswith("2019-03-25T")
    assert docs[0].outlet == "Het Parool" and docs[0].title == "Maduro zet ambassadeur van Duitsland uit"


def test_csv_reader() -> None:
    docs, errs = split(list(read_paths([DATA / "articles.csv"])))
    assert [d.id for d in docs] == ["dpg2019-10679694", "dpg2019-10744652"]
    assert [(e.line, e.record, e.level) for e in errs] == [(3, "csv-no-text", "error")]
    assert docs[1].line == 4 and docs[1].date == "2019-03-25" and docs[1].url == "https://example.org/maduro"
    assert "\n\n" in docs[1].text


def test_unknown_encoding_is_an_error_unless_named() -> None:
    docs, errs = split(list(read_paths([DATA / "cp1252.txt"])))
    assert docs == [] and len(errs) == 1
    assert errs[0].line == 1 and "not UTF-8" in errs[0].message and "--encoding" in errs[0].message
    docs, errs = split(list(read_paths([DATA / "cp1252.txt"], encoding="cp1252")))
    assert errs == [] and docs[0].date == "2023-04" and "Oekraïense" in docs[0].text


def test_empty_and_undated_files() -> None:
    docs, errs = split(list(read_paths([DATA / "empty.txt", DATA / "nodate.txt"])))
    assert errs[0].source.endswith("empty.txt") and errs[0].message == "empty file" and errs[0].level == "error"
    assert errs[1].level == "warning" and "date unknown" in errs[1].message
    assert [d.id for d in docs] == ["nodate"] and docs[0].date is None
    assert docs[0].title == "EU en VS zijn weer vriendjes"


def test_html_page() -> None:
    docs, errs = split(list(read_paths([DATA / "page.html"])))
    assert errs == []
    d = docs[0]
    assert d.title == "Rusland stuurt Maduro militairen"
    assert d.date == "2019-03-25" and d.lang == "nl" and d.outlet == "Het Parool"
    assert d.url == "https://www.parool.nl/nieuws/rusland-stuurt-maduro-militairen"
    assert "Russische militairen" in d.text
    assert "Cookiebeleid" not in d.text and "Sport" not in d.text


def test_folders_are_walked_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    shutil.copy(EXAMPLES / "seed-000.txt", tmp_path / "a" / "seed-000.txt")
    shutil.copy(EXAMPLES / "seed-001.txt", tmp_path / "a" / "b" / "seed-001.txt")
    shutil.copy(EXAMPLES / "seed-001.txt", tmp_path / ".hidden" / "copy.txt")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    docs, errs = split(list(read_paths([tmp_path])))
    assert sorted(d.id for d in docs) == ["seed-000", "seed-001"] and errs == []
    docs, errs = split(list(read_paths([tmp_path / "a" / "seed-000.txt", tmp_path, tmp_path / "a"])))
    assert sorted(d.id for d in docs) == ["seed-000", "seed-001"] and errs == []  # each file once


def test_named_file_of_unknown_type_and_missing_path(tmp_path: Path) -> None:
    f = tmp_path / "notes.md"
    f.write_text("x", encoding="utf-8")
    _, errs = split(list(read_paths([f, tmp_path / "nope"])))
    assert "unsupported file type" in errs[0].message and errs[1].message == "no such file or folder"


@pytest.mark.parametrize("given, expected", [
    ("2023", "2023"), ("2023-4", "2023-04"), ("2023-04-05", "2023-04-05"), ("2023-04-05T23:10:00Z", "2023-04-05"),
    ("2023-04-05 08:00:00+02:00", "2023-04-05"), ("05-04-2023", "2023-04-05"), ("2023/04/05", "2023-04-05"),
    (2023, "2023"), ("", None), (None, None),
])
def test_dates(given: object, expected: str | None) -> None:
    assert normalise_date(given) == expected


@pytest.mark.parametrize("bad", ["gisteren", "2023-13", "2023-02-30"])
def test_bad_dates(bad: str) -> None:
    with pytest.raises(ValueError):
        normalise_date(bad)


def test_json_array_tsv_and_declared_html_charset(tmp_path: Path) -> None:
    import csv
    import json

    lines = (DATA / "mixed.jsonl").read_text(encoding="utf-8", errors="replace").splitlines()
    good = [json.loads(lines[0]), json.loads(lines[6])]  # the two good records
    (tmp_path / "arr.json").write_text(json.dumps(good, ensure_ascii=False), encoding="utf-8")
    with (tmp_path / "t.tsv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(["ID", "Date", "Title", "Text", "Language"])
        w.writerow([good[0]["id"], good[0]["date"], good[0]["title"], good[0]["text"], "NL"])
    html = (DATA / "page.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="windows-1252"')
    (tmp_path / "page1252.htm").write_bytes(html.encode("cp1252"))
    docs, errs = split(list(read_paths([tmp_path])))
    assert errs == []
    ids = [d.id for d in docs]
    assert ids.count(good[0]["id"]) == 2 and "page1252" in ids
    tsv = next(d for d in docs if d.source.endswith("t.tsv"))
    assert tsv.lang == "nl" and tsv.date == good[0]["date"] and tsv.line == 2
    page = next(d for d in docs if d.id == "page1252")
    assert "Russische militairen" in page.text and page.date == "2019-03-25"
