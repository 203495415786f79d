"""The two money tools open on the town of the link (?town=), as the other pages do, and a town chosen
inside a tool is not overridden by the link."""
import pytest


@pytest.mark.parametrize("page, key", [("pages/leaky_bucket.py", "lb_authority_0"),
                                       ("pages/local_spend.py", "lm3_town_0")])
def test_a_tool_opens_on_the_linked_town(open_app, page, key):
    at = open_app(page, lang="en", town="la-1161")  # Rahat
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key=key).value == "la-1161"


def test_a_town_chosen_in_the_tool_stays(open_app):
    at = open_app("pages/leaky_bucket.py", lang="en", town="la-1161")
    at.selectbox(key="lb_authority_0").set_value("la-2200").run()  # Dimona
    at.run()
    assert at.selectbox(key="lb_authority_0").value == "la-2200"
