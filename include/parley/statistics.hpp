#pragma once
// Streaming, mergeable accumulators: memory does not grow with the number of
// draws, and merging in a fixed order gives bit-identical results.

#include <array>
#include <cstdint>
#include <vector>

namespace parley {

/// Mean and variance by Welford's update, merged by Chan et al.'s formula.
class MeanAccumulator {
 public:
  void add(double x) {
    ++count_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(count_);
    m2_ += delta * (x - mean_);
  }
  void merge(const MeanAccumulator& other);

  [[nodiscard]] std::uint64_t count() const { return count_; }
  [[nodiscard]] double mean() const { return mean_; }
  /// Sample variance (n - 1 denominator); 0 for fewer than two values.
  [[nodiscard]] double variance() const;
  /// Monte Carlo standard error of the mean, sqrt(variance / n).
  [[nodiscard]] double standard_error() const;

 private:
  std::uint64_t count_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
};

/// Quantiles of a probability in [0, 1] from a fixed histogram of its
/// log-odds: 6000 bins of width 0.01 on logit p in [-30, 30], plus two bins for
/// p below and above that range. Within a bin the quantile is interpolated
/// linearly in log-odds, so its relative error in the odds is below 1%.
/// Results are clipped to the smallest and largest value seen, so a constant
/// P(deal | theta) gives exact quantiles. Counts are integers: merging is exact.
class ProbabilityQuantiles {
 public:
  static constexpr int kBins = 6000;
  static constexpr double kLogitMin = -30.0;
  static constexpr double kLogitMax = 30.0;

  ProbabilityQuantiles() : counts_(kBins + 2, 0) {}
  void add(double p);
  void merge(const ProbabilityQuantiles& other);
  /// The q-quantile (q in [0, 1]); 0 when empty.
  [[nodiscard]] double quantile(double q) const;
  [[nodiscard]] std::uint64_t count() const { return total_; }

 private:
  [[nodiscard]] double interpolated(double q) const;
  std::vector<std::uint64_t> counts_;  // [0] below range, [1..kBins], [kBins + 1] above
  std::uint64_t total_ = 0;
  double min_ = 1.0;
  double max_ = 0.0;
};

/// A mean with its Monte Carlo standard error and normal-approximation 95%
/// interval, mean +/- 1.96 se (clipped to [lo, hi] for probabilities).
struct Estimate {
  double mean = 0.0;
  double se = 0.0;
  std::array<double, 2> ci95{0.0, 0.0};
};

Estimate estimate_of(const MeanAccumulator& acc, double lo = 0.0, double hi = 1.0);

}  // namespace parley
