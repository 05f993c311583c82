#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The freedesktop files pass their validators: the desktop entry, the AppStream metainfo (offline)
# and the MIME type. Skips (77) when a validator is not installed (scripts/install-deps installs them).
# usage: desktop_files.sh DESKTOP METAINFO MIME_XML
set -euo pipefail
desktop=$1 metainfo=$2 mime=$3
for tool in desktop-file-validate appstreamcli xmllint; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
# desktop-file-validate prints hints (two main categories is asked for: Education and Development);
# anything else it prints is an error or a warning.
out=$(desktop-file-validate "$desktop" 2>&1) || { echo "$out"; exit 1; }
if grep -v ': hint: ' <<<"$out" | grep -q .; then echo "$out"; exit 1; fi
appstreamcli validate --no-net --explain "$metainfo"
xmllint --noout "$mime"
grep -q 'type="application/x-tidemark-scenario"' "$mime"
grep -q '^MimeType=.*application/x-tidemark-scenario;' "$desktop"
echo "desktop files: ok"
