# Binnenwerk for operators: gunicorn (`binnenwerk serve`) on port 8000 behind a TLS proxy, with
# PostgreSQL from DATABASE_URL (compose.yaml runs both). README, section "Productie".
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    STATIC_ROOT=/app/staticfiles \
    HOST=0.0.0.0 \
    PORT=8000

# WeasyPrint (the PDFs) needs Pango, HarfBuzz and a font from the system. Not pinned: the
# versions are the base image's Debian release's, with its security updates.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# A numeric user, so that a cluster can check that it is not root.
RUN groupadd --system --gid 10001 binnenwerk \
    && useradd --system --uid 10001 --gid binnenwerk --create-home --home-dir /home/binnenwerk \
        --shell /usr/sbin/nologin binnenwerk

WORKDIR /app
RUN python -m venv "$VIRTUAL_ENV"

# The runtime dependencies at the locked versions: requirements.lock (uv pip compile, no
# hashes, so no --require-hashes) constrains what the project needs; the lock's dev and bench
# tools (pytest, Playwright, mypy, DuckDB, …) stay out of the image.
COPY requirements.lock pyproject.toml README.md ./
COPY src ./src
RUN pip install --constraint requirements.lock . \
    && rm -rf src build

# The Dutch texts (compiled from the .po files) and the static files, compressed for whitenoise
# (gzip and brotli beside each file). Build steps sign nothing: BINNENWERK_CLI gives a
# throw-away key (the `binnenwerk` command sets it).
RUN python -m binnenwerk.catalogues compile \
    && binnenwerk collectstatic --no-input --verbosity 0 \
    && python -m whitenoise.compress --quiet "$STATIC_ROOT"

COPY docker/entrypoint.sh /usr/local/bin/binnenwerk-entrypoint
RUN chmod 0755 /usr/local/bin/binnenwerk-entrypoint

USER 10001:10001
# matplotlib's font cache, built once here instead of on the first chart of every container.
RUN python -c "import matplotlib.font_manager"

EXPOSE 8000
# /gezond answers before Django's host check and HTTPS redirect: 200 when the database answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/gezond', timeout=4)"]

ENTRYPOINT ["binnenwerk-entrypoint"]
CMD ["serve"]
