#!/bin/sh
# Side by side, whole processes: examples/align --format json against hunalign -realign with an
# empty dictionary (issue 13), on each bilingual corpus document and on files of N copies of
# one document (N from COPIES, default "7 35 70"; "7 35 70 140" for the table of
# benches/README.md, where hunalign needs 19 s and 1.2 GB at 140). Builds nothing it cannot
# fetch: hunalign is taken from HUNALIGN=/path/to/hunalign, and the comparison is skipped with
# a message when it is not there.
#
#   HUNALIGN=/opt/hunalign/src/hunalign/hunalign sh benches/compare-hunalign.sh
#
# ALIGN=path/to/align compares another build of the example instead of building
# target/release/examples/align (the static one of `cargo examples-static`, for instance).
set -eu
cd "$(dirname "$0")/.."
if [ -z "${HUNALIGN:-}" ] || [ ! -x "$HUNALIGN" ]; then
    echo "skipped: set HUNALIGN to a hunalign binary to compare (none found: '${HUNALIGN:-}')"
    exit 0
fi
if [ -z "${ALIGN:-}" ]; then
    cargo build --release --quiet --example align
    ALIGN=./target/release/examples/align
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/empty.dic"
# The best of RUNS whole processes of a command, in seconds: started with posix_spawn from
# Python, so that no shell or `date` process is counted, one rayon thread for ours.
cat > "$work/best.py" <<'PY'
import os, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
env = dict(os.environ, RAYON_NUM_THREADS="1")
null = os.open(os.devnull, os.O_WRONLY)
best = float("inf")
for _ in range(runs):
    start = time.perf_counter()
    pid = os.posix_spawn(cmd[0], cmd, env, file_actions=[
        (os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)])
    os.waitpid(pid, 0)
    best = min(best, time.perf_counter() - start)
print(f"{best:.4f}")
PY
best() {
    runs=$1
    shift
    python3 "$work/best.py" "$runs" "$@"
}
# hunalign reads one segment a line: each version's non-empty lines, split where the Russian
# version starts (as the library finds it).
split_versions() {
    "$ALIGN" "$1" --format json > "$work/report.json"
    first_ru=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(min(c["line"] for c in d["clauses"] if c["lang"]=="ru"))' "$work/report.json")
    head -n $((first_ru - 1)) "$1" | grep -v '^[[:space:]]*$' > "$2"
    tail -n +"$first_ru" "$1" | grep -v '^[[:space:]]*$' > "$3"
}
row() {
    printf '%-22s %10.3fs %10.3fs %7.1fx\n' "$1" "$2" "$3" "$(echo "$3 $2" | awk '{print $1 / $2}')"
}
printf '%-22s %11s %11s %8s\n' input ours hunalign ratio
for stem in mycar-myverify kao-autocheck aitu-sauda; do
    file="corpus/$stem.txt"
    split_versions "$file" "$work/kk.txt" "$work/ru.txt"
    ours=$(best 30 "$ALIGN" "$file" --format json)
    theirs=$(best 30 "$HUNALIGN" -realign "$work/empty.dic" "$work/kk.txt" "$work/ru.txt")
    row "$stem" "$ours" "$theirs"
done
# Copies: N Kazakh versions of mycar-myverify (its lines 1-201), then N Russian ones.
head -201 corpus/mycar-myverify.txt > "$work/kk1.txt"
tail -n +202 corpus/mycar-myverify.txt > "$work/ru1.txt"
# Appends N copies of a version: whole to the file ours reads, its non-empty lines to the
# file hunalign reads.
append_copies() {
    i=0
    while [ "$i" -lt "$2" ]; do
        cat "$1" >> "$work/copies.txt"
        grep -v '^[[:space:]]*$' "$1" >> "$3"
        i=$((i + 1))
    done
}
for n in ${COPIES:-7 35 70}; do
    : > "$work/copies.txt"
    : > "$work/kk.txt"
    : > "$work/ru.txt"
    append_copies "$work/kk1.txt" "$n" "$work/kk.txt"
    append_copies "$work/ru1.txt" "$n" "$work/ru.txt"
    ours=$(best 3 "$ALIGN" "$work/copies.txt" --format json)
    theirs=$(best 1 "$HUNALIGN" -realign "$work/empty.dic" "$work/kk.txt" "$work/ru.txt")
    row "copies $n" "$ours" "$theirs"
done
