#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tidemark(1) renders with man -l without a warning, and names every subcommand --help names.
# usage: man_page.sh TIDEMARK MAN_PAGE
set -euo pipefail
bin=$1 page=$2
command -v man >/dev/null || { echo "SKIP: man (man-db) not installed"; exit 77; }
export MANWIDTH=80 LANG=C.UTF-8
warnings=$(man -l --warnings "$page" 2>&1 >/dev/null)
[ -z "$warnings" ] || { echo "man -l warnings:"; echo "$warnings"; exit 1; }
text=$(man -l "$page" 2>/dev/null)
grep -q '^NAME' <<<"$text" || { echo "no NAME section"; exit 1; }
for command in $("$bin" --help | sed -n 's/^  tidemark \([a-z][a-z-]*\).*/\1/p' | sort -u); do
  grep -q "tidemark $command" <<<"$text" || { echo "the man page does not name: $command"; exit 1; }
done
echo "man page: ok"
