#!/usr/bin/env bash
# Set up (if needed) with the test tools, then run the whole test suite.
# Tests that need PostgreSQL (127.0.0.1:5432, database `test`) say so when they are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/setup.sh --test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q "$@"
