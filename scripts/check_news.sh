#!/usr/bin/env bash
# Fail when commits were made since the last release entry of CHANGES.md and none of them
# added a changelog fragment under news/ (towncrier; docs/development.md, "Changelog").
#
# Usage: bash scripts/check_news.sh   (or: make check-news; .ci/run runs it)
#
# Works on a clean clone of main, from the history alone: the last release is the last commit
# that changed a release heading ("## ...") of CHANGES.md, or, before the first release, the
# commit that created CHANGES.md; the fragments are the files added under news/ after it.
# Without that history (no .git, or a shallow clone cut before it) it says so and passes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf 'check-news: %s\n' "$*"; }

if ! git rev-parse --git-dir >/dev/null 2>&1; then
    say "not a git checkout: cannot tell which commits need a fragment; not checked"
    exit 0
fi

if [[ $(git rev-parse --is-shallow-repository) == true ]]; then
    say "shallow clone: the history since the last release may be cut; not checked (git fetch --unshallow)"
    exit 0
fi

release=$(git log -1 --format=%H -G '^## ' -- CHANGES.md)
[[ -n $release ]] || release=$(git log --diff-filter=A --format=%H -- CHANGES.md | tail -1)
if [[ -z $release ]]; then
    say "CHANGES.md was never committed"
    exit 1
fi

commits=$(git rev-list --count "$release..HEAD")
if ((commits == 0)); then
    say "OK: no commit since the last release entry ($(git log -1 --format='%h %s' "$release"))"
    exit 0
fi

fragments=$(git diff --name-only --diff-filter=A "$release" HEAD -- news/ | grep -v '/\.' || true)
if [[ -z $fragments ]]; then
    say "FAILED: $commits commit(s) since the last release entry ($(git log -1 --format=%h "$release")) and no fragment in news/"
    say "add one: news/<issue>.<type>.md with type breaking, feature, bugfix, documentation or internal"
    exit 1
fi
say "OK: $commits commit(s) since the last release entry, fragments: $(echo $fragments | tr '\n' ' ')"
