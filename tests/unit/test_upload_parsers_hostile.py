"""The tools' upload parsers against hostile files (tests/hostile.py): random bytes, wrong encodings, empty and
one-cell files, formulas, huge numbers, direction controls. Each returns a table or issues naming the file,
never raises, and never half-loads a file."""
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.tools import partnership_files, spend_table
from tests import hostile

quick = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PLACES = spend_table.PlaceIndex(pd.DataFrame({"authority_id": ["la-1161"], "name_he": ["רהט"],
                                              "name_en": ["Rahat"], "name_ar": ["رهط"]}))
HEADERS = {"spend": "supplier or staff group,amount (ILS),place,type (supplier/staff),sector,tags",
           "survey": "supplier or staff group,respondent,amount received (ILS),share spent locally (%)",
           "actors": "name,sector,town,role", "relationships": "actor_a,actor_b,step,note",
           "scores": "date,respondent,trait,score,note"}


def under_header(kind: str) -> st.SearchStrategy[bytes]:
    """A file with the right header and hostile rows, so that the cell checks run and not only the reader."""
    return hostile.encoded(hostile.csv_text().map(lambda body: f"{HEADERS[kind]}\n{body}"))


def _spend(name: str, data: bytes, schema) -> None:
    parsed = hostile.assert_fails_politely(lambda: spend_table.parse_table(name, data, schema, PLACES))
    assert all(issue.file == name for issue in parsed.issues)
    assert parsed.ok or not parsed.rows or parsed.issues  # issues are reported, never swallowed


def _partnership(load, name: str, data: bytes) -> None:
    table, issues = hostile.assert_fails_politely(lambda: load(name, data))
    assert (table is None) == bool(issues), "a file is loaded whole or not at all"
    assert all(issue.file == name for issue in issues)


@quick
@given(data=hostile.file_bytes() | under_header("spend"), name=st.sampled_from(["x.csv", "x.xlsx", "x"]))
def test_spend_table_upload(data, name):
    _spend(name, data, spend_table.SPEND)


@quick
@given(data=hostile.file_bytes() | under_header("survey"))
def test_survey_upload(data):
    _spend("survey.csv", data, spend_table.SURVEY)


@quick
@given(data=hostile.file_bytes() | under_header("actors"))
def test_actors_upload(data):
    _partnership(lambda n, d: partnership_files.load_actors(n, d, {}), "actors.csv", data)


@quick
@given(data=hostile.file_bytes() | under_header("relationships"))
def test_relationships_upload(data):
    _partnership(lambda n, d: partnership_files.load_relationships(n, d, ["A", "B"]), "rel.csv", data)


@quick
@given(data=hostile.file_bytes() | under_header("scores"), name=st.sampled_from(["s.csv", "s.xlsx"]))
def test_scores_upload(data, name):
    _partnership(partnership_files.load_scores, name, data)


@settings(max_examples=10, deadline=None)
@given(text=hostile.huge_text())
def test_huge_cells_are_refused_or_read_quickly(text):
    _spend("huge.csv", f"{HEADERS['spend']}\n{text},1,Rahat\n".encode(), spend_table.SPEND)
    _partnership(lambda n, d: partnership_files.load_actors(n, d, {}), "huge.csv",
                 f"{HEADERS['actors']}\n{text},public,,partner\n".encode())


def test_old_mac_line_ends_are_rows():
    """A lone carriage return ends a row (classic Mac Excel); it used to stop the partnerships reader."""
    actors, issues = partnership_files.load_actors("mac.csv", b"name,sector,town,role\rA,public,,partner\r", {})
    assert issues == [] and actors["name"].tolist() == ["A"]
    parsed = spend_table.parse_table("mac.csv", f"{HEADERS['spend']}\rShop,5,Rahat,,,\r".encode(), spend_table.SPEND,
                                     PLACES)
    assert parsed.ok and [r["name"] for r in parsed.rows] == ["Shop"]


def test_a_cell_beyond_the_csv_limit_is_named_as_unreadable():
    data = f"{HEADERS['actors']}\n{'a' * 140_000},public,,partner\n".encode()
    _, issues = partnership_files.load_actors("long.csv", data, {})
    assert [(i.code, i.file) for i in issues] == [("unreadable_csv", "long.csv")]
    assert [i.code for i in spend_table.parse_table("long.csv", data, spend_table.SPEND, PLACES).issues] \
        == ["unreadable"]
