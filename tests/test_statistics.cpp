#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "parley/core/parallel.hpp"
#include "parley/core/sampler.hpp"
#include "parley/core/serialise.hpp"
#include "parley/core/statistics.hpp"
#include "parley/core/vector_math.hpp"

TEST_CASE("merged mean accumulators equal one accumulator over all values", "[statistics][exact]") {
  parley::MeanAccumulator whole, left, right;
  for (int k = 0; k < 1000; ++k) {
    const double x = std::sin(k * 0.7) * 3 + k * 0.001;
    whole.add(x);
    (k < 400 ? left : right).add(x);
  }
  left.merge(right);
  CHECK(left.count() == whole.count());
  CHECK(left.mean() == Approx(whole.mean()).epsilon(1e-13));
  CHECK(left.variance() == Approx(whole.variance()).epsilon(1e-12));
  CHECK(left.standard_error() == Approx(std::sqrt(whole.variance() / 1000)).epsilon(1e-12));
}

TEST_CASE("a group of mean accumulators takes its rows with the bits of adding them one by one",
          "[statistics][exact]") {
  constexpr std::size_t kGroup = parley::MeanAccumulator::kGroup;
  std::vector<std::vector<double>> rows(kGroup);
  for (std::size_t j = 0; j < kGroup; ++j) {
    for (int k = 0; k < 64; ++k)
      rows[j].push_back(std::sin(1.0 + 0.37 * k + 1.3 * static_cast<double>(j)) * (static_cast<double>(j) + 1.0));
  }
  std::vector<parley::MeanAccumulator> grouped(kGroup), alone(kGroup);
  alone[3].add(5.5);  // one that already has a value and its shift
  grouped[3].add(5.5);
  std::array<parley::MeanAccumulator*, kGroup> accumulators{};
  std::array<const double*, kGroup> pointers{};
  for (std::size_t j = 0; j < kGroup; ++j) {
    accumulators[j] = &grouped[j];
    pointers[j] = rows[j].data();
  }
  // Two rows of different lengths, as a full batch and the last one.
  parley::MeanAccumulator::add_group(accumulators, pointers, 64);
  parley::MeanAccumulator::add_group(accumulators, pointers, 17);
  for (std::size_t j = 0; j < kGroup; ++j) {
    for (const double x : rows[j]) alone[j].add(x);
    for (std::size_t k = 0; k < 17; ++k) alone[j].add(rows[j][k]);
    INFO("accumulator " << j);
    parley::ByteWriter grouped_state;
    parley::ByteWriter alone_state;
    grouped[j].save(grouped_state);
    alone[j].save(alone_state);
    CHECK(grouped_state.take() == alone_state.take());
  }
}

TEST_CASE("probability quantiles from the logit histogram are within 1% in the odds", "[statistics][exact]") {
  // p = logistic(t) for t evenly spread on [-6, 6]: the q-quantile is logistic(-6 + 12 q).
  parley::ProbabilityQuantiles quantiles;
  const int n = 100001;
  for (int k = 0; k < n; ++k) quantiles.add(1 / (1 + std::exp(-(-6.0 + 12.0 * k / (n - 1)))));
  for (double q : {0.05, 0.5, 0.95}) {
    const double expected = 1 / (1 + std::exp(-(-6.0 + 12.0 * q)));
    const double got = quantiles.quantile(q);
    const double odds_ratio = (got / (1 - got)) / (expected / (1 - expected));
    INFO("q = " << q << " expected " << expected << " got " << got);
    CHECK(std::fabs(odds_ratio - 1) < 0.01);
  }
}

TEST_CASE("a constant probability has exact quantiles", "[statistics][exact]") {
  parley::ProbabilityQuantiles quantiles;
  for (int k = 0; k < 100; ++k) quantiles.add(0.600452);
  CHECK(quantiles.quantile(0.05) == 0.600452);
  CHECK(quantiles.quantile(0.95) == 0.600452);
}

