#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS on its corpus (`make fuzz` calls this;
# docs/fuzzing.md). Usage: tests/fuzz/run.sh BUILD_DIR SECONDS TARGET...
#
# Per target: seeds are regenerated from the repository's files into
# BUILD_DIR/seeds/TARGET (read only for libFuzzer); what libFuzzer finds new
# goes to BUILD_DIR/corpus/TARGET (kept between runs, never in the
# repository); crashes, leaks, timeouts and out-of-memory inputs go to
# BUILD_DIR/findings/TARGET-*. Exits non-zero when any target found something.
set -euo pipefail
cd "$(dirname "$0")/../.."

build=$1
seconds=$2
shift 2

seed_loader() {
  local dir=$1 f
  cp scenarios/*.yaml "$dir"/
  while IFS= read -r -d '' f; do
    cp "$f" "$dir/data-$(basename "$(dirname "$f")")-$(basename "$f")"
  done < <(find tests/data -name '*.yaml' -print0)
  # Scenarios with `--set` overrides after the separator line (fuzz_loader.cpp).
  {
    cat scenarios/classroom-two-party.yaml
    printf '\n# --set\nactors.1.reservation=1.5\nrelations.0.weight=-0.3\nactors.zz.rho=2\nsimulation.draws=[1, 2]\n'
  } > "$dir/set-two-party.yaml"
  {
    cat scenarios/classroom-river-basin.yaml
    printf '\n# --set\nrelations.0.weight=0.2\nactors.0.reservation={dist: beta, mean: 0.4, sd: 0.1}\nnot-an-override\n'
  } > "$dir/set-river-basin.yaml"
}

seed_plot_csv() {
  local dir=$1 f
  # The first rows of each example are enough: every row is checked alike.
  for f in plots/examples/*.csv; do head -n 40 "$f" > "$dir/$(basename "$f")"; done
}

status=0
for target in "$@"; do
  seeds=$build/seeds/$target
  corpus=${FUZZ_CORPUS:-$build/corpus}/$target
  rm -rf "$seeds"
  mkdir -p "$seeds" "$corpus" "$build/findings"
  case $target in
    fuzz_loader) seed_loader "$seeds"; options=(-max_len=32768 -dict=tests/fuzz/yaml.dict) ;;
    fuzz_plot_csv) seed_plot_csv "$seeds"; options=(-max_len=16384) ;;
    *) echo "run.sh: unknown target $target" >&2; exit 2 ;;
  esac
  committed=()
  [ -d "tests/fuzz/corpus/$target" ] && committed=("tests/fuzz/corpus/$target")
  echo "== $target: ${seconds}s, corpus $corpus, findings $build/findings/$target-*"
  if "$build/tests/fuzz/$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
      -print_final_stats=1 -artifact_prefix="$build/findings/$target-" "${options[@]}" \
      "$corpus" "$seeds" "${committed[@]}" > "$build/$target.log" 2>&1; then
    echo "$target: no finding"
  else
    rc=$?
    status=1
    echo "$target: FINDING (exit status $rc): see $build/$target.log and $build/findings/" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$build/$target.log" >&2 || true
  fi
  # The last status line (coverage, features, corpus) and the final stats.
  grep -E '^#[0-9]+' "$build/$target.log" | tail -n 1 || true
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$build/$target.log" || true
done
exit "$status"
