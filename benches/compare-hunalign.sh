#!/bin/sh
# Side by side, whole processes: examples/align --format json against hunalign -realign with an
# empty dictionary, on each bilingual corpus document (issue 13). Builds nothing it cannot
# fetch: hunalign is taken from HUNALIGN=/path/to/hunalign, and the comparison is skipped with
# a message when it is not there.
#
#   HUNALIGN=/opt/hunalign/src/hunalign/hunalign sh benches/compare-hunalign.sh
set -eu
cd "$(dirname "$0")/.."
if [ -z "${HUNALIGN:-}" ] || [ ! -x "$HUNALIGN" ]; then
    echo "skipped: set HUNALIGN to a hunalign binary to compare (none found: '${HUNALIGN:-}')"
    exit 0
fi
cargo build --release --quiet --example align
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/empty.dic"
# Best of five wall-clock runs of a command, in seconds.
best() {
    b=""
    for _ in 1 2 3 4 5; do
        s=$(date +%s.%N)
        "$@" > /dev/null 2>&1
        e=$(date +%s.%N)
        b=$(echo "$s $e ${b:-1000000}" | awk '{t = $2 - $1; print (t < $3 ? t : $3)}')
    done
    echo "$b"
}
printf '%-16s %10s %10s %8s\n' document ours hunalign ratio
for stem in mycar-myverify kao-autocheck aitu-sauda; do
    file="corpus/$stem.txt"
    # hunalign reads one segment a line: each version's non-empty lines, split where the
    # Russian version starts (as the library finds it).
    ./target/release/examples/align "$file" --format json > "$work/report.json"
    first_ru=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(min(c["line"] for c in d["clauses"] if c["lang"]=="ru"))' "$work/report.json")
    head -n $((first_ru - 1)) "$file" | grep -v '^[[:space:]]*$' > "$work/kk.txt"
    tail -n +"$first_ru" "$file" | grep -v '^[[:space:]]*$' > "$work/ru.txt"
    ours=$(best ./target/release/examples/align "$file" --format json)
    theirs=$(best "$HUNALIGN" -realign "$work/empty.dic" "$work/kk.txt" "$work/ru.txt")
    printf '%-16s %9.3fs %9.3fs %7.1fx\n' "$stem" "$ours" "$theirs" \
        "$(echo "$theirs $ours" | awk '{print $1 / $2}')"
done
