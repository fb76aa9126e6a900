#pragma once
// The `solve` analyses: the capability-weighted Nash bargaining solution, the
// zone of possible agreement around a proposal, and the package that
// maximises P(deal) under the user's constraints. Expectations are Monte Carlo
// means over the scenario's parameter draws, the same draws for every
// candidate package (common random numbers).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/core/engine.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/statistics.hpp"

namespace parley {

/// Draws `solve` uses when the command line gives none: the scenario's
/// simulation.draws, at most this many (every candidate package is evaluated
/// on all of them).
inline constexpr std::uint64_t kSolveDefaultDraws = 20000;

/// The most draws `solve` accepts: it keeps every draw's parameters in memory
/// (about 2 KB a draw for the reports' scenario).
inline constexpr std::uint64_t kSolveMaxDraws = 1000000;

enum class SolveMode : std::uint8_t { nash, zopa, best };

/// `--fix ISSUE=V`: the issue is held at V (issue units).
struct IssueFix {
  std::string issue;
  double value = 0.0;
};

/// `--bound ISSUE=LO:HI`: the issue may only take values in [LO, HI].
struct IssueBound {
  std::string issue;
  double lo = 0.0;
  double hi = 1.0;
};

struct SolveSettings {
  SolveMode mode = SolveMode::nash;
  /// --zopa and --best: the proposal to start from; empty: the first one.
  std::string proposal;
  std::vector<IssueFix> fixes;     // --best only
  std::vector<IssueBound> bounds;  // --best only
  SimulationSettings simulation;   // draws, seed, threads, progress (the sample, then the search)
};

/// A veto actor's expected position at a package: E[u_i], E[r_i] and the
/// margin E[u_i] - E[r_i].
struct ActorMargin {
  std::string id;
  double weight = 0.0;  // normalised expected capability (Nash weights)
  double utility = 0.0;
  double reservation = 0.0;
  double margin = 0.0;
};

struct NashSolution {
  /// Whether some package gives every veto actor a positive expected margin.
  bool feasible = false;
  /// Feasible: the Nash solution. Otherwise: the package with the largest
  /// smallest margin found.
  std::vector<double> terms;              // issue units
  std::vector<ActorMargin> actors;        // veto actors, file order
  double min_margin = 0.0;                // the smallest margin at `terms`
  double objective = 0.0;                 // sum_i w_i log(margin_i); feasible only
  std::vector<std::string> short_actors;  // infeasible: the actors with margin <= 0 at `terms`
  std::size_t evaluations = 0;
};

/// The zone of one issue with the other issues held at the proposal.
struct IssueZone {
  std::string issue;
  bool binary = false;
  bool empty = true;
  double lo = 0.0, hi = 0.0;   // continuous and non-empty: the interval (issue units)
  std::vector<double> values;  // binary: which of 0 and 1 are in the zone
  /// Continuous and non-empty: the veto actor whose margin falls to zero at
  /// each end, or empty when the end is the issue's range.
  std::string lo_limit, hi_limit;
};

struct ZopaResult {
  std::string proposal;
  bool proposal_inside = false;     // every veto actor's margin is positive at the proposal
  bool empty = true;                // no issue has a non-empty zone
  std::vector<ActorMargin> actors;  // veto actors' margins at the proposal
  std::vector<IssueZone> issues;    // file order
};

struct BestPackage {
  std::string proposal;  // the starting proposal
  std::vector<IssueFix> fixes;
  std::vector<IssueBound> bounds;
  std::vector<double> start_terms;  // the starting proposal's terms (issue units)
  std::vector<double> terms;        // the best package found
  Estimate deal;                    // P(deal) at the best package
  Estimate start_deal;              // P(deal) at the starting proposal
  Estimate gain;                    // paired difference, best - start, on the same draws
  std::size_t starts = 0;           // compass-search starting points
  std::size_t evaluations = 0;      // objective evaluations in all
};

struct SolveResult {
  SolveMode mode = SolveMode::nash;
  std::uint64_t seed = 0;
  std::uint64_t draws = 0;
  NashSolution nash;  // mode nash
  ZopaResult zopa;    // mode zopa
  BestPackage best;   // mode best
};

/// Checks the request against the scenario (throws InputError listing every
/// problem) and solves it.
SolveResult solve_scenario(const Scenario& scenario, const SolveSettings& settings);

}  // namespace parley
