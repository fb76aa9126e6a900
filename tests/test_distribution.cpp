#include <algorithm>
#include <bit>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <thread>
#include <vector>

#include "parley/core/distribution.hpp"
#include "parley/core/sampler.hpp"
#include "parley/core/statistics.hpp"

using parley::Distribution;
using parley::Interval;
using parley::TruncatedQuantile;

TEST_CASE("the AS241 normal quantile matches Boost.Math to 1e-14 from the far tails to the centre",
          "[distribution][exact]") {
  const boost::math::normal standard;
  for (double p : {1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.02425, 0.1, 0.3, 0.425, 0.5, 0.6, 0.9, 0.975, 0.999999,
                   1.0 - 1e-12}) {
    const double expected = boost::math::quantile(standard, p);
    INFO("p = " << p);
    CHECK(parley::normal_quantile(p) == Approx(expected).epsilon(1e-14).margin(1e-15));
  }
  CHECK(std::isinf(parley::normal_quantile(0.0)));
  CHECK(std::isnan(parley::normal_quantile(1.5)));
}

TEST_CASE("every distribution kind's name reads back as that kind, in the order of the names list",
          "[distribution][exact]") {
  const auto names = parley::distribution_names();
  REQUIRE(names.size() == parley::kDistributionKinds.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    const parley::DistributionKind kind = parley::kDistributionKinds[i];
    CHECK(names[i] == parley::name_of(kind));
    CHECK(parley::distribution_from_name(names[i]) == kind);
  }
  CHECK(names.front() == "fixed");
  CHECK_FALSE(parley::distribution_from_name("Normal"));
  CHECK_FALSE(parley::distribution_from_name(""));
}

TEST_CASE("every distribution's quantile inverts its CDF", "[distribution][exact]") {
  const std::vector<Distribution> all = {Distribution::uniform(-1, 3), Distribution::normal(2, 0.5),
                                         Distribution::triangular(0, 0.2, 1), Distribution::beta(2, 5, 10, 20),
                                         Distribution::lognormal(0.1, 0.4)};
  for (const auto& d : all) {
    for (double p : {0.001, 0.05, 0.3, 0.5, 0.77, 0.99}) {
      INFO(parley::to_string(d.kind) << " p = " << p);
      CHECK(d.cdf(d.quantile(p)) == Approx(p).epsilon(1e-10));
    }
  }
}

TEST_CASE("a truncated distribution is conditioned on its interval, not clamped", "[distribution][exact]") {
  const Distribution d = Distribution::normal(0.45, 0.3);
  const TruncatedQuantile q(d, Interval{0.0, 1.0});
  const double f_lo = d.cdf(0.0);
  const double f_hi = d.cdf(1.0);
  CHECK(q.mass() == Approx(f_hi - f_lo).epsilon(1e-14));
  for (double u : {1e-9, 0.01, 0.25, 0.5, 0.75, 0.99, 1 - 1e-9}) {
    const double x = q(u);
    REQUIRE(x >= 0.0);
    REQUIRE(x <= 1.0);
    // The conditional CDF at x(u) is u: exact inverse-CDF truncation.
    CHECK((d.cdf(x) - f_lo) / (f_hi - f_lo) == Approx(u).epsilon(1e-9).margin(1e-12));
  }
}

TEST_CASE("truncation far in the upper tail stays accurate", "[distribution][exact]") {
  const TruncatedQuantile q(Distribution::normal(0, 1), Interval{6.0, 7.0});
  double previous = 6.0;
  for (double u : {0.001, 0.1, 0.5, 0.9, 0.999}) {
    const double x = q(u);
    CHECK(x > previous);
    CHECK(x < 7.0);
    previous = x;
  }
  // Conditional median of N(0,1) on [6, 7]: Q(x) = (Q(6) + Q(7)) / 2.
  const double target = (parley::normal_survival(6.0) + parley::normal_survival(7.0)) / 2;
  CHECK(parley::normal_survival(q(0.5)) == Approx(target).epsilon(1e-9));
}

TEST_CASE("a distribution with no mass in the allowed interval is refused", "[distribution][errors]") {
  CHECK_THROWS_AS(TruncatedQuantile(Distribution::uniform(2, 3), Interval{0, 1}), std::domain_error);
  CHECK_THROWS_AS(TruncatedQuantile(Distribution::normal(100, 1), Interval{0, 1}), std::domain_error);
  CHECK_THROWS_AS(TruncatedQuantile(Distribution::fixed(1.5), Interval{0, 1}), std::domain_error);
}

