#pragma once
// A deterministic, derivative-free maximiser over a box of packages, shared by
// the bargaining game (a proposer's best offer) and `solve` (the Nash
// solution, the package that maximises P(deal)).

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

namespace parley {

/// The feasible packages: lo[k] <= x[k] <= hi[k], and x[k] in {lo[k], hi[k]}
/// where binary[k] is set (a binary issue, or one fixed with lo == hi).
struct SearchBox {
  std::vector<double> lo, hi;
  std::vector<unsigned char> binary;

  /// The unit box [0, 1]^n with the given coordinates binary.
  static SearchBox unit(std::size_t n, std::span<const unsigned char> binary = {});
  [[nodiscard]] std::size_t size() const { return lo.size(); }
  /// The nearest point of the box (binary coordinates rounded to an end).
  [[nodiscard]] std::vector<double> project(std::span<const double> x) const;
};

/// Up to this many binary coordinates, every combination of their values is
/// tried at each start (2^n evaluations) before the search.
inline constexpr std::size_t kMaxEnumeratedBinaries = 12;

struct CompassSettings {
  double initial_step = 0.25;  // as a share of each coordinate's width
  double tolerance = 1e-5;     // stop when the step falls below this share
  std::size_t max_evaluations = 100000;
  /// Called as the search goes with the share of it done, in [0, 1].
  std::function<void(double)> progress;
};

struct Optimum {
  std::vector<double> x;
  double value = 0.0;
  std::size_t evaluations = 0;
};

using Objective = std::function<double(std::span<const double>)>;

/// f evaluated at several points at once: values[i] = f(points[i]). Lets a
/// caller evaluate a whole poll in one pass over its draws.
using PollObjective = std::function<void(std::span<const std::vector<double>> points, std::span<double> values)>;

/// Maximises f over the box by compass search (Kolda, Lewis and Torczon,
/// SIAM Review 45, 2003): from each start (projected into the box) it polls
/// x +/- step along every coordinate in order, moves to the first strict
/// improvement, and halves the step after a poll without one; binary
/// coordinates are polled by flipping them. Flipping one at a time can miss
/// a combination that pays only when several change together, so with at
/// most kMaxEnumeratedBinaries binary coordinates every combination of them
/// is evaluated first (the continuous coordinates at the start) and the search
/// runs from the best one. The best of the runs from all starts wins (the
/// earliest start on ties). Deterministic: the same f, box and starts give
/// the same result. A NaN value never counts as an improvement. Finds the
/// maximum of a concave f of the continuous coordinates; otherwise a local
/// one.
Optimum maximise_in_box(const Objective& f, const SearchBox& box, std::span<const std::vector<double>> starts,
                        const CompassSettings& settings = {});

/// The same search with complete polls: every poll point around x (and every
/// combination of the binary coordinates) is evaluated in one call of f, and
/// the search moves to the best strict improvement (the earliest on ties)
/// instead of sweeping the coordinates one after another. Its path, and so
/// its result, can differ from maximise_in_box's within the tolerance.
Optimum maximise_in_box_polled(const PollObjective& f, const SearchBox& box,
                               std::span<const std::vector<double>> starts, const CompassSettings& settings = {});

}  // namespace parley
