#!/usr/bin/env bash
# eplan benchmark harness (`make bench`).
#
# 1. builds eplan in release mode and the libyaml speed floor (benchmarks/floor.c);
# 2. generates plan repositories of 10,000 and 100,000 plans into .build-bench/ with
#    benchmarks/generate.py (reused while generator source, seed and size are unchanged);
# 3. for each size times `eplan lint --today 2026-11-30 --format json --output FILE --force` over the
#    repository cold (`--no-cache`: every file parsed, with its peak RSS) and from the findings cache
#    (the repository unchanged since the previous run), and the floor, in turns after one warm-up run of
#    each (medians of 5 runs for 10k, 3 for 100k); the first run with an empty cache is timed once;
#    and, right after the 10k runs, the time of linting one plan file of that repository (median of 5
#    after a warm-up run) and of linting it on a later day from the cache made on 2026-11-30 (the first
#    run of that day, which makes the records anew, and the median of the next two);
# 4. checks the JSON reports: every finding of expected-findings.txt is present; any other
#    finding is printed (there should be none); the report from the cache is the cold run's, byte for byte,
#    on the later day too (whose time-based findings differ);
# 5. prints a table. Exit status 1 when a check fails, 2 when something cannot run.
#
# Settings (environment): BENCH_SEED (default 1), BENCH_SIZES (default "10000 100000"),
# SWIFT (default swift), RELEASE_FLAGS (default as `make release`: --static-swift-stdlib on Linux).
# eplan's cache goes to .build-bench/eplan-cache-N (one folder per size).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/.build-bench
TODAY=2026-11-30
SEED=${BENCH_SEED:-1}
read -r -a SIZES <<< "${BENCH_SIZES:-10000 100000}"
SWIFT=${SWIFT:-swift}
# The release build as `make release` makes it (the Swift libraries linked in, on Linux).
RELEASE_FLAGS=${RELEASE_FLAGS-$([ "$(uname -s)" = Linux ] && echo --static-swift-stdlib)}
EPLAN=$ROOT/.build/release/eplan
FLOOR=$BENCH/floor
export NO_COLOR=1
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
FAILED=0

say() { printf '%s\n' "$*"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 2; }

# median of the arguments (numbers)
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# seconds elapsed since $1 (an $EPOCHREALTIME value)
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }

# ---- tools
if [ ! -x /usr/bin/time ]; then
    say "bench: installing the Debian package 'time' (for peak RSS) with apt-get"
    $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time \
        || die "cannot install 'time'"
fi
command -v python3 >/dev/null || die "python3 is needed to generate the repositories"
command -v cc >/dev/null || die "a C compiler (cc) is needed for the floor"
mkdir -p "$BENCH"

say "== build"
"$SWIFT" build -c release $RELEASE_FLAGS || die "swift build -c release failed"
[ -x "$EPLAN" ] || die "$EPLAN was not built"
cc -O2 benchmarks/floor.c -o "$FLOOR" -lyaml || die "cannot build the floor (is libyaml-dev installed? run 'make deps')"
say "eplan $("$EPLAN" --version 2>/dev/null || echo '?'), $(nproc) cores, floor built"

# ---- repositories
say "== repositories (seed $SEED)"
declare -A GEN
for n in "${SIZES[@]}"; do
    dir=$BENCH/plans-$n
    want=$(python3 benchmarks/generate.py --stamp --plans "$n" --seed "$SEED")
    if [ -f "$dir/generator-stamp.txt" ] && [ "$(cat "$dir/generator-stamp.txt")" = "$want" ]; then
        GEN[$n]=reused
        say "plans-$n: reused ($want)"
        continue
    fi
    rm -rf "$dir" "$dir.tmp"
    t0=$EPOCHREALTIME
    python3 benchmarks/generate.py "$dir.tmp" --plans "$n" --seed "$SEED" || die "generate.py failed"
    mv "$dir.tmp" "$dir"
    GEN[$n]="$(since "$t0")s"
    say "plans-$n: generated in ${GEN[$n]}"
