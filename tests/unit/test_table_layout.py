"""Tables read right to left in Hebrew and Arabic: the grid is given its columns backwards."""
from indicators.table_layout import display_order


def test_rtl_lists_columns_backwards():
    assert display_order(["Indicator", "Rahat", "Unit"], rtl=True) == ["Unit", "Rahat", "Indicator"]


def test_ltr_keeps_the_order_and_names_become_text():
    assert display_order(["Indicator", 2021, "Unit"], rtl=False) == ["Indicator", "2021", "Unit"]
