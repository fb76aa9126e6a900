#include "parley/core/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "parley/core/vector_math.hpp"
#include "vector_clones.hpp"

namespace parley {

double MeanAccumulator::mean() const {
  return count_ == 0 ? 0.0 : shift_ + sum_ / static_cast<double>(count_);
}

double MeanAccumulator::m2() const {
  return count_ == 0 ? 0.0 : std::max(0.0, sum_squares_ - sum_ * sum_ / static_cast<double>(count_));
}

void MeanAccumulator::add_group(const std::array<MeanAccumulator*, kGroup>& accumulators,
                                const std::array<const double*, kGroup>& rows, std::size_t n) {
  if (n == 0) return;
  double shift[kGroup];
  double sum[kGroup];
  double squares[kGroup];
  for (std::size_t j = 0; j < kGroup; ++j) {
    MeanAccumulator& a = *accumulators[j];
    if (a.count_ == 0) a.shift_ = rows[j][0];
    shift[j] = a.shift_;
    sum[j] = a.sum_;
    squares[j] = a.sum_squares_;
  }
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t j = 0; j < kGroup; ++j) {
      const double d = rows[j][k] - shift[j];
      sum[j] += d;
      squares[j] += d * d;
    }
  }
  for (std::size_t j = 0; j < kGroup; ++j) {
    MeanAccumulator& a = *accumulators[j];
    a.count_ += n;
    a.sum_ = sum[j];
    a.sum_squares_ = squares[j];
  }
}

void MeanAccumulator::merge(const MeanAccumulator& other) {
  if (other.count_ == 0) return;
  if (count_ == 0) {
    *this = other;
    return;
  }
  const auto n_a = static_cast<double>(count_);
  const auto n_b = static_cast<double>(other.count_);
  const double n = n_a + n_b;
  const double mean_a = mean();
  const double delta = other.mean() - mean_a;
  // Stored as shift = combined mean, so that the sum of deviations is 0.
  const double combined_m2 = m2() + other.m2() + delta * delta * n_a * n_b / n;
  shift_ = mean_a + delta * n_b / n;
  sum_ = 0.0;
  sum_squares_ = combined_m2;
  count_ += other.count_;
}

double MeanAccumulator::variance() const {
  return count_ < 2 ? 0.0 : m2() / static_cast<double>(count_ - 1);
}

double MeanAccumulator::standard_error() const {
  return count_ == 0 ? 0.0 : std::sqrt(variance() / static_cast<double>(count_));
}

void ProbabilityQuantiles::add(double p) {
  int bin = 0;
  if (!(p > 0.0)) {  // also NaN, which validation keeps out of the model
    bin = 0;
  } else if (p >= 1.0) {
    bin = kBins + 1;
  } else {
    // One logarithm per value: this runs for every draw and package.
    const double logit = std::log(p / (1.0 - p));
    if (logit < kLogitMin) {
      bin = 0;
    } else if (logit >= kLogitMax) {
      bin = kBins + 1;
    } else {
      bin = 1 + std::min(kBins - 1, static_cast<int>((logit - kLogitMin) / (kLogitMax - kLogitMin) * kBins));
    }
  }
  if (counts_.empty()) counts_.assign(kBins + 2, 0);
  ++counts_[static_cast<std::size_t>(bin)];
  ++total_;
  min_ = std::min(min_, p);
  max_ = std::max(max_, p);
}

