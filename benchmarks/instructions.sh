#!/usr/bin/env bash
# Instruction counts of eplan's runs under callgrind (`make bench-instructions`): the figures of
# docs/performance.md, which stay put on a shared machine where wall times move with the load.
#
# Every run is `--jobs 1` (one thread: the count does not depend on scheduling) with
# `--today 2026-11-30`, on repositories that benchmarks/generate.py makes into .build-bench/ (seed 1;
# reused while the generator is unchanged). It counts:
#   cold      1,000 plans, `--no-cache` (every file parsed)
#   filling   1,000 plans, an empty cache (every file parsed, summaries and findings written)
#   warm      1,000 plans, the cache the filling run left (the repository unchanged)
#   later     1,000 plans on 2027-01-15 from a copy of that cache (records made on another day)
#   one file  one plan of the 10,000-plan repository, its cache filled first
# and prints one line per run: the name and the count in millions.
#
# Settings (environment): SWIFT (default swift), RELEASE_FLAGS (as `make release`), EPLAN (default .build/release/eplan, built here
# unless given: compare two commits by pointing EPLAN at the other one's binary).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/.build-bench
SWIFT=${SWIFT:-swift}
# The release build as `make release` makes it (the Swift libraries linked in, on Linux).
RELEASE_FLAGS=${RELEASE_FLAGS-$([ "$(uname -s)" = Linux ] && echo --static-swift-stdlib)}
export NO_COLOR=1

die() { printf 'bench-instructions: %s\n' "$*" >&2; exit 2; }

command -v valgrind >/dev/null || die "valgrind is needed (make bench-instructions installs it)"
command -v python3 >/dev/null || die "python3 is needed to generate the repositories"
if [ -z "${EPLAN:-}" ]; then
    "$SWIFT" build -c release $RELEASE_FLAGS >/dev/null || die "swift build -c release failed"
    EPLAN=$ROOT/.build/release/eplan
fi
[ -x "$EPLAN" ] || die "$EPLAN is not an executable"
mkdir -p "$BENCH"

# repository N -> the path of the N-plan repository, generated unless current
repository() {
    local n=$1 dir=$BENCH/plans-$1 want
    want=$(python3 benchmarks/generate.py --stamp --plans "$n" --seed 1)
    if [ ! -f "$dir/generator-stamp.txt" ] || [ "$(cat "$dir/generator-stamp.txt")" != "$want" ]; then
        rm -rf "$dir" "$dir.tmp"
        python3 benchmarks/generate.py "$dir.tmp" --plans "$n" --seed 1 >/dev/null || die "generate.py failed"
        mv "$dir.tmp" "$dir"
    fi
    printf '%s\n' "$dir"
}

# count NAME DIR CACHE ARGS... -> "NAME <millions>": eplan lint ARGS under callgrind, in DIR, with
# EPLAN_CACHE_DIR=CACHE. eplan exits 1 when it finds errors; anything else is a failure.
count() {
    local name=$1 dir=$2 cache=$3 out=$BENCH/callgrind.out rc
    shift 3
    set +e
    (cd "$dir" && EPLAN_CACHE_DIR=$cache valgrind --tool=callgrind --callgrind-out-file="$out" \
        "$EPLAN" lint --jobs 1 "$@" >/dev/null 2>"$BENCH/callgrind.err")
    rc=$?
    set -e
    [ "$rc" -le 1 ] || { tail -n 5 "$BENCH/callgrind.err" >&2; die "$name: eplan exited with $rc"; }
    awk -v name="$name" '/^summary:/ { printf "%-9s %9.1f M\n", name, $2 / 1e6 }' "$out"
    rm -f "$out"
}

small=$(repository 1000)
large=$(repository 10000)
cache=$BENCH/instructions-cache
rm -rf "$cache" "$cache-later" "$cache-10000"
echo "eplan $("$EPLAN" --version), callgrind instruction counts (--jobs 1, --today 2026-11-30)"
count cold "$small" "$cache" --no-cache --today 2026-11-30
count filling "$small" "$cache" --today 2026-11-30
cp -r "$cache" "$cache-later"
count warm "$small" "$cache" --today 2026-11-30
count later "$small" "$cache-later" --today 2027-01-15
(cd "$large" && EPLAN_CACHE_DIR=$cache-10000 "$EPLAN" lint --today 2026-11-30 >/dev/null) || [ $? -le 1 ] || die "filling the 10,000-plan cache failed"
count "one file" "$large" "$cache-10000" --today 2026-11-30 p0060/c02/t02/master.yaml
rm -rf "$cache" "$cache-later" "$cache-10000"
