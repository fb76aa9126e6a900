#pragma once
// exp, log and powers written for loops over a batch of draws: no libm call
// and only selects, so that GCC vectorises the loops that call them (SSE2 in
// the portable build, AVX2 in the batch evaluator's clones; parley_core is
// compiled with -fno-trapping-math so that the selects if-convert). Results
// do not depend on the vector width: no fused multiply-adds, the same
// operations in the same order on every lane.
//
// Accuracy, tested against libm in tests/test_vector_math.cpp: exp, log and
// the logistic within 1e-15 relative (a few units in the last place) wherever
// the result is a normal number; d^rho within 2e-13 (the rounding of
// rho log d, grown by up to |rho log d| <= 745 through exp); exp of arguments
// below about -745 is 0, and a power of a distance below 1e-300 is 0.

#include <algorithm>
#include <bit>
#include <cstdint>

namespace parley {

namespace detail {
inline constexpr double kRoundShift = 0x1.8p52;  // adding it rounds to a whole number kept in the low bits
inline constexpr double kLog2e = 1.4426950408889634074;
inline constexpr double kLn2High = 0x1.62e42fefa3800p-1;  // ln 2 in two parts (Cody and Waite 1980):
inline constexpr double kLn2Low = 0x1.ef35793c76730p-45;  // n * kLn2High is exact for |n| < 2^11
inline constexpr double kSqrt2 = 1.4142135623730950488;

// 2^n for a whole number n in [-1022, 1023], built from its bits.
inline double exp2_whole(double n) {
  const std::uint64_t k = std::bit_cast<std::uint64_t>(n + kRoundShift) - std::bit_cast<std::uint64_t>(kRoundShift);
  return std::bit_cast<double>((k + 1023) << 52);
}
}  // namespace detail

/// e^x for x <= 0: 0 below about -745; NaN stays NaN.
inline double exp_nonpositive(double x) {
  using namespace detail;
  x = std::max(x, -746.0);
  const double n = (x * kLog2e + kRoundShift) - kRoundShift;  // the whole number nearest x / ln 2
  const double r = (x - n * kLn2High) - n * kLn2Low;          // |r| <= ln 2 / 2
  // e^r by its Taylor series to r^13 / 13! (truncation below 2e-17, relative).
  double p = 1.0 / 6227020800.0;
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  // 2^n as two factors, so that n down to -1076 needs no subnormal scale.
  const double half = (n * 0.5 + kRoundShift) - kRoundShift;
  return p * exp2_whole(half) * exp2_whole(n - half);
}

/// The natural logarithm of a normal positive number (x >= 2^-1022).
inline double log_normal_positive(double x) {
  using namespace detail;
  const auto bits = std::bit_cast<std::uint64_t>(x);
  // x = m 2^e with m in [1, 2), then m in [sqrt(1/2), sqrt(2)).
  const double biased = std::bit_cast<double>((bits >> 52) + std::bit_cast<std::uint64_t>(kRoundShift)) - kRoundShift;
  auto m = std::bit_cast<double>((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);
  const bool high = m > kSqrt2;
  m = high ? m * 0.5 : m;
  const double e = biased - (high ? 1022.0 : 1023.0);
  // log m = 2 atanh(s) = 2 (s + s^3/3 + ...), s = (m - 1) / (m + 1), |s| <= 0.172.
  const double s = (m - 1.0) / (m + 1.0);
  const double s2 = s * s;
  double q = 1.0 / 23.0;
  q = q * s2 + 1.0 / 21.0;
  q = q * s2 + 1.0 / 19.0;
  q = q * s2 + 1.0 / 17.0;
  q = q * s2 + 1.0 / 15.0;
  q = q * s2 + 1.0 / 13.0;
  q = q * s2 + 1.0 / 11.0;
  q = q * s2 + 1.0 / 9.0;
  q = q * s2 + 1.0 / 7.0;
  q = q * s2 + 1.0 / 5.0;
  q = q * s2 + 1.0 / 3.0;
  const double log_m = 2.0 * s + 2.0 * s * s2 * q;
  return e * kLn2High + (log_m + e * kLn2Low);
}

/// d^rho for a distance d in [0, 1] and rho >= 1: 0 for d below 1e-300.
inline double power_of_distance(double d, double rho) {
  const double safe = std::max(d, 1e-300);
  const double value = exp_nonpositive(rho * log_normal_positive(safe));
  return d < 1e-300 ? 0.0 : value;
}

/// The logistic function 1 / (1 + e^-x), for any x without overflow.
inline double logistic(double x) {
  const double e = exp_nonpositive(x < 0.0 ? x : -x);  // e^-|x|
  const double inverse = 1.0 / (1.0 + e);
  return x >= 0.0 ? inverse : e * inverse;
}

}  // namespace parley
