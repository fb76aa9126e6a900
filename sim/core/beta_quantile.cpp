#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>

#include "parley/distribution.hpp"

namespace parley {

BetaQuantileTable::BetaQuantileTable(double a, double b) : a_(a), b_(b) {
  for (int k = 0; k <= kCells; ++k) {
    const double p = static_cast<double>(k) / kCells;
    x_[k] = k == 0 ? 0.0 : k == kCells ? 1.0 : boost::math::ibeta_inv(a, b, p);
    // dx/dp = 1 / density; only used in the interior cells, where it is finite.
    const double density = (k == 0 || k == kCells) ? 0.0 : boost::math::ibeta_derivative(a, b, x_[k]);
    slope_[k] = density > 0.0 ? 1.0 / density : 0.0;
  }
}

double BetaQuantileTable::operator()(double p) const {
  const double scaled = p * kCells;
  const int cell = std::clamp(static_cast<int>(scaled), 0, kCells - 1);
  // The end cells hold the singular behaviour of x ~ p^(1/a) and (1-p)^(1/b):
  // evaluate them exactly (1.6% of calls).
  if (cell < kExactCells || cell >= kCells - kExactCells) return boost::math::ibeta_inv(a_, b_, p);
  const double h = 1.0 / kCells;
  const double t = scaled - cell;
  const double t2 = t * t;
  const double t3 = t2 * t;
  const double h00 = 2 * t3 - 3 * t2 + 1;
  const double h10 = t3 - 2 * t2 + t;
  const double h01 = -2 * t3 + 3 * t2;
  const double h11 = t3 - t2;
  const double x = h00 * x_[cell] + h10 * h * slope_[cell] + h01 * x_[cell + 1] + h11 * h * slope_[cell + 1];
  return std::clamp(x, x_[cell], x_[cell + 1]);
}

}  // namespace parley
