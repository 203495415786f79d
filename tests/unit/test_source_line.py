"""The source line names each publisher once."""
import pandas as pd

from indicators.source_register_view import distinct_publishers


def test_source_publishers_are_named_once():
    publishers = pd.Series(["CBS", "CBS; copy transcribed by X", "Ministry of Interior"])
    assert distinct_publishers(publishers) == "CBS; copy transcribed by X; Ministry of Interior"
