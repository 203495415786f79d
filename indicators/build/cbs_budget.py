"""Extract the CBS budget sheets (editions 2013–2022) into figures, gaps and the columns read.

`year` is the year a figure describes (from the header text, the year band or the sheet's stated
year; inferred for the 2022 transcription — see data/mappings/cbs_budget.yml); `edition` is the
publication year of the file. Money is stored in ₪ and floor area in m² (CBS publishes thousands).
"""
from __future__ import annotations

from pathlib import Path

from indicators.build.cbs_budget_mapping import MAPPING_FILE, load_editions
from indicators.build.cbs_budget_transcription import extract_transcription
from indicators.build.cbs_budget_workbook import extract_workbook
from indicators.build.records import Extracted, RecordCollector
from indicators.settings import RAW_DIR

_LAYOUTS = {"workbook": extract_workbook, "transcription": extract_transcription}


def extract(mapping_path: Path = MAPPING_FILE, raw_dir: Path = RAW_DIR) -> Extracted:
    """Every authority of every budget edition."""
    mapping = load_editions(Path(mapping_path), raw_dir)
    out = RecordCollector(Path(mapping_path).name)
    for ed in sorted(mapping):
        _LAYOUTS[mapping[ed].layout](mapping[ed], out)
    return out.extracted().sorted_by_key()  # the order the budget records have always been published in
