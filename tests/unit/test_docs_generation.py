"""The generated documentation: committed docs match the data and data/schema.yml, and the markdown
helpers behave."""
import pytest

from indicators import docs_generation as docs
from indicators.contract import load_contract
from indicators.registry import FORMS
from indicators.settings import PUBLISHED_DIR


def test_committed_docs_equal_what_the_generator_produces_now():
    for path, text in docs.generated_docs().items():
        assert path.is_file(), f"{path} missing: run {docs.COMMAND}"
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run {docs.COMMAND}"


def test_check_mode_reports_up_to_date(capsys):
    assert docs.main(["--check"]) == 0
    assert capsys.readouterr().out == ""


def test_schema_doc_lists_every_column_of_the_contract():
    text = docs.schema_markdown()
    for table in load_contract().tables:
        assert f"## {table.name}" in text
        for column in table.columns:
            assert f"| `{column.name}` | {column.type} |" in text, f"{table.name}.{column.name}"
    assert "| `reason` | string |" in text and "one of `not_available`" in text


def test_indicators_doc_has_one_row_per_indicator_and_counts_the_five_forms():
    indicators = docs.read_published("indicators")
    text = docs.indicators_markdown(indicators, docs.read_published("observations"), docs.read_published("sources"))
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == len(indicators)
    assert all(line.count(" | ") == 9 for line in rows), "ten columns, the direction's reason among them"
    reasons = indicators.set_index("indicator_id")["direction_reason_en"]
    assert all(f" | {reasons[line.split('`')[1]]} | " in line for line in rows)
    assert f"one of {len(FORMS)} forms: " + ", ".join(
        f"`{f}` ({(indicators['method_form'] == f).sum()})" for f in FORMS) in text


def test_first_sentence():
    assert docs.first_sentence("Average wage (NIS). The year is the wage year.") == "Average wage (NIS)."
    assert docs.first_sentence("No full stop") == "No full stop"


def test_markdown_cells_escape_pipes():
    assert docs._cell("a | b\nc") == "a \\| b c"
    assert docs._cell(None) == "" and docs._cell(float("nan")) == ""


def test_read_published_refuses_unknown_tables():
    with pytest.raises(ValueError):
        docs.read_published("cbs_values", published_dir=PUBLISHED_DIR)


def test_demote_headings_leaves_code_alone():
    text = "# Title\n\n```sql\n# not a heading\n```\n## Part\n"
    assert docs.demote_headings(text) == "## Title\n\n```sql\n# not a heading\n```\n### Part\n"