done

# ---- measurements
# lint_run N MODE -> prints "seconds rss_kb rc"; MODE cold (--no-cache: parse everything) or warm
# (the findings cache, as a previous run left it). The report goes to report-N-MODE.json.
lint_run() {
    local n=$1 mode=$2 day=${3:-$TODAY} dir=$BENCH/plans-$1 t0 rc
    local -a extra=()
    [[ "$mode" == cold* ]] && extra=(--no-cache)
    t0=$EPOCHREALTIME
    set +e
    (cd "$dir" && /usr/bin/time -f %M -o "$BENCH/time-$n.txt" \
        "$EPLAN" lint "${extra[@]}" --today "$day" --format json --output "$BENCH/report-$n-$mode.json" --force . \
        >"$BENCH/lint-$n.out" 2>"$BENCH/lint-$n.err")
    rc=$?
    set -e
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        cat "$BENCH/lint-$n.err" >&2
        die "eplan lint ($mode) exited with $rc on plans-$n"
    fi
    printf '%s %s %s\n' "$(since "$t0")" "$(tail -n 1 "$BENCH/time-$n.txt")" "$rc"
}

floor_run() {
    local n=$1 t0 out
    t0=$EPOCHREALTIME
    out=$(cd "$BENCH/plans-$n" && "$FLOOR" .) || die "floor failed on plans-$n"
    FLOOR_OUT=$out
    FLOOR_T=$(since "$t0")
}

# ---- one file of the 10k repository, timed right after that repository's runs (after the 100k runs
# its inodes are out of the kernel's caches and the machine is still reclaiming memory: the same
# command took 0.13 s there and 0.08 - 0.10 s a minute later).
one_file() {
    SMALL=${SIZES[0]}
    sdir=$BENCH/plans-$SMALL
    last_city=$(cd "$sdir" && ls -d p[0-9]* | sort | tail -n 1)
    one=$last_city/c02/t02/master.yaml  # exists in every city and carries no planted defect
    export EPLAN_CACHE_DIR=$BENCH/eplan-cache-$SMALL
    say "== one file: eplan lint --today $TODAY $one (plans-$SMALL)"
    one_times=() ONE_FAILED=0
    for ((i = 0; i <= 5; i++)); do
        t0=$EPOCHREALTIME
        set +e
        (cd "$sdir" && "$EPLAN" lint --today "$TODAY" "$one" >"$BENCH/one.out" 2>&1)
        rc=$?
        set -e
        t=$(since "$t0")
        if [ "$rc" -ne 0 ] && [ "$ONE_FAILED" = 0 ]; then
            cat "$BENCH/one.out"
            say "CHECK FAILED: linting $one exited with $rc (it has no findings)"
            FAILED=1 ONE_FAILED=1
        fi
        [ "$i" -eq 0 ] && { say "warm-up: ${t}s"; continue; }
        one_times+=("$t")
    done
    T_ONE=$(median "${one_times[@]}")
    say "runs: ${one_times[*]} s"
}

# ---- the findings cache on another day: the records the 10k runs made on $TODAY serve on $LATER (the
# rules that read today's date run again from each plan's dated part); the report must be that of a
# cold run on $LATER, whose time-based findings differ from $TODAY's.
LATER=2027-01-15
another_day() {
    export EPLAN_CACHE_DIR=$BENCH/eplan-cache-$SMALL
    say "== another day: eplan lint --today $LATER with the cache made on $TODAY (plans-$SMALL)"
    read -r t m rc < <(lint_run "$SMALL" cold-later "$LATER")
    later_times=()
    for ((i = 1; i <= 3; i++)); do
        read -r w wm rc < <(lint_run "$SMALL" warm-later "$LATER")
        later_times+=("$w")
    done
    # The first run of the day finds every record made on another day and writes them anew for this one.
    T_LATER_FIRST=${later_times[0]} T_LATER=$(median "${later_times[@]:1}") T_LATER_COLD=$t
    say "cold ${t}s; from the cache ${later_times[*]} s (the first makes the records anew for the day)"
    if ! cmp -s "$BENCH/report-$SMALL-cold-later.json" "$BENCH/report-$SMALL-warm-later.json"; then
        say "CHECK FAILED: on $LATER the report from the findings cache differs from the cold run's"
        FAILED=1
    fi
    if cmp -s "$BENCH/report-$SMALL-cold.json" "$BENCH/report-$SMALL-cold-later.json"; then
        say "CHECK FAILED: the report of $LATER is the report of $TODAY (no time-based finding changed)"
        FAILED=1
    fi
}

