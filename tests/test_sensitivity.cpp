#include <catch2/catch.hpp>
#include <cmath>

#include "parley/core/sensitivity.hpp"

using namespace parley;

namespace {
std::vector<std::vector<std::size_t>> singletons(std::size_t d) {
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < d; ++i) groups.push_back({i});
  return groups;
}

// Ishigami (a = 7, b = 0.1) on [-pi, pi]^3, plus a constant.
CubeFunction ishigami(double offset = 0.0) {
  return {3, [offset](std::span<const double> points, std::span<double> out) {
            for (std::size_t k = 0; k < out.size(); ++k) {
              const double x1 = -M_PI + 2 * M_PI * points[3 * k];
              const double x2 = -M_PI + 2 * M_PI * points[3 * k + 1];
              const double x3 = -M_PI + 2 * M_PI * points[3 * k + 2];
              out[k] = offset + std::sin(x1) + 7 * std::sin(x2) * std::sin(x2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
            }
          }};
}

// Sobol's G function with coefficients a on [0, 1]^d.
CubeFunction g_function(const std::vector<double>& a) {
  return {a.size(), [a](std::span<const double> points, std::span<double> out) {
            for (std::size_t k = 0; k < out.size(); ++k) {
              double product = 1.0;
              for (std::size_t i = 0; i < a.size(); ++i) {
                product *= (std::fabs(4 * points[k * a.size() + i] - 2) + a[i]) / (1 + a[i]);
              }
              out[k] = product;
            }
          }};
}

// The analytic indices of the Ishigami function (a = 7, b = 0.1).
struct IshigamiIndices {
  double first[3], total[3], s13;
};
IshigamiIndices ishigami_indices() {
  const double a = 7.0, b = 0.1, pi4 = std::pow(M_PI, 4), pi8 = std::pow(M_PI, 8);
  const double v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
  const double v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5);
  const double v2 = a * a / 8;
  const double vt3 = 8 * b * b * pi8 / 225;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + vt3) / v, v2 / v, vt3 / v}, vt3 / v};
}

SobolSettings settings(BaseSampling sampling) {
  SobolSettings s;
  s.base_samples = 1 << 14;
  s.seed = 2024;
  s.threads = 2;
  s.sampling = sampling;
  s.bootstrap = 100;
  return s;
}
}  // namespace

TEST_CASE("Sobol indices of the Ishigami function are within 0.02 of the analytic values with 2^14 base samples",
          "[sensitivity][exact]") {
  const double a = 7.0, b = 0.1, pi4 = std::pow(M_PI, 4), pi8 = std::pow(M_PI, 8);
  const double v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
  const double v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5);
  const double v2 = a * a / 8;
  const double vt3 = 8 * b * b * pi8 / 225;
  const double first[3] = {v1 / v, v2 / v, 0.0};
  const double total[3] = {(v1 + vt3) / v, v2 / v, vt3 / v};
  for (BaseSampling sampling : {BaseSampling::sobol, BaseSampling::philox}) {
    const SobolResult r = sobol_indices(ishigami(), singletons(3), {"x1", "x2", "x3"}, settings(sampling));
    for (std::size_t i = 0; i < 3; ++i) {
      INFO(name_of(sampling) << " x" << i + 1);
      CHECK(r.indices[i].first == Approx(first[i]).margin(0.02));
      CHECK(r.indices[i].total == Approx(total[i]).margin(0.02));
      CHECK(r.indices[i].first_lo <= r.indices[i].first);
      CHECK(r.indices[i].first_hi >= r.indices[i].first);
    }
    CHECK(r.variance == Approx(v).epsilon(0.03));
  }
}

