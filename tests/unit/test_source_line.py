"""The source line names each publisher once."""
import pandas as pd

from ui.components import distinct_publishers


def test_source_publishers_are_named_once():
    publishers = pd.Series(["CBS", "CBS; copy transcribed by X", "Ministry of Interior"])
    assert distinct_publishers(publishers) == "CBS; copy transcribed by X; Ministry of Interior"
