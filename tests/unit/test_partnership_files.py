"""Uploading and downloading the partnership tool's tables: encodings, headers in three languages, every
validation message with its file, row and column, formulas kept as text. Files are made here."""
import datetime as dt
import io

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from indicators.settings import LANGUAGES
from indicators.tools import partnership_files as files
from indicators.tools.partnership_checks import CODES, code_of, normalise
from indicators.tools.partnerships import ACTOR_COLUMNS, RELATIONSHIP_COLUMNS, SCORE_COLUMNS
from ui.i18n import load_catalogue

# As indicators.tools.partnership_checks.town_lookup builds it: every spelling, normalised, to the id.
TOWNS = {normalise(spelling): town for spelling, town in (("la-9000", "la-9000"), ("באר שבע", "la-9000"),
                                                          ("Be'er Sheva", "la-9000"), ("la-831", "la-831"),
                                                          ("ירוחם", "la-831"))}


def _csv(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def _xlsx(rows: list[list], title: str = "Sheet") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _only_issue(issues):
    assert len(issues) == 1, issues
    return issues[0]


HEBREW_ACTORS = "שם,מגזר,יישוב,תפקיד\nעמותה לדוגמה,חברה אזרחית,ירוחם,גוף מתכלל\nמפעל,עסקי,la-9000,\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1255"])
def test_hebrew_csv_in_each_accepted_encoding(encoding):
    table, issues = files.load_actors("actors.csv", _csv(HEBREW_ACTORS, encoding), TOWNS)
    assert issues == []
    assert table.to_dict("records") == [
        {"name": "עמותה לדוגמה", "sector": "civil_society", "town": "la-831", "role": "integrator"},
        {"name": "מפעל", "sector": "business", "town": "la-9000", "role": "partner"},  # empty role = partner
    ]


def test_english_headers_codes_semicolons_and_excel():
    text = "Name;Sector;Town;Role\nCouncil;public;Be'er Sheva;partner\n"
    table, issues = files.load_actors("a.csv", _csv(text), TOWNS)
    assert issues == [] and table.iloc[0].to_dict() == {"name": "Council", "sector": "public", "town": "la-9000",
                                                         "role": "partner"}
    workbook = _xlsx([["الاسم", "القطاع", "البلدة", "الدور"], ["مجلس", "القطاع العام", "la-831", "شريك"]])
    table, issues = files.load_actors("a.xlsx", workbook, TOWNS)
    assert issues == [] and table.iloc[0]["sector"] == "public" and table.iloc[0]["town"] == "la-831"


def test_numbers_name_steps_and_scores():
    assert code_of("step", "1") == "disconnection" and code_of("step", "6") == "partnership"
    assert code_of("step", "שיתוף-פעולה") == "cooperation"
    assert code_of("trait", "8") == "agreed_funding" and code_of("sector", "nonsense") is None


# --- Every message, with where it points.

def test_too_large():
    issue = _only_issue(files.load_actors("big.csv", b"a" * (files.MAX_BYTES + 1), TOWNS)[1])
    assert (issue.code, issue.file, issue.expected) == ("too_large", "big.csv", "1 MB")


@pytest.mark.parametrize("data", [b"", b"  \n \n"])
def test_empty_file(data):
    assert _only_issue(files.load_actors("e.csv", data, TOWNS)[1]).code == "empty_file"


def test_header_without_rows():
    issue = _only_issue(files.load_actors("h.csv", _csv("name,sector\n,\n"), TOWNS)[1])
    assert (issue.code, issue.row) == ("no_rows", 2)


def test_wrong_encoding():
    utf16 = HEBREW_ACTORS.encode("utf-16")
    assert _only_issue(files.load_actors("u16.csv", utf16, TOWNS)[1]).code == "bad_encoding"
    # Bytes that are neither UTF-8 nor Windows-1255 (0x81 is unassigned there).
    assert _only_issue(files.load_actors("x.csv", b"name,sector\n\x81\x8a,public\n", TOWNS)[1]).code == "bad_encoding"


def test_unreadable_excel_and_wrong_type():
    assert _only_issue(files.load_actors("x.xlsx", b"not a zip", TOWNS)[1]).code == "unreadable_excel"
    issue = _only_issue(files.load_actors("x.pdf", b"%PDF", TOWNS)[1])
    assert (issue.code, issue.found) == ("bad_file_type", ".pdf")


def test_missing_and_duplicate_columns():
    issues = files.load_actors("m.csv", _csv("name,town\nA,la-9000\n"), TOWNS)[1]
    issue = _only_issue(issues)
    assert (issue.code, issue.row, issue.column) == ("missing_column", 1, "sector")
    assert "מגזר" in issue.expected
    issue = _only_issue(files.load_actors("d.csv", _csv("name,sector,שם\nA,public,B\n"), TOWNS)[1])
    assert (issue.code, issue.column) == ("duplicate_column", "שם")


