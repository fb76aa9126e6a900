#!/usr/bin/env python3
"""Writes a synthetic, fictional scenario with many actors (issue 9, point 5).

Deterministic: the same arguments give the same bytes (Python's random.Random
with a fixed seed, no clock, no dict-order surprises). Python 3 standard
library only.

    python3 bench/large_scenario.py --actors 1000 --issues 50 --edges 3000 \
        --uncertain-weights > /tmp/large.yaml
    ./build/parley run /tmp/large.yaml --draws 10000 --threads 2

Shape: every actor takes a position on `--positions` issues (ideal and
salience drawn per draw), `--veto` of them hold a veto, and every actor has
edges/actors incoming influence edges from distinct other actors whose |weight|
sums stay below 0.6 at every draw (so the influence system is well posed, as
the loader checks). Three proposals. Everything is invented: the file says so.
"""

import argparse
import random
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=1000)
    parser.add_argument("--issues", type=int, default=50)
    parser.add_argument("--edges", type=int, default=3000, help="a multiple of --actors")
    parser.add_argument("--positions", type=int, default=10, help="positions per actor")
    parser.add_argument("--veto", type=int, default=6, help="actors with a veto")
    parser.add_argument("--uncertain-weights", action="store_true", help="draw edge weights per draw")
    parser.add_argument("--seed", type=int, default=20251120)
    args = parser.parse_args()
    if args.actors < 2 or args.issues < 1 or args.edges % args.actors != 0:
        parser.error("need at least 2 actors, 1 issue, and --edges a multiple of --actors")
    incoming = args.edges // args.actors
    if incoming >= args.actors:
        parser.error("--edges / --actors must be below --actors")
    positions = min(args.positions, args.issues)
    rng = random.Random(args.seed)
    out = []
    w = out.append
    w("# Synthetic scenario written by bench/large_scenario.py (fictional; for benchmarks).")
    w(f"# --actors {args.actors} --issues {args.issues} --edges {args.edges} --positions {positions}"
      f" --veto {args.veto} --seed {args.seed}" + (" --uncertain-weights" if args.uncertain_weights else ""))
    w("parley: 1")
    w(f'title: "Synthetic: {args.actors} actors, {args.issues} issues, {args.edges} edges (fictional)"')
    w("as_of: 2025-11-20")
    w("description: >")
    w("  Invented for benchmarks: no actor, issue or relation describes anyone real.")
    w("sources:")
    w("  - id: gen")
    w('    outlet: "bench/large_scenario.py"')
    w("    date: 2025-11-20")
    w('    title: "Deterministic synthetic scenario"')
    w("issues:")
    for i in range(args.issues):
        w(f"  - id: i{i}")
        w(f'    label: "Issue {i}"')
        w("    range: [0, 1]")
        w(f"    group: g{i % 5}")
    w("actors:")
    for a in range(args.actors):
        w(f"  - id: a{a}")
        w(f'    name: "Actor {a}"')
        w(f"    veto: {'true' if a < args.veto else 'false'}")
        w(f"    capability: {rng.uniform(0.5, 3):.3f}")
        w(f"    rationality: {rng.uniform(3, 8):.3f}")
        r = rng.uniform(0.2, 0.5)
        w(f"    reservation: {{dist: uniform, low: {r - 0.05:.3f}, high: {r + 0.05:.3f}}}")
        w("    positions:")
        for i in sorted(rng.sample(range(args.issues), positions)):
            ideal = rng.uniform(0.1, 0.9)
            salience = f"{{dist: uniform, low: {rng.uniform(0.5, 1):.3f}, high: {rng.uniform(1, 2):.3f}}}"
            w(f"      i{i}: {{ideal: {{dist: normal, mean: {ideal:.3f}, sd: 0.05}}, salience: {salience}, source: gen}}")
    w("relations:")
    for to in range(args.actors):
        sources = rng.sample([a for a in range(args.actors) if a != to], incoming)
        for frm in sources:
            # incoming edges of at most 0.19 each: |w| sums below 0.6.
            high = 0.19
            low = rng.uniform(0.02, 0.1)
            sign = -1 if rng.random() < 0.2 else 1
            if args.uncertain_weights:
                lo, hi = (low, high) if sign > 0 else (-high, -low)
                weight = f"{{dist: uniform, low: {lo:.3f}, high: {hi:.3f}}}"
            else:
                weight = f"{sign * rng.uniform(low, high):.3f}"
            w(f"  - {{from: a{frm}, to: a{to}, weight: {weight}, kind: trust, source: gen}}")
    w("proposals:")
    for p in range(3):
        w(f"  - id: p{p}")
        w(f'    label: "Proposal {p}"')
        w("    terms:")
        for i in range(args.issues):
            w(f"      i{i}: {rng.uniform(0.2, 0.8):.3f}")
    w("simulation:")
    w("  draws: 1000")
    w("  seed: 1")
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
