#!/usr/bin/env bash
# Set up (if needed) and open the ScanStation window on its embedded default: SQLite and a page store in the
# user's data folder. On first run a demo branch, users and dossiers are created and their logins printed; a database
# that holds real users or dossiers is only upgraded, never given the demo accounts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/setup.sh
.venv/bin/scanstation init --demo-if-new
exec .venv/bin/scanstation "$@"
