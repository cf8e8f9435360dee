"""The key tables of docs/template-api.md are generated from the context's types (their
annotations and attribute docstrings, interim.render.apidoc): the page must be current, and
every key a template receives must be in a table, and no table may name a key that is gone."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from interim.render import apidoc
from interim.summary.data import Data
from interim.summary.period import Period, Span

PAGE = Path(__file__).parent.parent / "docs" / "template-api.md"
REGENERATE = "run `python -m interim.render.apidoc` to regenerate docs/template-api.md"


def data_keys(cls: type) -> set[str]:
    """The keys of `cls.to_data()`: its fields but those kept out of the data, and what a
    class of its own shape adds (a period's `days` and `label`)."""
    if cls is Period:
        day = dt.date(2026, 11, 17)
        return set(Period(day, day, Span(day, day), "dates", None, None).to_data())
    assert issubclass(cls, Data) and cls.to_data is Data.to_data, cls
    return {f.name for f in dataclasses.fields(cls) if f.metadata.get("interim.data", True)}


def test_the_page_is_current() -> None:
    page = PAGE.read_bytes().decode("utf-8")
    assert apidoc.update(page) == page, REGENERATE


@pytest.mark.parametrize("table", apidoc.TABLES, ids=lambda t: t.name)
def test_every_key_is_in_its_table_and_no_other(table: apidoc.Table) -> None:
    expected = data_keys(table.cls)
    documented = apidoc.keys_of(table)
    for key in {k.split("[].", 1)[0] for k in documented if "[]." in k}:
        item = apidoc._item_class(table.cls, key)
        expected |= {f"{key}[].{name}" for name in data_keys(item)}
    assert documented == expected, REGENERATE


@pytest.mark.parametrize("table", apidoc.TABLES, ids=lambda t: t.name)
def test_every_row_says_what_it_means(table: apidoc.Table) -> None:
    """The meaning is the docstring under the row's first field (in the code)."""
    bare = [row.keys for row in apidoc.rows_of(table) if not row.meaning]
    plain = {
        "homework": [("assigned", "due")],
        "calendar": [("date",)],
        "problems": [("files_read", "records")],
    }  # the key says it all
    assert bare == plain.get(table.name, [])


def test_the_generator_writes_and_checks(tmp_path: Path) -> None:
    page = tmp_path / "template-api.md"
    page.write_bytes(PAGE.read_bytes())
    assert apidoc.main(["--check", "--page", str(page)]) == 0
    stale = PAGE.read_bytes().decode("utf-8").replace("| true when there is at least", "| x", 1)
    page.write_bytes(stale.encode("utf-8"))
    assert apidoc.main(["--check", "--page", str(page)]) == 1
    assert apidoc.main(["--page", str(page)]) == 0
    assert page.read_bytes() == PAGE.read_bytes()


def test_a_page_without_markers_is_refused() -> None:
    with pytest.raises(ValueError, match="no markers"):
        apidoc.update("# no tables here\n")