TEST_CASE("Sobol indices of the G function are within 0.02 of the analytic values with 2^14 base samples",
          "[sensitivity][exact]") {
  const std::vector<double> a = {0, 1, 4.5, 9, 99, 99};
  std::vector<double> vi;
  double product = 1.0;
  for (double ai : a) {
    vi.push_back(1.0 / (3 * (1 + ai) * (1 + ai)));
    product *= 1 + vi.back();
  }
  const double v = product - 1;
  const SobolResult r = sobol_indices(g_function(a), singletons(a.size()), {}, settings(BaseSampling::sobol));
  const SobolResult mc = sobol_indices(g_function(a), singletons(a.size()), {}, settings(BaseSampling::philox));
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double first = vi[i] / v;
    const double total = vi[i] * product / (1 + vi[i]) / v;
    INFO("x" << i + 1);
    CHECK(r.indices[i].first == Approx(first).margin(0.02));
    CHECK(r.indices[i].total == Approx(total).margin(0.02));
    // Pseudo-random base samples converge more slowly (the Saltelli estimator
    // of S1 for a = 0 has a large variance): the bootstrap interval must
    // cover the analytic value.
    CHECK(mc.indices[i].first_lo <= first + 1e-3);
    CHECK(mc.indices[i].first_hi >= first - 1e-3);
    CHECK(mc.indices[i].total_lo <= total + 1e-3);
    CHECK(mc.indices[i].total_hi >= total - 1e-3);
  }
}

TEST_CASE("a group's indices are those of its inputs taken together", "[sensitivity][exact]") {
  // G function: the closed form of a group's first-order index is
  // (prod_{i in g} (1 + V_i) - 1) / V.
  const std::vector<double> a = {0, 1, 9, 99};
  double product = 1.0;
  std::vector<double> vi;
  for (double ai : a) {
    vi.push_back(1.0 / (3 * (1 + ai) * (1 + ai)));
    product *= 1 + vi.back();
  }
  const double v = product - 1;
  const SobolResult r =
      sobol_indices(g_function(a), {{0, 1}, {2, 3}}, {"first two", "last two"}, settings(BaseSampling::sobol));
  CHECK(r.indices[0].name == "first two");
  CHECK(r.indices[0].first == Approx(((1 + vi[0]) * (1 + vi[1]) - 1) / v).margin(0.02));
  CHECK(r.indices[1].first == Approx(((1 + vi[2]) * (1 + vi[3]) - 1) / v).margin(0.02));
}

TEST_CASE("Sobol indices are identical for any number of threads", "[sensitivity][determinism]") {
  SobolSettings s = settings(BaseSampling::philox);
  s.base_samples = 2000;
  s.threads = 1;
  const SobolResult one = sobol_indices(ishigami(), singletons(3), {}, s);
  s.threads = 3;
  const SobolResult three = sobol_indices(ishigami(), singletons(3), {}, s);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(one.indices[i].first == three.indices[i].first);
    CHECK(one.indices[i].total_hi == three.indices[i].total_hi);
  }
}

TEST_CASE("Morris screening ranks the G function's inputs by their coefficients", "[sensitivity][morris]") {
  // Small a means an important input: mu* must come out in the order of a.
  const std::vector<double> a = {0, 1, 4.5, 9, 99, 99};
  MorrisSettings s;
  s.trajectories = 200;
  s.seed = 11;
  s.threads = 2;
  const MorrisResult r = morris_effects(g_function(a), singletons(a.size()), {}, s);
  REQUIRE(r.effects.size() == a.size());
  CHECK(r.evaluations == 200 * 7);
  for (std::size_t i = 1; i < 5; ++i) {
    INFO("x" << i << " vs x" << i + 1);
    CHECK(r.effects[i - 1].mu_star > r.effects[i].mu_star);
  }
  for (const auto& e : r.effects) {
    CHECK(e.mu_star >= std::fabs(e.mu));
    CHECK(e.sigma >= 0.0);
  }
}