PARLEY_VECTOR_CLONES void ProbabilityQuantiles::add_row(const double* p, std::size_t n) {
  constexpr std::size_t kRow = 64;
  std::array<double, kRow> logit{};
  if (counts_.empty()) counts_.assign(kBins + 2, 0);
  for (std::size_t first = 0; first < n; first += kRow) {
    const std::size_t size = std::min(kRow, n - first);
    const double* values = p + first;
    // Odds below the smallest normal number (p below about 2e-308) are
    // raised to it: their log-odds, about -708, is below the range anyway.
    for (std::size_t k = 0; k < size; ++k) {
      const double odds = values[k] / (1.0 - values[k]);
      logit[k] = log_normal_positive(std::max(odds, std::numeric_limits<double>::min()));
    }
    // The bins by selects (the loop vectorises), then the counts and the
    // running extremes in value order, kept in locals: a store to min_ could
    // alias the row and would have to be made on every value.
    std::array<int, kRow> bins{};
    for (std::size_t k = 0; k < size; ++k) {
      const double value = values[k];
      const double l = logit[k];
      // Clamped before the conversion, NaN to the top (min's second argument
      // is kept when the comparison fails); later selects override earlier
      // ones: the log-odds decide only for values in (0, 1), NaN counts as below.
      const double scaled = std::max(0.0, std::min(1.0 * kBins, (l - kLogitMin) / (kLogitMax - kLogitMin) * kBins));
      double bin = 1.0 + std::min(kBins - 1.0, std::trunc(scaled));
      bin = l >= kLogitMax ? kBins + 1.0 : bin;
      bin = l < kLogitMin ? 0.0 : bin;
      bin = value >= 1.0 ? kBins + 1.0 : bin;
      bin = !(value > 0.0) ? 0.0 : bin;
      bins[k] = static_cast<int>(bin);
    }
    double low = min_;
    double high = max_;
    for (std::size_t k = 0; k < size; ++k) {
      ++counts_[static_cast<std::size_t>(bins[k])];
      low = std::min(low, values[k]);
      high = std::max(high, values[k]);
    }
    min_ = low;
    max_ = high;
    total_ += size;
  }
}

void ProbabilityQuantiles::merge(const ProbabilityQuantiles& other) {
  if (other.counts_.empty()) return;
  if (counts_.empty()) counts_.assign(kBins + 2, 0);
  for (std::size_t b = 0; b < counts_.size(); ++b) counts_[b] += other.counts_[b];
  total_ += other.total_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

double ProbabilityQuantiles::quantile(double q) const {
  if (total_ == 0) return 0.0;
  return std::clamp(interpolated(q), min_, max_);
}

double ProbabilityQuantiles::interpolated(double q) const {
  // Rank of the quantile among the draws, (n - 1) q as for type-7 sample quantiles.
  const double rank = std::clamp(q, 0.0, 1.0) * static_cast<double>(total_ - 1);
  double below = 0.0;
  const double width = (kLogitMax - kLogitMin) / kBins;
  for (std::size_t b = 0; b < counts_.size(); ++b) {
    const auto c = static_cast<double>(counts_[b]);
    if (c > 0.0 && rank < below + c) {
      if (b == 0) return 1.0 / (1.0 + std::exp(-kLogitMin));
      if (b == counts_.size() - 1) return 1.0 / (1.0 + std::exp(-kLogitMax));
      const double fraction = (rank - below + 0.5) / c;  // mid-rank within the bin
      const double logit = kLogitMin + (static_cast<double>(b - 1) + fraction) * width;
      return 1.0 / (1.0 + std::exp(-logit));
    }
    below += c;
  }
  return 1.0;
}

Estimate estimate_of(const MeanAccumulator& acc, double lo, double hi) {
  Estimate e;
  e.mean = acc.mean();
  e.se = acc.standard_error();
  e.ci95 = {std::clamp(e.mean - 1.96 * e.se, lo, hi), std::clamp(e.mean + 1.96 * e.se, lo, hi)};
  return e;
}

}  // namespace parley

