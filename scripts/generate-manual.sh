#!/bin/sh
# Regenerates docs/man/quorum.1 with swift-argument-parser's generate-manual plugin, from the current commands and
# options. Run it after changing a command or an option; the test suite fails while the page is out of date.
set -eu
cd "$(dirname "$0")/.."
# The page is written in English, whatever the locale of the machine that writes it.
export QUORUM_LANG=en
swift package plugin generate-manual --configuration debug >/dev/null
manual=$(find .build/plugins/GenerateManual -name quorum.1 | head -n 1)
[ -n "$manual" ] || { echo "error: the plugin wrote no quorum.1" >&2; exit 1; }
mkdir -p docs/man
cp "$manual" docs/man/quorum.1
echo "wrote docs/man/quorum.1"
