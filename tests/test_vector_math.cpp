#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "parley/core/sampler.hpp"
#include "parley/core/vector_math.hpp"

using namespace parley;

namespace {
double relative_error(double got, double expected) {
  return std::fabs(got - expected) / std::fabs(expected);
}
}  // namespace

TEST_CASE("exp_nonpositive is within 1e-15 of libm's exp, relative, down to -708", "[vector_math]") {
  const PhiloxCube cube(17);
  double worst = 0.0;
  for (std::uint64_t j = 0; j < 200000; ++j) {
    // Spread over the whole range and densely near 0.
    const double scale = j % 3 == 0 ? 708.0 : (j % 3 == 1 ? 40.0 : 1.0);
    const double x = -scale * cube.coordinate(j, 0);
    worst = std::max(worst, relative_error(exp_nonpositive(x), std::exp(x)));
  }
  CHECK(worst < 1e-15);
  CHECK(exp_nonpositive(0.0) == 1.0);
  CHECK(exp_nonpositive(-746.0) == 0.0);
  CHECK(exp_nonpositive(-1e300) == 0.0);
  CHECK(exp_nonpositive(-std::numeric_limits<double>::infinity()) == 0.0);
  CHECK(std::isnan(exp_nonpositive(std::numeric_limits<double>::quiet_NaN())));
}

TEST_CASE("log_normal_positive is within 1e-15 of libm's log, relative, over normal numbers", "[vector_math]") {
  const PhiloxCube cube(18);
  double worst = 0.0;
  for (std::uint64_t j = 0; j < 200000; ++j) {
    const double x = std::exp(-700.0 * cube.coordinate(j, 0)) * (0.5 + 1.5 * cube.coordinate(j, 1));
    if (x == 1.0) continue;
    worst = std::max(worst, relative_error(log_normal_positive(x), std::log(x)));
  }
  CHECK(worst < 1e-15);
  CHECK(log_normal_positive(1.0) == 0.0);
  CHECK(log_normal_positive(0.5) == Approx(-std::log(2.0)).epsilon(1e-16));
  CHECK(log_normal_positive(std::numeric_limits<double>::min()) == Approx(std::log(0x1p-1022)).epsilon(1e-15));
}

TEST_CASE("power_of_distance is within 2e-13 of libm's pow for distances in [0, 1] and rho in [1, 100]",
          "[vector_math]") {
  const PhiloxCube cube(19);
  double worst = 0.0;
  for (std::uint64_t j = 0; j < 200000; ++j) {
    const double d = cube.coordinate(j, 0);
    const double rho = 1.0 + (j % 2 == 0 ? 4.0 : 99.0) * cube.coordinate(j, 1);
    const double expected = std::pow(d, rho);
    if (expected < 1e-300) continue;
    worst = std::max(worst, relative_error(power_of_distance(d, rho), expected));
  }
  // The error of rho log d (a few units in its last place) grows by |rho log d|
  // <= 745 through exp: at most about 2e-13.
  INFO("worst relative error " << worst);
  CHECK(worst < 2e-13);
  CHECK(power_of_distance(0.0, 2.0) == 0.0);
  CHECK(power_of_distance(1.0, 3.0) == 1.0);
  CHECK(power_of_distance(1e-301, 1.5) == 0.0);  // below 1e-300 counts as 0
}

TEST_CASE("logistic is within 1e-15 of the libm form and never overflows", "[vector_math]") {
  const PhiloxCube cube(20);
  double worst = 0.0;
  for (std::uint64_t j = 0; j < 200000; ++j) {
    const double x = 100.0 * (cube.coordinate(j, 0) - 0.5);
    const double expected = x >= 0.0 ? 1.0 / (1.0 + std::exp(-x)) : std::exp(x) / (1.0 + std::exp(x));
    worst = std::max(worst, relative_error(logistic(x), expected));
  }
  CHECK(worst < 1e-15);
  CHECK(logistic(0.0) == 0.5);
  CHECK(logistic(1e308) == 1.0);
  CHECK(logistic(-1e308) == 0.0);
  CHECK(logistic(-800.0) == 0.0);
}
