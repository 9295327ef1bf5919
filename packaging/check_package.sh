#!/usr/bin/env bash
# Checks a built one-folder app: it starts headless, opens (creates and migrates) a database,
# shows its window, and its `check` command finds the books balanced.
set -euo pipefail
app="${1:-dist/lbn-quartermaster/lbn-desktop}"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
QT_QPA_PLATFORM=offscreen "$app" --data-dir "$data" --demo --smoke-test
test -s "$data/quartermaster.sqlite3"
"$(dirname "$app")/lbn-desktop-cli" check --data-dir "$data"
"$(dirname "$app")/lbn-desktop-cli" backup --data-dir "$data" | grep -q "Backup written and checked"
echo "package check passed: $app"
