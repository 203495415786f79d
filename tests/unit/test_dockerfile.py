"""The container's entry command and health check, run here in the plain venv (Docker is not available
on the development machine, so the image itself is untested)."""
import json
import re
import subprocess
import sys
from pathlib import Path

from tests.browser.streamlit_server import free_port, stop_server, wait_healthy

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def _instruction(name: str) -> str:
    """The (continued) text of the last instruction `name` in the Dockerfile."""
    joined = DOCKERFILE.replace("\\\n", " ")
    return [line for line in joined.splitlines() if line.startswith(name + " ")][-1][len(name) + 1:].strip()


def test_image_runs_as_an_unprivileged_user_with_the_data():
    assert _instruction("USER") not in ("root", "0")
    ignored = [line.strip() for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")]
    assert not {"data", "data/published", "data/published/*"} & set(ignored), "the data is baked in"
    assert "/_stcore/health" in _instruction("HEALTHCHECK")


def test_cmd_is_the_make_run_command():
    cmd = json.loads(_instruction("CMD"))
    block = re.search(r"^run:.*\n((?:\t.+\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M).group(1)
    recipe = next(line.strip() for line in block.splitlines() if "streamlit run" in line)
    runs = [line for line in DOCKERFILE.replace("\\\n", " ").splitlines() if line.startswith("RUN ")]
    # The set-up steps before the server (the open-data copies, the compressed browser code) run in the image too.
    steps = re.findall(r"python -m ([\w.]+)", block)
    assert {"indicators.downloads.open_data", "ui.compressed_static"} <= set(steps)
    assert all(any(f"python -m {step}" in r for r in runs) for step in steps), steps
    defaults = {"$(PORT)": "8501", "$(ADDRESS)": "0.0.0.0"}  # the Makefile's PORT and ADDRESS
    assert [defaults.get(word, word) for word in recipe.split()[1:]] == cmd[1:]
    assert recipe.split()[0].endswith("/streamlit") and cmd[0] == "streamlit"


def test_cmd_serves_health_and_the_healthcheck_passes():
    cmd = json.loads(_instruction("CMD"))
    port = str(free_port())
    cmd = [str(Path(sys.executable).parent / "streamlit"), *cmd[1:]]
    cmd[cmd.index("--server.port") + 1] = port
    cmd[cmd.index("--server.address") + 1] = "127.0.0.1"
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", timeout=120, proc=proc)
        check = json.loads(_instruction("HEALTHCHECK").split(" CMD ", 1)[1])
        assert check[0] == "python"
        script = check[2].replace("8501", port)
        assert subprocess.run([sys.executable, "-c", script], timeout=30).returncode == 0
    finally:
        stop_server(proc)


def test_the_image_and_make_run_use_the_same_allocator_setting():
    """MALLOC_ARENA_MAX=2 (docs/performance.md, Load): set for the server in the image and by the Makefile."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^export MALLOC_ARENA_MAX \?= 2$", makefile, re.M)
    assert "MALLOC_ARENA_MAX=2" in _instruction("ENV").split()