def test_actor_row_problems_point_to_file_row_and_column():
    text = ("שם,מגזר,יישוב,תפקיד\n"
            "A,public,,\n"  # row 2: fine
            ",public,,\n"  # row 3: no name
            "a ,public,,\n"  # row 4: duplicate of A (case and spaces ignored)
            "B,farm,,\n"  # row 5: not a sector
            "C,business,Atlantis,\n"  # row 6: unknown town
            "\n"  # row 7: blank, skipped but counted
            "D,business,,boss\n")  # row 8: not a role
    table, issues = files.load_actors("actors.csv", _csv(text), TOWNS)
    assert table is None  # nothing half-loaded
    found = [(i.code, i.row, i.column, i.found) for i in issues]
    assert found == [("missing_value", 3, "שם", ""), ("duplicate_actor", 4, "שם", "a"),
                     ("bad_sector", 5, "מגזר", "farm"), ("unknown_town", 6, "יישוב", "Atlantis"),
                     ("bad_role", 8, "תפקיד", "boss")]
    assert issues[1].expected == "2" and "civil_society" in issues[2].expected


def test_relationship_problems():
    text = ("actor_a,actor_b,step,note\n"
            "A,B,cooperation,\n"
            "B,a,partnership,\n"  # duplicate pair, other order
            "A,A,informing,\n"
            "A,Z,informing,\n"
            "A,C,friends,\n"
            "C,,informing,\n")
    table, issues = files.load_relationships("r.csv", _csv(text), ["A", "B", "C"])
    assert table is None
    assert [(i.code, i.row, i.column) for i in issues] == [
        ("duplicate_relationship", 3, "actor_b"), ("self_relationship", 4, "actor_b"),
        ("unknown_actor", 5, "actor_b"), ("bad_step", 6, "step"), ("missing_value", 7, "actor_b")]
    assert issues[0].expected == "2"


def test_score_problems_and_dates():
    text = ("date,respondent,trait,score,note\n"
            "2025-01-15,R1,shared_goals,4,\n"
            "2025-01-15,R1,shared_goals,5,\n"  # scored twice
            "2025-01-15,R1,trust,3,\n"  # not a trait
            "2025-01-15,R1,added_value,6,\n"  # out of range
            "2025-01-15,R1,transparency,3.5,\n")  # not whole
    table, issues = files.load_scores("s.csv", _csv(text))
    assert table is None
    assert [(i.code, i.row) for i in issues] == [("duplicate_score", 3), ("bad_trait", 4), ("bad_score", 5),
                                                 ("bad_score", 6)]
    issue = _only_issue(files.load_scores("s.csv", _csv("date,respondent,trait,score\nsoon,R,1,3\n"))[1])
    assert (issue.code, issue.row, issue.column, issue.found) == ("bad_date", 2, "date", "soon")


def test_scores_grouped_by_date_or_undated():
    text = "תאריך,משיב/ה,מאפיין,ציון\n15/01/2025,R1,1,4\n2025-09-15,R1,1,5\n15.01.2025,R2,2,\n"
    snapshots, issues = files.load_scores("s.csv", _csv(text))
    assert issues == []
    assert sorted(snapshots) == [dt.date(2025, 1, 15), dt.date(2025, 9, 15)]
    first = snapshots[dt.date(2025, 1, 15)]
    assert first["respondent"].tolist() == ["R1", "R2"] and pd.isna(first["score"].iloc[1])
    undated, issues = files.load_scores("s.csv", _csv("respondent,trait,score\nR,measurable outcomes,2\n"))
    assert list(undated) == [None] and undated[None].iloc[0]["trait"] == "measurable_outcomes"


# --- Formulas stay text.

