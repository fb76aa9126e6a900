#pragma once
// Variance-based sensitivity (Sobol indices) of any function of a point in
// the unit cube. The estimators know nothing of scenarios: `sobol` applies
// them to P(deal | theta), and the tests to the Ishigami and G functions.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/core/parallel.hpp"

namespace parley {

/// A function of the unit cube evaluated on many points at once:
/// points are row-major (count x dimensions); out has one value per point.
/// It is called from several threads at once on disjoint points.
struct CubeFunction {
  std::size_t dimensions = 0;
  std::function<void(std::span<const double> points, std::span<double> out)> evaluate;
};

enum class BaseSampling : std::uint8_t {
  philox,  // pseudo-random, counter-based (seed, point, coordinate)
  sobol,   // Sobol low-discrepancy sequence (Joe-Kuo directions, Boost.Random), Owen-scrambled from the seed
};

/// "sobol" or "philox": the sampling's name on the command line and in the outputs.
std::string_view name_of(BaseSampling sampling);
/// The sampling named `name`, if any.
std::optional<BaseSampling> parse_base_sampling(std::string_view name);
/// Every sampling's name, in the order they are listed ("expected one of").
std::vector<std::string> base_sampling_names();

struct SobolSettings {
  std::size_t base_samples = 1 << 14;  // N: rows of each of the matrices A and B, over all replicates
  std::uint64_t seed = 1;
  unsigned threads = 1;
  BaseSampling sampling = BaseSampling::sobol;
  /// R: the N rows are split into R independent replicates of N / R rows
  /// (N a multiple of R): R independently scrambled Sobol sequences, or R
  /// blocks of Philox points. With R >= 2 the indices are the mean of the R
  /// replicate estimates and the intervals come from their spread.
  std::size_t replicates = 1;
  std::size_t bootstrap = 200;  // resamples for the 95% intervals when R = 1 (0 or 1: no intervals)
  bool second_order = false;    // also S_ij for every pair (N more rows per group)
  /// Called with (done, total) as the evaluations progress; may be empty.
  ProgressCallback progress;
};

/// Where the 95% intervals of a SobolResult come from.
enum class SobolInterval : std::uint8_t {
  none,        // R = 1 and no bootstrap: the intervals are the point itself
  bootstrap,   // percentile bootstrap over the N rows (valid for Philox rows only)
  replicates,  // mean +- t(0.975, R - 1) sd / sqrt(R) over R independent replicates
};

/// A second-order index S_ij (Saltelli 2002): the share of the variance due
/// to the interaction of i and j alone.
struct SobolPair {
  std::size_t first = 0, second = 0;  // indices into SobolResult::indices (input order)
  double value = 0.0;
};

struct SobolIndex {
  std::string name;
  double first = 0.0, first_lo = 0.0, first_hi = 0.0;  // S1 and its 95% interval
  double total = 0.0, total_lo = 0.0, total_hi = 0.0;  // ST and its interval
};

struct SobolResult {
  double mean = 0.0;
  double variance = 0.0;
  std::size_t evaluations = 0;  // N (groups + 2), or N (2 groups + 2) with second order
  SobolInterval interval = SobolInterval::none;
  std::vector<SobolIndex> indices;
  std::vector<SobolPair> pairs;  // second order, when asked for
};

/// First-order indices by Saltelli et al. (2010) on centred outputs,
/// total-order by Jansen (1999), for groups of coordinates (each group a
/// list of dimensions; one group per dimension for plain indices). With one
/// replicate, bootstrap intervals resample the N rows (percentile method,
/// Philox stream `bootstrap`); with R >= 2, intervals are t intervals over
/// the replicates. Deterministic for a seed, for any number of threads.
/// Throws std::invalid_argument for N not a multiple of R or N / R < 2.
SobolResult sobol_indices(const CubeFunction& f, const std::vector<std::vector<std::size_t>>& groups,
                          const std::vector<std::string>& names, const SobolSettings& settings);

struct MorrisSettings {
  std::size_t trajectories = 100;  // r
  std::size_t levels = 4;          // p, even; steps jump p/2 levels
  std::uint64_t seed = 1;
  unsigned threads = 1;
  /// Called with (done, total) as the trajectories progress; may be empty.
  ProgressCallback progress;
};

struct MorrisEffect {
  std::string name;
  double mu = 0.0;       // mean elementary effect
  double mu_star = 0.0;  // mean |elementary effect| (Campolongo et al. 2007)
  double sigma = 0.0;    // standard deviation of the elementary effects
};

struct MorrisResult {
  std::size_t evaluations = 0;  // r (groups + 1)
  std::vector<MorrisEffect> effects;
};

/// Elementary-effects screening (Morris 1991) on a p-level grid of the unit
/// cube, levels at (k + 1/2) / p so that inverse CDFs stay finite; each
/// trajectory moves one group at a time by p/2 levels (Delta = 1/2). Groups
/// move together (Campolongo et al. 2007). Deterministic for a seed and any
/// number of threads.
MorrisResult morris_effects(const CubeFunction& f, const std::vector<std::vector<std::size_t>>& groups,
                            const std::vector<std::string>& names, const MorrisSettings& settings);

}  // namespace parley
