#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The bash completion offers every subcommand --help names, and a subcommand's options after it.
# usage: completion.sh TIDEMARK COMPLETION_FILE
set -eo pipefail # not -u: bash-completion reads unset variables
bin=$(realpath "$1") completion=$(realpath "$2")
[ -f /usr/share/bash-completion/bash_completion ] || { echo "SKIP: bash-completion not installed"; exit 77; }
# shellcheck disable=SC1091
source /usr/share/bash-completion/bash_completion
# shellcheck disable=SC1090
source "$completion"
complete_line() { # WORDS...: what <TAB> offers after them
  COMP_WORDS=("$@") COMP_CWORD=$(($# - 1)) COMP_LINE="$*" COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _tidemark tidemark "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}"
}
cd "$(mktemp -d)"
offered=$(complete_line tidemark "")
for command in $("$bin" --help | sed -n 's/^  tidemark \([a-z][a-z-]*\).*/\1/p' | sort -u); do
  grep -qx "$command" <<<"$offered" || { echo "not completed: $command"; exit 1; }
done
expect() { # WANTED WORDS...: WANTED is among what <TAB> offers after WORDS
  local wanted=$1 got
  shift
  got=$(complete_line "$@")
  grep -qx -- "$wanted" <<<"$got" || { echo "'$*' + TAB does not offer $wanted (offers: $got)"; exit 1; }
}
expect --mode tidemark run x.json --m
expect update tidemark run x.json --mode ""
expect check tidemark lesson ""
expect --version tidemark --ver
expect --topic tidemark broker --t
echo "completion: ok"
