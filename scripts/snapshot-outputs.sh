#!/usr/bin/env bash
# Writes every user-visible output of the examples on the corpus into one folder, so that a
# behaviour-preserving change can be checked byte for byte:
#
#   scripts/snapshot-outputs.sh /tmp/before   # on the old commit
#   scripts/snapshot-outputs.sh /tmp/after    # on the new one
#   diff -r /tmp/before /tmp/after            # must print nothing
#
# Covers `outline` (text, --json) and `align` (text, json, tmx) on each corpus file, `diff` on the
# three pairs of bilingual corpus files in both languages (text, json, html) and the files
# `corpus_report` writes. Lines that print elapsed time are dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/snapshot-outputs.sh OUT_DIR}
mkdir -p "$out"
cargo build --release --quiet --examples
bin=target/release/examples
export NO_COLOR=1
for file in corpus/*.txt; do
  name=$(basename "$file" .txt)
  "$bin/outline" "$file" >"$out/outline-$name.txt" 2>&1 || echo "exit $?" >>"$out/outline-$name.txt"
  "$bin/outline" "$file" --json >"$out/outline-$name.json" 2>&1 || echo "exit $?" >>"$out/outline-$name.json"
  for format in text json tmx; do
    "$bin/align" "$file" --format "$format" >"$out/align-$name.$format" 2>&1 || echo "exit $?" >>"$out/align-$name.$format"
  done
done
bilingual=(mycar-myverify kao-autocheck aitu-sauda)
for ((i = 0; i < ${#bilingual[@]}; i++)); do
  for ((j = i + 1; j < ${#bilingual[@]}; j++)); do
    a=${bilingual[$i]} b=${bilingual[$j]}
    for lang in kk ru; do
      for format in text json html; do
        target="$out/diff-$a-$b-$lang.$format"
        "$bin/diff" "corpus/$a.txt" "corpus/$b.txt" --lang "$lang" --format "$format" >"$target" 2>&1 || echo "exit $?" >>"$target"
      done
    done
  done
done
report=$(mktemp -d)
"$bin/corpus_report" corpus --out "$report" 2>&1 | grep -v -E '[0-9.]+ ?(ms|s)\b' >"$out/corpus_report.stdout" || true
for written in "$report"/*; do
  cp "$written" "$out/report-$(basename "$written")"
done
rm -rf "$report"
echo "snapshot written to $out ($(ls "$out" | wc -l) files)"