declare -A T_EPLAN RSS T_FLOOR T_WARM RSS_WARM T_FILL FILES BYTES
for n in "${SIZES[@]}"; do
    say "== plans-$n"
    # The machine is shared and its speed drifts: eplan (cold, then from the findings cache) and the
    # floor run in turns, after one untimed run of each, and the medians are compared. The first run
    # with an empty cache (which parses everything and fills the cache) is timed once.
    runs=5
    [ "$n" -ge 100000 ] && runs=3
    # Each size has a cache folder of its own, emptied first (the one-file run below uses the 10k one).
    export EPLAN_CACHE_DIR=$BENCH/eplan-cache-$n
    rm -rf "$EPLAN_CACHE_DIR"
    read -r t m rc < <(lint_run "$n" cold)
    floor_run "$n"
    read -r T_FILL[$n] m rc < <(lint_run "$n" warm)
    say "warm-up: eplan cold ${t}s, floor ${FLOOR_T}s; first run with an empty cache ${T_FILL[$n]}s"
    times=() rss=() ftimes=() wtimes=() wrss=()
    for ((i = 1; i <= runs; i++)); do
        read -r t m rc < <(lint_run "$n" cold)
        floor_run "$n"
        read -r w wm rc < <(lint_run "$n" warm)
        say "run $i: eplan cold ${t}s (peak RSS $((m / 1024)) MB, exit $rc), floor ${FLOOR_T}s, eplan from the cache ${w}s (peak RSS $((wm / 1024)) MB)"
        times+=("$t") rss+=("$m") ftimes+=("$FLOOR_T") wtimes+=("$w") wrss+=("$wm")
    done
    if ! cmp -s "$BENCH/report-$n-cold.json" "$BENCH/report-$n-warm.json"; then
        say "CHECK FAILED: the report from the findings cache differs from the cold run's (plans-$n)"
        FAILED=1
    fi
    T_WARM[$n]=$(median "${wtimes[@]}")
    RSS_WARM[$n]=$(printf '%s\n' "${wrss[@]}" | sort -n | tail -n 1)
    T_EPLAN[$n]=$(median "${times[@]}")
    RSS[$n]=$(printf '%s\n' "${rss[@]}" | sort -n | tail -n 1)
    T_FLOOR[$n]=$(median "${ftimes[@]}")
    read -r _ files _ bytes _ events _ errors <<< "$FLOOR_OUT"
    say "floor: ${ftimes[*]} s ($files files, $bytes bytes, $events events, $errors parse errors)"
    [ "$errors" = 0 ] || { say "CHECK FAILED: the floor could not parse $errors files of plans-$n"; FAILED=1; }
    FILES[$n]=$files BYTES[$n]=$bytes

    say "-- findings of plans-$n (expected: $BENCH/plans-$n/expected-findings.txt)"
    if ! python3 - "$BENCH/report-$n-cold.json" "$BENCH/plans-$n/expected-findings.txt" <<'EOF'
import collections, json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
expected = collections.Counter(tuple(line.split(None, 1)) for line in
                               (l.strip() for l in open(sys.argv[2], encoding="utf-8")) if line)