namespace parley {

void UnitIntervalQuantiles::add(double x) {
  if (counts_.empty()) {
    counts_.assign(kBins, 0);
    min_.assign(kBins, 1.0);
    max_.assign(kBins, 0.0);
  }
  x = std::clamp(x, 0.0, 1.0);
  const int bin = std::min(kBins - 1, static_cast<int>(x * kBins));
  const auto b = static_cast<std::size_t>(bin);
  ++counts_[b];
  min_[b] = std::min(min_[b], x);
  max_[b] = std::max(max_[b], x);
  ++total_;
}

void UnitIntervalQuantiles::merge(const UnitIntervalQuantiles& other) {
  if (other.total_ == 0) return;
  if (counts_.empty()) {
    *this = other;
    return;
  }
  for (std::size_t b = 0; b < counts_.size(); ++b) {
    counts_[b] += other.counts_[b];
    min_[b] = std::min(min_[b], other.min_[b]);
    max_[b] = std::max(max_[b], other.max_[b]);
  }
  total_ += other.total_;
}

double UnitIntervalQuantiles::quantile(double q) const {
  if (total_ == 0) return 0.0;
  const auto rank = std::max<std::uint64_t>(
      1,
      std::min(total_, static_cast<std::uint64_t>(std::ceil(std::clamp(q, 0.0, 1.0) * static_cast<double>(total_)))));
  std::uint64_t before = 0;
  for (std::size_t b = 0; b < counts_.size(); ++b) {
    if (before + counts_[b] >= rank) {
      // Spread the bin's values evenly from its smallest to its largest.
      const std::uint64_t within = rank - before - 1;
      const double share = counts_[b] > 1 ? static_cast<double>(within) / static_cast<double>(counts_[b] - 1) : 0.0;
      return min_[b] + share * (max_[b] - min_[b]);
    }
    before += counts_[b];
  }
  return max_.back();
}

// Serialised state (serialise.hpp). The histograms write the bins in use
// only: a chunk of 4096 draws fills at most 4096 of them.

void MeanAccumulator::save(ByteWriter& out) const {
  out.put(count_);
  out.put(shift_);
  out.put(sum_);
  out.put(sum_squares_);
}

void MeanAccumulator::load(ByteReader& in) {
  count_ = in.get<std::uint64_t>();
  shift_ = in.get<double>();
  sum_ = in.get<double>();
  sum_squares_ = in.get<double>();
}

void ProbabilityQuantiles::save(ByteWriter& out) const {
  out.put(total_);
  out.put(min_);
  out.put(max_);
  out.put<std::uint8_t>(counts_.empty() ? 0 : 1);
  std::uint32_t used = 0;
  for (std::uint64_t c : counts_) used += c != 0 ? 1 : 0;
  out.put(used);
  for (std::size_t b = 0; b < counts_.size(); ++b) {
    if (counts_[b] == 0) continue;
    out.put(static_cast<std::uint32_t>(b));
    out.put(counts_[b]);
  }
}

void ProbabilityQuantiles::load(ByteReader& in) {
  total_ = in.get<std::uint64_t>();
  min_ = in.get<double>();
  max_ = in.get<double>();
  counts_.clear();
  if (in.get<std::uint8_t>() != 0) counts_.assign(kBins + 2, 0);
  const auto used = in.get<std::uint32_t>();
  for (std::uint32_t k = 0; k < used; ++k) {
    const auto b = in.get<std::uint32_t>();
    if (b >= counts_.size()) throw std::logic_error("serialised quantiles: a bin out of range");
    counts_[b] = in.get<std::uint64_t>();
  }
}

void UnitIntervalQuantiles::save(ByteWriter& out) const {
  out.put(total_);
  out.put<std::uint8_t>(counts_.empty() ? 0 : 1);
  std::uint32_t used = 0;
  for (std::uint64_t c : counts_) used += c != 0 ? 1 : 0;
  out.put(used);
  for (std::size_t b = 0; b < counts_.size(); ++b) {
    if (counts_[b] == 0) continue;
    out.put(static_cast<std::uint32_t>(b));
    out.put(counts_[b]);
    out.put(min_[b]);
    out.put(max_[b]);
  }
}

void UnitIntervalQuantiles::load(ByteReader& in) {
  total_ = in.get<std::uint64_t>();
  counts_.clear();
  min_.clear();
  max_.clear();
  if (in.get<std::uint8_t>() != 0) {
    counts_.assign(kBins, 0);
    min_.assign(kBins, 1.0);
    max_.assign(kBins, 0.0);
  }
  const auto used = in.get<std::uint32_t>();
  for (std::uint32_t k = 0; k < used; ++k) {
    const auto b = in.get<std::uint32_t>();
    if (b >= counts_.size()) throw std::logic_error("serialised quantiles: a bin out of range");
    counts_[b] = in.get<std::uint64_t>();
    min_[b] = in.get<double>();
    max_[b] = in.get<double>();
  }
}

}  // namespace parley
