#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a staging root, moves the tree elsewhere (as `dpkg-deb -x` or a copied
# folder would), and runs the installed program from there: --version, `run` on an installed
# scenario, a lesson check, the lesson list and a screenshot of the window (offscreen).
# usage: staged_install.sh BUILD_DIR VERSION
set -euo pipefail
build=$1 version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/stage/usr" >/dev/null
mv "$work/stage" "$work/moved"
root=$work/moved/usr
bin=$root/bin/tidemark
fail() { echo "FAIL: $*" >&2; exit 1; }

for f in share/tidemark/scenarios/word-count-update.json share/tidemark/lessons/late-not-dropped.lesson.json \
         share/applications/tidemark.desktop share/icons/hicolor/scalable/apps/tidemark.svg \
         share/icons/hicolor/48x48/apps/tidemark.png share/mime/packages/tidemark.xml \
         share/man/man1/tidemark.1.gz share/bash-completion/completions/tidemark share/doc/tidemark/copyright; do
  [ -f "$root/$f" ] || fail "not installed: $f"
done
ls "$root"/share/metainfo/*.metainfo.xml >/dev/null || fail "no AppStream metainfo installed"

[ "$("$bin" --version)" = "tidemark $version" ] || fail "--version printed '$("$bin" --version)'"

# From a folder that is neither the source nor the build tree, so only the installed data can be found.
cd "$work"
"$bin" run "$root/share/tidemark/scenarios/word-count-update.json" > run.txt || fail "run exited $?"
grep -q '^Batch: 0$' run.txt || fail "run printed no batch"

# The lesson names its scenario by file name; it must be found in the moved share folder.
"$bin" lesson check "$root/share/tidemark/lessons/late-not-dropped.lesson.json" > lesson.txt || fail "lesson check exited $?"
"$bin" lesson list > list.txt || fail "lesson list exited $?"
grep -q 'late-not-dropped' list.txt || fail "lesson list does not name the installed lessons"

# Lessons and scenarios resolved beside the program, not from the build machine's folders.
if command -v strace >/dev/null; then
  strace -f -e trace=openat,newfstatat,stat -o trace.txt "$bin" lesson list >/dev/null
  grep -q "$root/share/tidemark/lessons" trace.txt || fail "lesson list did not read the moved share/tidemark/lessons"
fi

QT_QPA_PLATFORM=offscreen "$bin" --screenshot shot.png --size 1024x768 \
  "$root/share/tidemark/scenarios/word-count-update.json" || fail "screenshot exited $?"
[ "$(head -c 8 shot.png | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "screenshot is not a PNG"
[ "$(stat -c %s shot.png)" -gt 10000 ] || fail "screenshot is suspiciously small"
echo "staged install in $root: ok"