TEST_CASE("Morris screening of a linear function gives its coefficients exactly", "[sensitivity][morris][exact]") {
  // f = 3 x1 - 2 x2 + 0 x3: every elementary effect is the coefficient.
  const CubeFunction linear{3, [](std::span<const double> points, std::span<double> out) {
                              for (std::size_t k = 0; k < out.size(); ++k) {
                                out[k] = 3 * points[3 * k] - 2 * points[3 * k + 1];
                              }
                            }};
  MorrisSettings s;
  s.trajectories = 20;
  const MorrisResult r = morris_effects(linear, singletons(3), {"a", "b", "c"}, s);
  CHECK(r.effects[0].mu == Approx(3.0).epsilon(1e-12));
  CHECK(r.effects[0].sigma == Approx(0.0).margin(1e-12));
  CHECK(r.effects[1].mu == Approx(-2.0).epsilon(1e-12));
  CHECK(r.effects[1].mu_star == Approx(2.0).epsilon(1e-12));
  CHECK(r.effects[2].mu_star == 0.0);
}

TEST_CASE("Morris screening is identical for any number of threads", "[sensitivity][morris][determinism]") {
  MorrisSettings s;
  s.trajectories = 50;
  s.threads = 1;
  const MorrisResult one = morris_effects(ishigami(), singletons(3), {}, s);
  s.threads = 3;
  const MorrisResult three = morris_effects(ishigami(), singletons(3), {}, s);
  for (std::size_t i = 0; i < 3; ++i) CHECK(one.effects[i].mu_star == three.effects[i].mu_star);
}

TEST_CASE("second-order Sobol indices of the Ishigami function match the analytic interaction",
          "[sensitivity][exact]") {
  // Only x1 and x3 interact: S13 = 8 b^2 pi^8 / 225 / V; S12 = S23 = 0.
  const double a = 7.0, b = 0.1, pi4 = std::pow(M_PI, 4), pi8 = std::pow(M_PI, 8);
  const double v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
  SobolSettings s = settings(BaseSampling::sobol);
  s.second_order = true;
  s.bootstrap = 0;
  const SobolResult r = sobol_indices(ishigami(), singletons(3), {}, s);
  REQUIRE(r.pairs.size() == 3);
  CHECK(r.evaluations == (1U << 14) * (2 * 3 + 2));
  CHECK(r.pairs[0].first == 0);
  CHECK(r.pairs[0].second == 1);
  CHECK(r.pairs[0].value == Approx(0.0).margin(0.03));
  CHECK(r.pairs[1].second == 2);
  CHECK(r.pairs[1].value == Approx(8 * b * b * pi8 / 225 / v).margin(0.03));
  CHECK(r.pairs[2].value == Approx(0.0).margin(0.03));
}

TEST_CASE("a constant offset leaves the Sobol indices of the Ishigami function unchanged", "[sobol][statistical]") {
  // Ishigami + 1000: E[f]^2 is 10^5 times Var[f]. Uncentred, the first-order
  // estimator's spread would be of order 1000 / sqrt(N) times the index.
  const IshigamiIndices exact = ishigami_indices();
  SobolSettings s = settings(BaseSampling::philox);
  s.bootstrap = 200;
  const SobolResult plain = sobol_indices(ishigami(), singletons(3), {}, s);
  const SobolResult offset = sobol_indices(ishigami(1000.0), singletons(3), {}, s);
  REQUIRE(offset.interval == SobolInterval::bootstrap);
  CHECK(offset.mean == Approx(plain.mean + 1000.0).epsilon(1e-12));
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("x" << i + 1);
    for (const SobolResult* r : {&plain, &offset}) {
      const SobolIndex& x = r->indices[i];
      CHECK(x.first == Approx(exact.first[i]).margin(0.03));
      CHECK(x.total == Approx(exact.total[i]).margin(0.03));
      CHECK(x.first_lo <= exact.first[i]);
      CHECK(x.first_hi >= exact.first[i]);
      CHECK(x.total_lo <= exact.total[i]);
      CHECK(x.total_hi >= exact.total[i]);
    }
    // Centred outputs: the offset changes the estimates by rounding only.
    CHECK(offset.indices[i].first == Approx(plain.indices[i].first).margin(1e-9));
    CHECK(offset.indices[i].first_hi == Approx(plain.indices[i].first_hi).margin(1e-9));
    CHECK(offset.indices[i].total == Approx(plain.indices[i].total).margin(1e-9));
  }
}

