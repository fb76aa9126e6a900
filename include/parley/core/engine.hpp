#pragma once
// The Monte Carlo engine: draws of the uncertain inputs (Philox), the model
// evaluated for every package on the same draws (common random numbers), and
// streaming accumulators reduced in a fixed order.

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "parley/core/model.hpp"
#include "parley/core/parallel.hpp"
#include "parley/core/statistics.hpp"

namespace parley {

/// The most draws a simulation accepts (--draws).
inline constexpr std::uint64_t kMaxDraws = 1'000'000'000'000;
/// The most worker threads an analysis accepts (--threads).
inline constexpr unsigned kMaxThreads = 1024;

struct SimulationSettings {
  std::uint64_t draws = 100000;
  std::uint64_t seed = 1;
  unsigned threads = 1;
  ProgressCallback progress;
  /// Track the quantiles of P(deal | theta) per package (48 KiB each); sweeps
  /// over many packages turn it off.
  bool deal_quantiles = true;
  /// Coordinates of the unit cube held fixed at a value for every draw
  /// (input index, u): one-at-a-time analyses such as the tornado.
  std::vector<std::pair<std::size_t, double>> pinned;
};

/// Accumulated outcomes of one package over the draws.
struct PackageAccumulator {
  std::vector<MeanAccumulator> accept;  // per actor
  MeanAccumulator deal;
  MeanAccumulator support;
  ProbabilityQuantiles deal_spread;  // P(deal | theta) over theta
};

struct SimulationSummary {
  std::vector<PackageAccumulator> packages;
  void merge(const SimulationSummary& other);
};

/// Evaluates every package on draws 0 .. draws-1 of the seed's parameter
/// stream. The same seed gives the same draws for any package list, so
/// differences between packages are not sampling noise.
SimulationSummary simulate(const Model& model, std::span<const Package> packages, const SimulationSettings& settings);

}  // namespace parley