TEST_CASE("the beta quantile table is within 1e-8 of the exact inverse", "[distribution][exact]") {
  for (double a : {0.5, 1.0, 2.0, 5.0, 50.0}) {
    for (double b : {0.5, 1.0, 3.0, 50.0}) {
      const parley::BetaQuantileTable table(a, b);
      double worst = 0.0;
      for (int k = 1; k < 20000; ++k) {
        const double p = (k - 0.37) / 20000.0;
        worst = std::max(worst, std::fabs(table(p) - boost::math::ibeta_inv(a, b, p)));
      }
      // Deep in both tails, where the table switches to log2-spaced knots.
      // Boost's own inverse does not always converge there: such points are
      // checked through the CDF instead.
      for (double q = 1e-3; q > 1e-17; q *= 0.37) {
        try {
          worst = std::max(worst, std::fabs(table(q) - boost::math::ibeta_inv(a, b, q)));
        } catch (const std::exception&) {
          CHECK(boost::math::ibeta(a, b, table(q)) == Approx(q).epsilon(1e-7));
        }
        const double upper = 1.0 - q;
        try {
          worst = std::max(worst, std::fabs(table(upper) - boost::math::ibetac_inv(a, b, 1.0 - upper)));
        } catch (const std::exception&) {
          CHECK(std::fabs(boost::math::ibetac(a, b, table(upper)) - (1.0 - upper)) < 1e-8);
        }
      }
      INFO("a = " << a << ", b = " << b);
      CHECK(worst < 1e-8);
    }
  }
}

TEST_CASE("beta quantiles of one shape give their table's values, first used from one thread or many",
          "[distribution][property]") {
  // The table is shared by shape and built on first use: copies, other
  // truncations and concurrent first calls all see the same numbers.
  const parley::BetaQuantileTable table(2.5, 4.0);
  const TruncatedQuantile whole(Distribution::beta(2.5, 4.0), Interval{0.0, 1.0});
  const TruncatedQuantile part(Distribution::beta(2.5, 4.0), Interval{0.2, 0.7});  // its range only: no table yet
  CHECK(part.range().lo == 0.2);
  std::vector<double> first(4000);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const TruncatedQuantile copy = whole;
      for (int k = t; k < 4000; k += 4) first[static_cast<std::size_t>(k)] = copy((k + 0.5) / 4000.0);
    });
  }
  for (auto& thread : threads) thread.join();
  for (int k = 0; k < 4000; ++k) {
    const double u = (k + 0.5) / 4000.0;
    CHECK(first[static_cast<std::size_t>(k)] == std::clamp(table(u), 0.0, 1.0));
    CHECK(whole(u) == first[static_cast<std::size_t>(k)]);
    const double x = part(u);
    CHECK((x >= 0.2 && x <= 0.7));
  }
}

TEST_CASE("Philox draws of a truncated normal have the conditional mean within 4 standard errors",
          "[distribution][statistical]") {
  // N(0.45, 0.3) on [0, 1]: E = mu + sd (phi(a) - phi(b)) / (Phi(b) - Phi(a)).
  const double mu = 0.45;
  const double sd = 0.3;
  const TruncatedQuantile q(Distribution::normal(mu, sd), Interval{0.0, 1.0});
  const parley::PhiloxCube cube(20251120);
  parley::MeanAccumulator acc;
  for (std::uint64_t j = 0; j < 200000; ++j) acc.add(q(cube.coordinate(j, 0)));
  const double a = (0.0 - mu) / sd;
  const double b = (1.0 - mu) / sd;
  auto phi = [](double z) { return std::exp(-z * z / 2) / std::sqrt(2 * M_PI); };
  const double expected = mu + sd * (phi(a) - phi(b)) / (parley::normal_cdf(b) - parley::normal_cdf(a));
  CHECK(std::fabs(acc.mean() - expected) < 4 * acc.standard_error());
}

TEST_CASE("mapping many points at once gives the same values bit for bit", "[distribution][exact]") {
  const std::vector<Distribution> all = {Distribution::fixed(0.3),       Distribution::uniform(-1, 3),
                                         Distribution::normal(0.2, 0.5), Distribution::triangular(0, 0.2, 1),
                                         Distribution::beta(2, 5, 0, 1), Distribution::lognormal(-1, 0.4)};
  // The body of each distribution and deep in both tails, where the batch
  // paths of the normal and beta fall back to the scalar one; more than one
  // 64-value step of the beta's buffer.
  std::vector<double> u;
  for (int k = 1; k < 500; ++k) u.push_back(k / 500.0);
  for (const double tail : {1e-3, 1e-7, 1e-12, 1e-17}) {
    u.push_back(tail);
    u.push_back(1.0 - tail);
  }
  // The whole line, a piece in the upper tail (the normal then works with
  // survival probabilities) and one in the lower.
  for (const Interval allowed : {Interval{0.0, 1.0}, Interval{0.75, 1.0}, Interval{0.01, 0.1}}) {
    for (const auto& d : all) {
      if (d.kind == parley::DistributionKind::fixed && !(allowed.lo <= d.value && d.value <= allowed.hi)) continue;
      const TruncatedQuantile q(d, allowed);
      std::vector<double> out(u.size());
      q.map(u.data(), out.data(), u.size());
      for (std::size_t i = 0; i < u.size(); ++i) {
        INFO(parley::to_string(d.kind) << " on [" << allowed.lo << ", " << allowed.hi << "], u = " << u[i]);
        CHECK(std::bit_cast<std::uint64_t>(out[i]) == std::bit_cast<std::uint64_t>(q(u[i])));
      }
    }
  }
}
