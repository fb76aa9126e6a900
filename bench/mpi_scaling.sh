#!/usr/bin/env bash
# Speed across MPI ranks (bench/README.md, docs/cluster.md): a sweep and a
# Sobol study on the reports' scenario, on 1 and on 2 ranks with one thread
# a rank, best of REPEATS runs each. Prints, per study:
#   - the wall-clock seconds (mpirun's start-up included) and their ratio;
#   - the CPU seconds of the busiest rank and their ratio: the speed-up on
#     cores that are free, whatever else the machine runs;
#   - whether the two outputs are byte-identical.
#   bench/mpi_scaling.sh [PARLEY] [REPEATS]        (default build/parley, 3)
# Google Benchmark does not drive mpirun, hence a script.
set -euo pipefail
cd "$(dirname "$0")/.."
parley=${1:-build/parley}
repeats=${2:-3}
scenario=scenarios/ukraine-28-point-2025-11.yaml
mpirun=(mpirun --oversubscribe -q)
[ "$(id -u)" = 0 ] && mpirun+=(--allow-run-as-root)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

declare -A studies=(
  [sweep]="sweep $scenario --proposal us_28_point_draft --vary army_cap=400:900:26 --draws 4000000 --format json --threads 1"
  [sobol]="sobol $scenario --proposal us_28_point_draft --base-draws 262144 --group actor --format json --threads 1"
)

# Each rank runs under bash, whose `times` prints on stderr the CPU time of
# the shell and of its children (the rank), as `0m1.27s 0m0.01s` (user, system).
rank_wrapper='"$@"; status=$?; times >&2; exit $status'

# measure OUT NP ARGS...: best wall-clock and best busiest-rank CPU seconds.
measure() {
  local out=$1 np=$2 best_wall="" best_cpu="" start end wall cpu
  shift 2
  for _ in $(seq "$repeats"); do
    start=$(date +%s.%N)
    "${mpirun[@]}" -np "$np" bash -c "$rank_wrapper" rank "$parley" "$@" >"$out" 2>"$tmp/err"
    end=$(date +%s.%N)
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
    cpu=$(awk '/^[0-9]+m[0-9.]+s [0-9]+m[0-9.]+s$/ { gsub(/[ms]/, " "); t = $1 * 60 + $2 + $3 * 60 + $4; if (t > m) m = t }
               END { print m + 0 }' "$tmp/err")
    if [ -z "$best_wall" ] || awk -v t="$wall" -v b="$best_wall" 'BEGIN { exit !(t < b) }'; then best_wall=$wall; fi
    if [ -z "$best_cpu" ] || awk -v t="$cpu" -v b="$best_cpu" 'BEGIN { exit !(t < b) }'; then best_cpu=$cpu; fi
  done
  echo "$best_wall $best_cpu"
}

printf '%-6s %9s %9s %7s   %9s %9s %7s   %s\n' study "wall 1" "wall 2" ratio "cpu 1" "cpu 2" ratio identical
for study in sweep sobol; do
  read -r -a args <<<"${studies[$study]}"
  read -r w1 c1 < <(measure "$tmp/$study.1" 1 "${args[@]}")
  read -r w2 c2 < <(measure "$tmp/$study.2" 2 "${args[@]}")
  same=no
  cmp -s "$tmp/$study.1" "$tmp/$study.2" && same=yes
  awk -v s="$study" -v w1="$w1" -v w2="$w2" -v c1="$c1" -v c2="$c2" -v same="$same" \
    'BEGIN { printf "%-6s %9.2f %9.2f %6.2fx   %9.2f %9.2f %6.2fx   %s\n", s, w1, w2, w1 / w2, c1, c2, c1 / c2, same }'
done