def test_formula_cells_are_text_and_neutralised_on_export():
    frame = pd.DataFrame({"name": ["=HYPERLINK(\"http://x\")", "+972", "-x", "@SUM(A1)", "plain"],
                          "n": [1, 2, 3, 4, 5]})
    csv_text = files.to_csv_bytes(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text and "'+972" in csv_text and "'@SUM" in csv_text and "\nplain," in csv_text
    sheet = load_workbook(io.BytesIO(files.to_excel_bytes({"s": frame}))).active
    values = [cell.value for cell in sheet["A"]][1:]
    assert values[0] == "'=HYPERLINK(\"http://x\")" and sheet["A2"].data_type == "s"
    assert [cell.value for cell in sheet["B"]][1:] == [1, 2, 3, 4, 5]


def test_formula_in_uploaded_excel_is_read_as_its_text():
    workbook = _xlsx([["name", "sector"], ["=1+1", "public"], ["'=2+2", "business"]])
    table, issues = files.load_actors("f.xlsx", workbook, TOWNS)
    assert issues == [] and table["name"].tolist() == ["=1+1", "=2+2"]  # our own apostrophe guard removed


def test_export_reimports_exactly():
    actors = pd.DataFrame([("=Council", "public", "la-831", "integrator"), ("Shop", "business", None, "partner")],
                          columns=list(ACTOR_COLUMNS))
    for name, data in (("a.csv", files.to_csv_bytes(actors)), ("a.xlsx", files.to_excel_bytes({"actors": actors}))):
        table, issues = files.load_actors(name, data, TOWNS)
        assert issues == [] and table.equals(actors), name


# --- The page's own words are accepted on upload, in every language.

@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_labels_and_headers_are_accepted(lang):
    messages = load_catalogue(lang)
    for kind, codes in CODES.items():
        for code in codes:
            assert code_of(kind, messages[f"partnerships.{kind}_{code}"]) == code, (lang, kind, code)
    for kind, columns in (("actors", ACTOR_COLUMNS), ("relationships", RELATIONSHIP_COLUMNS),
                          ("scores", (*SCORE_COLUMNS, "date"))):
        accepted = {normalise(a) for column in columns for a in (column, *files.HEADER_ALIASES[kind][column])}
        for column in columns:
            assert normalise(messages[f"partnerships.col_{column}"]) in accepted, (lang, column)
        assert normalise(messages[f"partnerships.sheet_{kind}"]) in {normalise(s) for s in files.SHEET_ALIASES[kind]}


def test_every_issue_code_has_a_message():
    codes = {"too_large", "empty_file", "no_rows", "bad_encoding", "unreadable_excel", "unreadable_csv",
             "bad_file_type", "missing_column", "duplicate_column", "missing_value", "duplicate_actor", "bad_sector",
             "bad_role", "unknown_town", "unknown_actor", "self_relationship", "duplicate_relationship", "bad_step",
             "bad_trait", "bad_score", "duplicate_score", "bad_date"}
    for lang in LANGUAGES:
        messages = load_catalogue(lang)
        assert {c for c in codes if f"partnerships.issue_{c}" not in messages} == set(), lang
    source = "".join(open(f"indicators/tools/{m}.py", encoding="utf-8").read()
                     for m in ("partnership_files", "partnership_checks"))
    used = {c for c in codes if f'"{c}"' in source}
    assert used == codes


@pytest.mark.parametrize("lang", LANGUAGES)
def test_issues_render_with_file_row_column_found_and_expected(lang):
    from indicators.tools.partnership_checks import TableIssue
    from ui.partnership_labels import Vocabulary
    from ui.partnership_session import issue_text

    words = Vocabulary(lang)
    cell = issue_text(TableIssue("bad_sector", "actors.csv", 5, "מגזר", "farm", "public, business"), words)
    assert all(part in cell for part in ("actors.csv", "5", "מגזר", "farm", "public, business")), cell
    missing = issue_text(TableIssue("missing_column", "a.csv", 1, "sector", expected="sector, מגזר"), words)
    assert words.column("sector") in missing and "sector, מגזר" in missing
    whole = issue_text(TableIssue("bad_encoding", "a.csv", expected="UTF-8"), words)
    assert whole.startswith("a.csv") and "UTF-8" in whole
    for key in load_catalogue(lang):
        if key.startswith("partnerships.issue_"):
            code = key.removeprefix("partnerships.issue_")
            assert issue_text(TableIssue(code, "f.csv", 2, "c", "x", "y"), words).startswith("f.csv")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pages_downloads_upload_again_unchanged(lang):
    """Export in the page's language (labels, headers, sheet names), upload each table back: same codes."""
    from indicators.tools.partnership_example import EXAMPLE_ACTORS, example_state
    from ui.partnership_labels import Vocabulary
    from ui.partnership_tables import actors_export, relationships_export, scores_export

    words = Vocabulary(lang)
    state = example_state("x", {k: words.t(f"example_actor_{k}") for k, *_ in EXAMPLE_ACTORS},
                          lambda i: words.t("example_respondent", number=i))
    towns = {normalise(t): t for t in state.actors["town"]}
    sheets = {words.t("sheet_actors"): actors_export(state.actors, {}, words),
              words.t("sheet_relationships"): relationships_export(state.relationships, words),
              words.t("sheet_scores"): scores_export(state.assessments, words)}
    workbook = files.to_excel_bytes(sheets, right_to_left=lang != "en")
    for name, data in (("all.xlsx", workbook), ("a.csv", files.to_csv_bytes(list(sheets.values())[0]))):
        actors, issues = files.load_actors(name, data, towns)
        assert issues == [] and actors.equals(state.actors), (lang, name)
    relationships, issues = files.load_relationships("all.xlsx", workbook, list(state.actors["name"]))
    assert issues == [] and relationships.equals(state.relationships.assign(note=None))
    snapshots, issues = files.load_scores("all.xlsx", workbook)
    assert issues == [] and sorted(snapshots) == [a.date for a in state.assessments]
    for assessment in state.assessments:
        assert snapshots[assessment.date].equals(assessment.scores), lang
