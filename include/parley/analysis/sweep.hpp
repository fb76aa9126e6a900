#pragma once
// The `sweep` analysis: how a concession on one or two issues of a proposal
// moves acceptance. Every point of the grid is evaluated on the same draws
// (common random numbers), so differences between points are not noise.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "parley/core/engine.hpp"
#include "parley/core/errors.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/statistics.hpp"

namespace parley {

/// The largest grid a sweep evaluates (e.g. 201 x 201).
inline constexpr std::size_t kMaxSweepPoints = 40401;
/// The most points along one axis (--vary ISSUE=LO:HI:STEPS).
inline constexpr std::size_t kMaxSweepSteps = 10001;

/// One varied issue: STEPS evenly spaced values from LO to HI (issue units).
struct SweepAxis {
  std::string issue;
  double lo = 0.0;
  double hi = 1.0;
  std::size_t steps = 2;
  /// The values along the axis, lo and hi included.
  [[nodiscard]] std::vector<double> values() const;
};

struct SweepPoint {
  std::vector<double> values;  // one per axis
  Estimate deal;
  Estimate support;
  std::vector<Estimate> accept;  // per actor
};

struct SweepResult {
  std::string proposal;
  std::vector<SweepAxis> axes;
  std::vector<std::size_t> axis_issues;  // index into Scenario::issues, per axis
  std::uint64_t seed = 0;
  std::uint64_t draws = 0;
  /// Row-major over the axes: the last axis varies fastest.
  std::vector<SweepPoint> points;
};

/// Checks the axes against the scenario (throws InputError with every
/// problem) and evaluates the grid.
SweepResult sweep_scenario(const Scenario& scenario, const std::string& proposal, const std::vector<SweepAxis>& axes,
                           const SimulationSettings& settings);

}  // namespace parley