s = report["summary"]
print(f"report: {s['files']} files, {s['plans']} plans, {s['errors']} errors, {s['warnings']} warnings, {s['notes']} notes")
left = collections.Counter(expected)
other = []
for d in report["diagnostics"]:
    key = (d["rule"], d["file"][2:] if d["file"].startswith("./") else d["file"])
    if left[key] > 0:
        left[key] -= 1
        print(f"  expected  {d['rule']:<22} {d['file']}:{d['line']}:{d['column']}")
    else:
        other.append(d)
missing = [k for k, c in left.items() for _ in range(c)]
for rule, path in missing:
    print(f"  MISSING   {rule:<22} {path}")
if other:
    print(f"  {len(other)} other findings (not planted by the generator):")
    for d in other[:200]:
        print(f"  OTHER     {d['rule']:<22} {d['file']}:{d['line']}:{d['column']}: {d['severity']}: {d['message']}")
    if len(other) > 200:
        print(f"  ... and {len(other) - 200} more")
sys.exit(1 if missing else 0)
EOF
    then
        say "CHECK FAILED: expected findings are missing from the report of plans-$n"
        FAILED=1
    fi
    if [ "$n" = "${SIZES[0]}" ]; then one_file; another_day; fi
done

# ---- table
say ""
say "== eplan benchmark (seed $SEED, today $TODAY, $(nproc) cores; eplan uses all cores, the floor one)"
printf '%-8s %7s %8s %9s %9s %7s %8s %9s %11s %8s %10s %8s %9s  %s\n' plans files MB "cold s" files/s MB/s "RSS MB" "floor s" cold/floor "cache s" cache/floor "RSS MB" "filling s" generated
for n in "${SIZES[@]}"; do
    mb=$(calc %.1f "${BYTES[$n]} / 1e6")
    printf '%-8s %7s %8s %9s %9s %7s %8s %9s %11s %8s %10s %8s %9s  %s\n' "$n" "${FILES[$n]}" "$mb" "${T_EPLAN[$n]}" \
        "$(calc %.0f "${FILES[$n]} / ${T_EPLAN[$n]}")" "$(calc %.1f "$mb / ${T_EPLAN[$n]}")" \
        "$(calc %.0f "${RSS[$n]} / 1024")" "${T_FLOOR[$n]}" "$(calc %.2f "${T_EPLAN[$n]} / ${T_FLOOR[$n]}")" \
        "${T_WARM[$n]}" "$(calc %.2f "${T_WARM[$n]} / ${T_FLOOR[$n]}")" "$(calc %.0f "${RSS_WARM[$n]} / 1024")" "${T_FILL[$n]}" "${GEN[$n]}"
done
if [ "${#SIZES[@]}" -ge 2 ]; then
    a=${SIZES[0]} b=${SIZES[${#SIZES[@]} - 1]}
    say "scaling: time($b) / time($a) = $(calc %.2f "${T_EPLAN[$b]} / ${T_EPLAN[$a]}") for $(calc %.1f "$b / $a")x the plans" \
        "(the floor, linear by construction, measured $(calc %.2f "${T_FLOOR[$b]} / ${T_FLOOR[$a]}") at the same times)"
fi
say "one file in the $SMALL-plan repository: ${T_ONE}s (median of 5 after a warm-up)"
say "another day ($LATER) from the cache made on $TODAY, $SMALL plans: first run ${T_LATER_FIRST}s, then ${T_LATER}s (median of 2; a cold run that day: ${T_LATER_COLD}s)"
say "runs: medians of 5 (10k) / 3 (100k) runs of eplan and of the floor in turns, after a warm-up; RSS is the peak over the runs"
say "cold: --no-cache (every file parsed); cache: the findings cache as the previous run left it (the repository unchanged);"
say "filling: the first run with an empty cache (parses everything and writes the cache)"
if [ "$FAILED" -ne 0 ]; then
    say "bench: CHECKS FAILED"
    exit 1
fi
say "bench: checks passed"