TEST_CASE("adding a row of probabilities bins them as adding them one by one", "[statistics]") {
  // Edge values (0, 1, tiny, beyond the log-odds range, NaN) and a spread of
  // ordinary ones; a row longer than the inner block of 64.
  std::vector<double> values{0.0, 1.0, 1e-320, 1e-300, 1e-14, 1.0 - 1e-14, 0.5, -0.25, 1.5, std::nan("")};
  std::mt19937_64 rng(99);
  std::uniform_real_distribution<double> logit(-35.0, 35.0);
  while (values.size() < 1000) values.push_back(1.0 / (1.0 + std::exp(-logit(rng))));
  parley::ProbabilityQuantiles one_by_one, by_row;
  for (const double v : values) one_by_one.add(v);
  by_row.add_row(values.data(), values.size());
  REQUIRE(by_row.count() == one_by_one.count());
  for (const double q : {0.0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1.0}) {
    INFO("q = " << q);
    CHECK(by_row.quantile(q) == one_by_one.quantile(q));
  }
  // Every bin: the row's state against the branches written out with the
  // row's logarithm, in the saved form (count, extremes, then bin, count pairs).
  using Q = parley::ProbabilityQuantiles;
  std::vector<std::uint64_t> counts(Q::kBins + 2, 0);
  for (const double v : values) {
    int bin = 0;
    if (!(v > 0.0)) {
      bin = 0;
    } else if (v >= 1.0) {
      bin = Q::kBins + 1;
    } else {
      const double log_odds = parley::log_normal_positive(std::max(v / (1.0 - v), std::numeric_limits<double>::min()));
      if (log_odds < Q::kLogitMin) {
        bin = 0;
      } else if (log_odds >= Q::kLogitMax) {
        bin = Q::kBins + 1;
      } else {
        bin = 1 + std::min(Q::kBins - 1,
                           static_cast<int>((log_odds - Q::kLogitMin) / (Q::kLogitMax - Q::kLogitMin) * Q::kBins));
      }
    }
    ++counts[static_cast<std::size_t>(bin)];
  }
  parley::ByteWriter expected;
  std::uint32_t used = 0;
  for (const std::uint64_t c : counts) used += c != 0 ? 1 : 0;
  expected.put(used);
  for (std::size_t b = 0; b < counts.size(); ++b) {
    if (counts[b] == 0) continue;
    expected.put(static_cast<std::uint32_t>(b));
    expected.put(counts[b]);
  }
  parley::ByteWriter row_state;
  parley::ByteWriter scalar_state;
  by_row.save(row_state);
  one_by_one.save(scalar_state);
  const std::string row_bytes = row_state.take();
  const std::string scalar_bytes = scalar_state.take();
  constexpr std::size_t kHeader = 8 + 8 + 8 + 1;  // count, minimum, maximum, allocated
  CHECK(row_bytes.substr(0, kHeader) == scalar_bytes.substr(0, kHeader));
  CHECK(row_bytes.substr(kHeader) == expected.take());
}

TEST_CASE("the counter-based generator is a pure function of seed, draw and coordinate", "[sampler][exact]") {
  const parley::PhiloxCube cube(42);
  std::vector<double> first(7), again(7);
  cube.point(123456789, first);
  cube.point(123456789, again);
  CHECK(first == again);
  for (std::uint32_t d = 0; d < 7; ++d) CHECK(cube.coordinate(123456789, d) == first[d]);
  std::vector<double> other_seed(7), other_stream(7);
  parley::PhiloxCube(43).point(123456789, other_seed);
  parley::PhiloxCube(42, parley::Stream::bargaining).point(123456789, other_stream);
  CHECK(other_seed != first);
  CHECK(other_stream != first);
}

TEST_CASE("unit draws are never exactly 0 or 1", "[sampler][exact]") {
  CHECK(parley::unit_open(0) > 0.0);
  CHECK(parley::unit_open(~std::uint64_t{0}) < 1.0);
}

TEST_CASE("the cube's transposed points of many draws are its points one draw at a time", "[sampler][exact]") {
  const parley::PhiloxCube cube(7);
  // Dimensions not a multiple of 4, counts not a multiple of 4 or of the 32
  // draws the AVX-512 path takes at once (used where the CPU has it).
  for (const std::size_t dimensions : {1U, 4U, 7U, 13U}) {
    for (const std::size_t count : {1U, 3U, 4U, 9U, 15U, 16U, 17U, 40U, 64U}) {
      constexpr std::size_t kStride = 64;
      std::vector<double> out(dimensions * kStride, -1.0);
      // Draws on both sides of 2^32: draw indices with nonzero upper 32 bits.
      constexpr std::uint64_t kFirst = (std::uint64_t{1} << 32) - 20;
      cube.points(kFirst, count, dimensions, out.data(), kStride);
      std::vector<double> point(dimensions);
      for (std::size_t b = 0; b < count; ++b) {
        cube.point(kFirst + b, point);
        for (std::size_t d = 0; d < dimensions; ++d) REQUIRE(out[d * kStride + b] == point[d]);
      }
      for (std::size_t d = 0; d < dimensions; ++d) {
        for (std::size_t b = count; b < kStride; ++b) REQUIRE(out[d * kStride + b] == -1.0);  // nothing else written
      }
    }
  }
}

