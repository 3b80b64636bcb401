#!/usr/bin/env bash
# Installs the Python peers of quorum-benchmark --peers into bench/.venv, at the versions bench/requirements.txt pins.
# Needs python3 (3.9 or later) with venv, and access to PyPI. Run it again to bring the environment up to date.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 -m venv "$here/.venv"
"$here/.venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
echo "peers installed in $here/.venv; run: swift build -c release && .build/release/quorum-benchmark --peers"
