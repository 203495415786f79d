"""The load client's counting (bench/load_sessions.py) and the proxy it runs (bench/load_servers.py)."""
import asyncio
import math
import re

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import load_servers, load_sessions
from bench.load_sessions import PageVisit, Visitor, counts_table, page_summary


def _markdown(text: str, cacheable: bool = False, digest: str = "") -> bytes:
    msg = ForwardMsg()
    msg.delta.new_element.markdown.body = text
    msg.metadata.cacheable, msg.hash = cacheable, digest
    return msg.SerializeToString()


def _finished() -> bytes:
    msg = ForwardMsg()
    msg.script_finished = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
    return msg.SerializeToString()


def test_messages_and_bytes_are_counted_per_element_type_and_references_checked():
    visitor, visit = Visitor("127.0.0.1", 1, "he", 5), PageVisit("home")
    frames = [_markdown("a"), _markdown("b" * 100, cacheable=True, digest="h1")]
    reference = ForwardMsg()
    reference.ref_hash = "h1"
    frames.append(reference.SerializeToString())
    reference.ref_hash = "never-sent"
    frames.append(reference.SerializeToString())
    assert not any(visitor.read(frame, visit) for frame in frames)
    assert visitor.read(_finished(), visit)
    assert visit.messages == 5 and visit.bytes == sum(map(len, frames)) + len(_finished())
    assert visit.messages_by_element == {"markdown": 2, "(reference)": 2}
    assert visit.bytes_by_element["markdown"] == len(frames[0]) + len(frames[1])
    assert visitor.cached == {"h1"} and visit.references == 2
    assert visit.errors == ["reference to a message this visitor never received"]
    table = counts_table({"pages": {"home": page_summary([visit])}})
    assert "| home | 5 |" in table and "markdown 2 /" in table


def test_a_pages_error_box_counts_as_an_error_and_a_warning_does_not():
    """ui/errors shows a failed page as an error alert, not an exception element."""
    visitor, visit = Visitor("127.0.0.1", 1, "he", 5), PageVisit("population_gaps")
    for kind, body in ((Alert.WARNING, "unknown ?lang="), (Alert.ERROR, "Something went wrong (ref 1a2b)")):
        msg = ForwardMsg()
        msg.delta.new_element.alert.format, msg.delta.new_element.alert.body = kind, body
        assert not visitor.read(msg.SerializeToString(), visit)
    assert visit.errors == ["error box: Something went wrong (ref 1a2b)"]


def test_the_benchmark_proxy_is_the_deployed_nginx_configuration_on_other_ports():
    deployed = load_servers.NGINX_CONF.read_text(encoding="utf-8")
    config = load_servers.proxy_config(9000, [9101, 9102, 9103])
    assert re.findall(r"server 127\.0\.0\.1:(\d+)", config) == ["9101", "9102", "9103"]
    assert "listen 127.0.0.1:9000;" in config
    strip = lambda text: re.sub(r"[ \t]*(?:server 127|listen )[^\n]*\n", "", text)  # noqa: E731
    assert strip(config) == strip(deployed)  # sticky hash, websocket upgrade, timeouts: unchanged



def test_memory_at_rest_is_read_once_the_started_server_has_stopped_growing():
    # A server still importing at start-up (its warm-up) is not "at rest": wait for its memory to level off.
    readings = iter([100.0, 150.0, 220.0, 222.5, 222.7, 222.8])

    class Growing(load_sessions.Meter):
        def rss_mb(self):
            return next(readings)

    assert asyncio.run(load_sessions.settled_memory(Growing([1]), still_mb=1.0, every=0)) == 222.7
    assert math.isnan(asyncio.run(load_sessions.settled_memory(load_sessions.Meter([]), every=0)))
