#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>

#include "parley/core/distribution.hpp"
#include "vector_clones.hpp"

namespace parley {

namespace {
// Double precision throughout: Boost.Math's default promotes to long double,
// which is several times slower and buys nothing at the accuracy we state.
// Densities that overflow (x -> 0 with a < 1) come back as inf: slope 0.
using DoublePolicy =
    boost::math::policies::policy<boost::math::policies::promote_float<false>,
                                  boost::math::policies::promote_double<false>,
                                  boost::math::policies::overflow_error<boost::math::policies::ignore_error>>;
// Boost 1.74's root finder can fail to converge deep in a tail (seen for
// Beta(0.5, 3) at p = 2^-30.6). Then bisect on the log of the distance to the
// near end of [0, 1], where the CDF (which Boost evaluates reliably) is monotone.
double bisect_tail(double a, double b, double target, bool upper) {
  double lo = -745.0;  // log of the distance from 0 (lower) or from 1 (upper)
  double hi = 0.0;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    const double d = std::exp(mid);
    const double tail =
        upper ? boost::math::ibetac(a, b, 1.0 - d, DoublePolicy()) : boost::math::ibeta(a, b, d, DoublePolicy());
    (tail < target ? lo : hi) = mid;
  }
  const double d = std::exp(0.5 * (lo + hi));
  return upper ? 1.0 - d : d;
}
double inverse(double a, double b, double p) {
  try {
    return boost::math::ibeta_inv(a, b, p, DoublePolicy());
  } catch (const std::exception&) {  // evaluation_error, or a domain_error from a wild Newton step
    return bisect_tail(a, b, p, false);
  }
}
double inverse_upper(double a, double b, double q) {
  try {
    return boost::math::ibetac_inv(a, b, q, DoublePolicy());
  } catch (const std::exception&) {
    return bisect_tail(a, b, q, true);
  }
}
double density(double a, double b, double x) {
  return boost::math::ibeta_derivative(a, b, x, DoublePolicy());
}

double hermite(double x0, double m0, double x1, double m1, double t, double h) {
  const double t2 = t * t;
  const double t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * x0 + (t3 - 2 * t2 + t) * h * m0 + (-2 * t3 + 3 * t2) * x1 + (t3 - t2) * h * m1;
}

// Tail probability of knot s: 2^-(kTailStart + s / kTailSteps).
double tail_probability(int s) {
  return std::exp2(-(BetaQuantileTable::kTailStart + static_cast<double>(s) / BetaQuantileTable::kTailSteps));
}
}  // namespace

BetaQuantileTable::BetaQuantileTable(double a, double b) : a_(a), b_(b) {
  for (int k = 0; k <= kCells; ++k) {
    const double p = static_cast<double>(k) / kCells;
    x_[k] = k == 0 ? 0.0 : k == kCells ? 1.0 : inverse(a, b, p);
    // dx/dp = 1 / density; the end knots are only used by the tail tables.
    const double f = (k == 0 || k == kCells) ? 0.0 : density(a, b, x_[k]);
    slope_[k] = f > 0.0 ? 1.0 / f : 0.0;
  }
  // Tails in the knot index s, p = 2^-(7 + s/32): dp/ds = -p ln2 / 32, so
  // dx/ds = -(p ln2 / 32) / density for the lower tail and + for the upper.
  constexpr double kLn2 = 0.69314718055994530942;
  for (int s = 0; s < kTailKnots; ++s) {
    const double q = tail_probability(s);
    lower_x_[s] = inverse(a, b, q);
    upper_x_[s] = inverse_upper(a, b, q);
    const double f_lower = density(a, b, lower_x_[s]);
    const double f_upper = density(a, b, upper_x_[s]);
    const double dq_ds = q * kLn2 / kTailSteps;
    lower_slope_[s] = f_lower > 0.0 && std::isfinite(f_lower) ? -dq_ds / f_lower : 0.0;
    upper_slope_[s] = f_upper > 0.0 && std::isfinite(f_upper) ? dq_ds / f_upper : 0.0;
  }
}

double BetaQuantileTable::tail(const double* x, const double* slope, double probability) const {
  const double s = (-std::log2(probability) - kTailStart) * kTailSteps;
  const int knot = std::clamp(static_cast<int>(s), 0, kTailKnots - 2);
  const double value = hermite(x[knot], slope[knot], x[knot + 1], slope[knot + 1], s - knot, 1.0);
  return std::clamp(value, std::min(x[knot], x[knot + 1]), std::max(x[knot], x[knot + 1]));
}

double BetaQuantileTable::operator()(double p) const {
  constexpr double kTail = 1.0 / (1 << kTailStart);
  constexpr double kDeepest = 0x1p-60;
  if (p < kTail) return p < kDeepest ? inverse(a_, b_, p) : tail(lower_x_, lower_slope_, p);
  const double q = 1.0 - p;
  if (q < kTail) return q < kDeepest ? inverse_upper(a_, b_, q) : tail(upper_x_, upper_slope_, q);
  const double scaled = p * kCells;
  // Clamped before the conversion, NaN to the last cell (min keeps its first
  // argument when the comparison fails): a NaN gives NaN, not a wild index.
  const int cell = static_cast<int>(std::max(0.0, std::min(kCells - 1.0, scaled)));
  const double x = hermite(x_[cell], slope_[cell], x_[cell + 1], slope_[cell + 1], scaled - cell, 1.0 / kCells);
  return std::clamp(x, x_[cell], x_[cell + 1]);
}

PARLEY_VECTOR_CLONES void BetaQuantileTable::map(const double* p, double* out, std::size_t n) const {
  // The table's cells for every p (the loop vectorises, gathering the knots),
  // then p in the tails (about 1.6%) one at a time: operator()'s bits. The
  // cell is clamped as in operator(); only the tails (and NaN) reach the
  // clamp's ends, and the tails' values are replaced.
  for (std::size_t i = 0; i < n; ++i) {
    const double scaled = p[i] * kCells;
    const int cell = static_cast<int>(std::max(0.0, std::min(kCells - 1.0, scaled)));
    const double x = hermite(x_[cell], slope_[cell], x_[cell + 1], slope_[cell + 1], scaled - cell, 1.0 / kCells);
    out[i] = std::clamp(x, x_[cell], x_[cell + 1]);
  }
  constexpr double kTail = 1.0 / (1 << kTailStart);
  for (std::size_t i = 0; i < n; ++i) {
    if (!(p[i] >= kTail && 1.0 - p[i] >= kTail)) out[i] = (*this)(p[i]);
  }
}

}  // namespace parley