TEST_CASE("second-order indices are unchanged by a constant offset", "[sobol][statistical]") {
  SobolSettings s = settings(BaseSampling::philox);
  s.second_order = true;
  s.bootstrap = 0;
  const SobolResult plain = sobol_indices(ishigami(), singletons(3), {}, s);
  const SobolResult offset = sobol_indices(ishigami(1000.0), singletons(3), {}, s);
  REQUIRE(offset.pairs.size() == 3);
  CHECK(offset.pairs[1].value == Approx(ishigami_indices().s13).margin(0.03));
  for (std::size_t p = 0; p < 3; ++p) CHECK(offset.pairs[p].value == Approx(plain.pairs[p].value).margin(1e-9));
}

TEST_CASE("replicates of scrambled Sobol sequences give t intervals that cover the analytic indices",
          "[sobol][statistical]") {
  const IshigamiIndices exact = ishigami_indices();
  SobolSettings s = settings(BaseSampling::sobol);
  s.replicates = 16;
  for (double offset : {0.0, 1000.0}) {
    const SobolResult r = sobol_indices(ishigami(offset), singletons(3), {}, s);
    REQUIRE(r.interval == SobolInterval::replicates);
    CHECK(r.evaluations == (1U << 14) * 5);
    for (std::size_t i = 0; i < 3; ++i) {
      INFO("offset " << offset << ", x" << i + 1);
      const SobolIndex& x = r.indices[i];
      CHECK(x.first == Approx(exact.first[i]).margin(0.03));
      CHECK(x.total == Approx(exact.total[i]).margin(0.03));
      CHECK(x.first_lo <= exact.first[i]);
      CHECK(x.first_hi >= exact.first[i]);
      CHECK(x.total_lo <= exact.total[i]);
      CHECK(x.total_hi >= exact.total[i]);
      // The intervals measure something: not degenerate, and centred on the estimate.
      CHECK(x.first_hi - x.first_lo > 0.0);
      CHECK(x.first_hi - x.first_lo < 0.06);
      CHECK(x.first - x.first_lo == Approx(x.first_hi - x.first).margin(1e-12));
    }
  }
}

TEST_CASE("scrambled Sobol samples follow the seed and not the number of threads", "[sobol][determinism]") {
  SobolSettings s = settings(BaseSampling::sobol);
  s.base_samples = 2048;
  s.replicates = 8;
  s.threads = 1;
  const SobolResult one = sobol_indices(ishigami(), singletons(3), {}, s);
  s.threads = 4;
  const SobolResult four = sobol_indices(ishigami(), singletons(3), {}, s);
  s.seed += 1;
  const SobolResult other = sobol_indices(ishigami(), singletons(3), {}, s);
  CHECK(one.mean == four.mean);
  CHECK(one.mean != other.mean);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(one.indices[i].first == four.indices[i].first);
    CHECK(one.indices[i].first_lo == four.indices[i].first_lo);
    CHECK(one.indices[i].total_hi == four.indices[i].total_hi);
    CHECK(one.indices[i].first != other.indices[i].first);
  }
}

TEST_CASE("the base samples must split evenly into replicates of at least two rows", "[sobol][errors]") {
  SobolSettings s = settings(BaseSampling::sobol);
  s.base_samples = 1000;
  s.replicates = 3;
  CHECK_THROWS_AS(sobol_indices(ishigami(), singletons(3), {}, s), std::invalid_argument);
  s.replicates = 0;
  CHECK_THROWS_AS(sobol_indices(ishigami(), singletons(3), {}, s), std::invalid_argument);
  s.replicates = 1000;
  CHECK_THROWS_AS(sobol_indices(ishigami(), singletons(3), {}, s), std::invalid_argument);
  s.replicates = 500;
  CHECK(sobol_indices(ishigami(), singletons(3), {}, s).interval == SobolInterval::replicates);
}
