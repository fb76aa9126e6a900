#pragma once
// Streaming, mergeable accumulators: memory does not grow with the number of
// draws, and merging in a fixed order gives bit-identical results.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "parley/core/serialise.hpp"

namespace parley {

/// Mean and variance of a stream: sums of deviations from the first value
/// (shifted data, so no cancellation for values of one scale, and no division
/// per value), merged by Chan et al.'s pairwise formula.
class MeanAccumulator {
 public:
  void add(double x) {
    if (count_ == 0) shift_ = x;
    ++count_;
    const double d = x - shift_;
    sum_ += d;
    sum_squares_ += d * d;
  }
  /// add(x[0]), ..., add(x[n - 1]) in that order (the same bits), with the
  /// sums kept in registers: the engine's tallies add a batch's row at once.
  void add(const double* x, std::size_t n) {
    if (n == 0) return;
    if (count_ == 0) shift_ = x[0];
    double sum = sum_;
    double squares = sum_squares_;
    for (std::size_t k = 0; k < n; ++k) {
      const double d = x[k] - shift_;
      sum += d;
      squares += d * d;
    }
    count_ += n;
    sum_ = sum;
    sum_squares_ = squares;
  }
  /// accumulators[j]->add(rows[j], n) for each of kGroup distinct
  /// accumulators, with the same bits: their sums advance side by side, so
  /// that the chains of additions overlap in the pipeline instead of each
  /// waiting on itself.
  static constexpr std::size_t kGroup = 8;
  static void add_group(const std::array<MeanAccumulator*, kGroup>& accumulators,
                        const std::array<const double*, kGroup>& rows, std::size_t n);
  void merge(const MeanAccumulator& other);
  /// The state, bit for bit (serialise.hpp).
  void save(ByteWriter& out) const;
  void load(ByteReader& in);

  [[nodiscard]] std::uint64_t count() const { return count_; }
  [[nodiscard]] double mean() const;
  /// Sample variance (n - 1 denominator); 0 for fewer than two values.
  [[nodiscard]] double variance() const;
  /// Monte Carlo standard error of the mean, sqrt(variance / n).
  [[nodiscard]] double standard_error() const;

 private:
  /// Sum of squared deviations from the mean.
  [[nodiscard]] double m2() const;

  std::uint64_t count_ = 0;
  double shift_ = 0.0;
  double sum_ = 0.0;          // sum of (x - shift)
  double sum_squares_ = 0.0;  // sum of (x - shift)^2
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

  // The bins are allocated on the first value: an unused instance costs nothing.
  ProbabilityQuantiles() = default;
  void add(double p);
  /// add() of each value in order, the log-odds computed over the row at once
  /// (core/vector_math.hpp, within 1e-15 of libm's log: a value within that of
  /// a bin's edge may fall in the neighbouring bin, nothing else differs).
  void add_row(const double* p, std::size_t n);
  void merge(const ProbabilityQuantiles& other);
  /// The state, bit for bit; only the bins in use are written.
  void save(ByteWriter& out) const;
  void load(ByteReader& in);
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

/// Quantiles of values in [0, 1] (e.g. normalised terms) from a fixed
/// histogram of kBins equal bins that also keeps the smallest and largest
/// value of each bin: a quantile is interpolated between those, so values
/// that repeat exactly (a term that never moved) come out exact, and the
/// error is below one bin's width otherwise. Counts are integers and minima
/// and maxima commute: merging is exact and order-free.
class UnitIntervalQuantiles {
 public:
  static constexpr int kBins = 2048;

  void add(double x);
  void merge(const UnitIntervalQuantiles& other);
  /// The state, bit for bit; only the bins in use are written.
  void save(ByteWriter& out) const;
  void load(ByteReader& in);
  /// The q-quantile (q in [0, 1]), the value of rank ceil(q n) (at least 1);
  /// 0 when empty.
  [[nodiscard]] double quantile(double q) const;
  [[nodiscard]] std::uint64_t count() const { return total_; }

 private:
  std::vector<std::uint64_t> counts_;  // allocated on the first value
  std::vector<double> min_, max_;
  std::uint64_t total_ = 0;
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
