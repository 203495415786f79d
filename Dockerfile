# The dashboard as one container: the published tables baked in, run as an unprivileged user, started with
# the same command as `make run`. Untested here (no Docker on the development machine); the command itself
# is tested in a plain venv by tests/unit/test_dockerfile.py.
#   docker build -t kmm-negev .
#   docker run --rm -p 8501:8501 kmm-negev
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# Two malloc arenas, as `make run` sets it: lower peak and after-close memory (docs/performance.md, Load).
ENV MALLOC_ARENA_MAX=2

RUN useradd --create-home --uid 10001 kmm
WORKDIR /app

# Dependencies first, so a code change does not reinstall them.
COPY requirements.txt constraints.txt ./
RUN pip install -r requirements.txt -c constraints.txt

# The app and its data (data/published and the register; the raw files stay out: see .dockerignore).
COPY --chown=root:root . .
# The open-data copies Streamlit serves at /app/static/data/ and the gzip copies of Streamlit's browser code
# (make run makes both before it starts).
# WeasyPrint (PDF profiles) needs pango; DejaVu Sans sets Latin text in the PDF.
RUN apt-get update && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* && python -m indicators.downloads.open_data && python -m ui.compressed_static
# Read-only for the user that runs the app: nothing it does can change the code or the data.
RUN chmod -R a-w /app
# The one exception: the map-label images the app draws from published names at first use (ui/map_labels.py;
# bounded in number). Without it they travel inside each map message instead.
RUN mkdir -p /app/static/map_labels && chown kmm /app/static/map_labels
USER kmm

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status != 200)"]
# The command of `make run` (Makefile), with the venv's streamlit on PATH.
CMD ["streamlit", "run", "app.py", "--server.port", "8501", "--server.address", "0.0.0.0"]