TEST_CASE("Philox coordinates are uniform: mean 1/2 and variance 1/12 within 4 standard errors",
          "[sampler][statistical]") {
  const parley::PhiloxCube cube(7);
  parley::MeanAccumulator mean, square;
  std::vector<double> u(5);
  for (std::uint64_t j = 0; j < 100000; ++j) {
    cube.point(j, u);
    for (double x : u) {
      mean.add(x);
      square.add((x - 0.5) * (x - 0.5));
    }
  }
  CHECK(std::fabs(mean.mean() - 0.5) < 4 * mean.standard_error());
  CHECK(std::fabs(square.mean() - 1.0 / 12) < 4 * square.standard_error());
}

namespace {
// A partial result that counts how many of its kind are alive at once.
struct CountingPartial {
  static inline int alive = 0;
  static inline int peak = 0;
  double sum = 0.0;
  CountingPartial() { note(); }
  CountingPartial(const CountingPartial& o) : sum(o.sum) { note(); }
  CountingPartial& operator=(const CountingPartial&) = default;
  ~CountingPartial() { --alive; }
  static void note() { peak = std::max(peak, ++alive); }
  void merge(const CountingPartial& o) { sum += o.sum; }
};
}  // namespace

TEST_CASE("the chunked reduction holds a bounded number of partials whatever the number of items", "[engine][memory]") {
  CountingPartial::alive = 0;
  CountingPartial::peak = 0;
  const CountingPartial empty;
  const auto total = parley::reduce_chunks(
      std::uint64_t{5'000'000}, 2, empty,
      [](std::uint64_t b, std::uint64_t e, CountingPartial& p) { p.sum += static_cast<double>(e - b); });
  CHECK(total.sum == 5'000'000.0);
  CHECK(CountingPartial::peak <= 2 * 4 + 3);
}

TEST_CASE("the chunked reduction gives bit-identical sums for any number of threads", "[engine][determinism]") {
  struct Sum {
    double value = 0.0;
    void merge(const Sum& o) { value += o.value; }
  };
  auto process = [](std::uint64_t b, std::uint64_t e, Sum& s) {
    for (std::uint64_t j = b; j < e; ++j) s.value += 1.0 / static_cast<double>(j + 1);
  };
  const double one = parley::reduce_chunks(std::uint64_t{300000}, 1, Sum{}, process).value;
  for (unsigned threads : {2U, 3U, 4U, 8U}) {
    CHECK(parley::reduce_chunks(std::uint64_t{300000}, threads, Sum{}, process).value == one);
  }
}

TEST_CASE("unit-interval quantiles are exact for values that repeat", "[statistics]") {
  parley::UnitIntervalQuantiles q;
  for (int i = 0; i < 90; ++i) q.add(0.3);
  for (int i = 0; i < 10; ++i) q.add(1.0);
  CHECK(q.quantile(0.05) == 0.3);
  CHECK(q.quantile(0.50) == 0.3);
  CHECK(q.quantile(0.90) == 0.3);
  CHECK(q.quantile(0.95) == 1.0);
  CHECK(q.quantile(0.0) == 0.3);
  CHECK(q.quantile(1.0) == 1.0);
}

TEST_CASE("unit-interval quantiles of spread values are within one bin", "[statistics]") {
  parley::UnitIntervalQuantiles q;
  const int n = 100001;
  for (int i = 0; i < n; ++i) q.add(static_cast<double>(i) / (n - 1));
  for (const double p : {0.05, 0.25, 0.5, 0.95}) {
    CHECK(std::fabs(q.quantile(p) - p) < 1.0 / parley::UnitIntervalQuantiles::kBins);
  }
}

TEST_CASE("merged unit-interval quantiles equal those of the whole stream", "[statistics]") {
  parley::UnitIntervalQuantiles whole, left, right;
  for (int i = 0; i < 1000; ++i) {
    const double x = std::fmod(i * 0.618033988749895, 1.0);
    whole.add(x);
    (i < 400 ? left : right).add(x);
  }
  left.merge(right);
  for (const double p : {0.05, 0.5, 0.95}) CHECK(left.quantile(p) == whole.quantile(p));
  CHECK(left.count() == 1000);
}
