#include "parley/core/distribution.hpp"

#include <algorithm>
#include <atomic>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>
#include <vector>

#include "vector_clones.hpp"

namespace parley {

// kDistributionKinds must list every kind once, in declaration order: then
// position i holds the kind whose value is i, and the value after the last has
// no name (a kind added to name_of() but not to the list fails here).
constexpr bool lists_every_kind_in_order() {
  for (std::size_t i = 0; i < kDistributionKinds.size(); ++i) {
    if (static_cast<std::size_t>(kDistributionKinds[i]) != i || name_of(kDistributionKinds[i]).empty()) return false;
  }
  return name_of(static_cast<DistributionKind>(kDistributionKinds.size())).empty();
}
static_assert(lists_every_kind_in_order());

namespace {
constexpr auto kDistributionNames = [] {
  std::array<std::string_view, kDistributionKinds.size()> names{};
  for (std::size_t i = 0; i < names.size(); ++i) names[i] = name_of(kDistributionKinds[i]);
  return names;
}();
}  // namespace

std::optional<DistributionKind> distribution_from_name(std::string_view name) {
  for (const DistributionKind kind : kDistributionKinds) {
    if (name_of(kind) == name) return kind;
  }
  return std::nullopt;
}

std::span<const std::string_view> distribution_names() {
  return kDistributionNames;
}

Distribution Distribution::fixed(double v) {
  Distribution d;
  d.kind = DistributionKind::fixed;
  d.value = v;
  return d;
}
Distribution Distribution::uniform(double low, double high) {
  Distribution d;
  d.kind = DistributionKind::uniform;
  d.low = low;
  d.high = high;
  return d;
}
Distribution Distribution::normal(double mean, double sd) {
  Distribution d;
  d.kind = DistributionKind::normal;
  d.mean = mean;
  d.sd = sd;
  return d;
}
Distribution Distribution::triangular(double low, double mode, double high) {
  Distribution d;
  d.kind = DistributionKind::triangular;
  d.low = low;
  d.mode = mode;
  d.high = high;
  return d;
}
Distribution Distribution::beta(double a, double b, double low, double high) {
  Distribution d;
  d.kind = DistributionKind::beta;
  d.a = a;
  d.b = b;
  d.low = low;
  d.high = high;
  return d;
}
Distribution Distribution::lognormal(double mu, double sigma) {
  Distribution d;
  d.kind = DistributionKind::lognormal;
  d.mu = mu;
  d.sigma = sigma;
  return d;
}

Interval Distribution::support() const {
  constexpr double inf = std::numeric_limits<double>::infinity();
  switch (kind) {
    case DistributionKind::fixed:
      return {value, value};
    case DistributionKind::uniform:
    case DistributionKind::triangular:
    case DistributionKind::beta:
      return {low, high};
    case DistributionKind::normal:
      return {-inf, inf};
    case DistributionKind::lognormal:
      return {0.0, inf};
  }
  return {};
}

double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}
double normal_survival(double x) {
  return 0.5 * std::erfc(x / std::sqrt(2.0));
}

// PPND16's central region |p - 1/2| <= 0.425 as a function of q = p - 1/2.
// Separate so that TruncatedQuantile::map runs it over a batch (it vectorises)
// and gives normal_quantile's bits.
namespace {
inline double normal_quantile_central(double q) {
  const double r = 0.180625 - q * q;
  return q *
         (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r + 6.7265770927008700853e+4) * r +
              4.5921953931549871457e+4) *
                 r +
             1.3731693765509461125e+4) *
                r +
            1.9715909503065514427e+3) *
               r +
           1.3314166789178437745e+2) *
              r +
          3.3871328727963666080e+0) /
         (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r + 3.9307895800092710610e+4) * r +
              2.1213794301586595867e+4) *
                 r +
             5.3941960214247511077e+3) *
                r +
            6.8718700749205790830e+2) *
               r +
           4.2313330701600911252e+1) *
              r +
          1.0);
}
}  // namespace

// Wichura, M. J. (1988). Algorithm AS 241: The percentage points of the
// normal distribution. Applied Statistics 37(3), 477-484. (PPND16)
double normal_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) {
    if (p == 0.0) return -std::numeric_limits<double>::infinity();
    if (p == 1.0) return std::numeric_limits<double>::infinity();
    return std::numeric_limits<double>::quiet_NaN();
  }
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) return normal_quantile_central(q);
  double r = q < 0.0 ? p : 1.0 - p;
  r = std::sqrt(-std::log(r));
  double value = 0.0;
  if (r <= 5.0) {
    r -= 1.6;
    value = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r + 2.41780725177450611770e-1) * r +
                 1.27045825245236838258e+0) *
                    r +
                3.64784832476320460504e+0) *
                   r +
               5.76949722146069140550e+0) *
                  r +
              4.63033784615654529590e+0) *
                 r +
             1.42343711074968357734e+0) /
            (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r + 1.51986665636164571966e-2) * r +
                 1.48103976427480074590e-1) *
                    r +
                6.89767334985100004550e-1) *
                   r +
               1.67638483018380384940e+0) *
                  r +
              2.05319162663775882187e+0) *
                 r +
             1.0);
  } else {
    r -= 5.0;
    value = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.24266094738807843860e-3) * r +
                 2.65321895265761230930e-2) *
                    r +
                2.96560571828504891230e-1) *
                   r +
               1.78482653991729133580e+0) *
                  r +
              5.46378491116411436990e+0) *
                 r +
             6.65790464350110377720e+0) /
            (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r + 1.84631831751005468180e-5) * r +
                 7.86869131145613259100e-4) *
                    r +
                1.48753612908506148525e-2) *
                   r +
               1.36929880922735805310e-1) *
                  r +
              5.99832206555887937690e-1) *
                 r +
             1.0);
  }
  return q < 0.0 ? -value : value;
}

double Distribution::cdf(double x) const {
  switch (kind) {
    case DistributionKind::fixed:
      return x < value ? 0.0 : 1.0;
    case DistributionKind::uniform:
      if (x <= low) return 0.0;
      if (x >= high) return 1.0;
      return (x - low) / (high - low);
    case DistributionKind::normal:
      return normal_cdf((x - mean) / sd);
    case DistributionKind::triangular:
      if (x <= low) return 0.0;
      if (x >= high) return 1.0;
      if (x <= mode) return (x - low) * (x - low) / ((high - low) * (mode - low));
      return 1.0 - (high - x) * (high - x) / ((high - low) * (high - mode));
    case DistributionKind::beta: {
      if (x <= low) return 0.0;
      if (x >= high) return 1.0;
      return boost::math::ibeta(a, b, (x - low) / (high - low));
    }
    case DistributionKind::lognormal:
      if (x <= 0.0) return 0.0;
      return normal_cdf((std::log(x) - mu) / sigma);
  }
  return 0.0;
}

double Distribution::quantile(double p) const {
  switch (kind) {
    case DistributionKind::fixed:
      return value;
    case DistributionKind::uniform:
      return low + p * (high - low);
    case DistributionKind::normal:
      return mean + sd * normal_quantile(p);
    case DistributionKind::triangular: {
      const double split = (mode - low) / (high - low);
      if (p <= split) return low + std::sqrt(p * (high - low) * (mode - low));
      return high - std::sqrt((1.0 - p) * (high - low) * (high - mode));
    }
    case DistributionKind::beta:
      return low + (high - low) * boost::math::ibeta_inv(a, b, p);
    case DistributionKind::lognormal:
      return std::exp(mu + sigma * normal_quantile(p));
  }
  return value;
}

namespace {
// Standardised variable of the normal family: z for normal, log-z for lognormal.
double standardise(const Distribution& d, double x) {
  if (d.kind == DistributionKind::normal) return (x - d.mean) / d.sd;
  if (x <= 0.0) return -std::numeric_limits<double>::infinity();
  return (std::log(x) - d.mu) / d.sigma;
}
double unstandardise(const Distribution& d, double z) {
  if (d.kind == DistributionKind::normal) return d.mean + d.sd * z;
  return std::exp(d.mu + d.sigma * z);
}
// Scenarios reuse a few beta shapes across many inputs: one table per shape
// (a, b), shared while any input uses it. The table is of the untruncated
// Beta(a, b) on [0, 1]; truncation and [low, high] are applied around it, so
// they are not part of the key. A table is about 120 KiB and takes some 7 ms
// to build, so the last kRetained tables built stay alive after their last
// user is gone: code that builds and drops models or quantiles one after the
// other (validation, sweeps) does not rebuild them each time.
std::shared_ptr<const BetaQuantileTable> shared_beta_table(double a, double b) {
  constexpr std::size_t kRetained = 16;
  static std::mutex mutex;
  static std::map<std::pair<double, double>, std::weak_ptr<const BetaQuantileTable>> tables;
  static std::size_t swept_size = 0;                                    // size of `tables` after the last sweep
  static std::vector<std::shared_ptr<const BetaQuantileTable>> recent;  // ring of the last kRetained built
  static std::size_t next_recent = 0;
  {
    const std::lock_guard lock(mutex);
    if (auto table = tables[{a, b}].lock()) return table;
  }
  // Built outside the lock, so that threads needing different shapes build
  // them in parallel. Not make_shared: the weak_ptr left in the map would keep
  // the whole allocation alive after the table expires.
  std::shared_ptr<const BetaQuantileTable> built(new BetaQuantileTable(a, b));
  const std::lock_guard lock(mutex);
  auto& slot = tables[{a, b}];
  if (auto table = slot.lock()) return table;  // another thread was first: same values, keep one
  slot = built;
  if (recent.size() < kRetained) {
    recent.push_back(built);
  } else {
    recent[next_recent] = built;
    next_recent = (next_recent + 1) % kRetained;
  }
  // Drop expired entries whenever the map has doubled: amortised O(1) each.
  if (tables.size() > 2 * swept_size + kRetained) {
    std::erase_if(tables, [](const auto& entry) { return entry.second.expired(); });
    swept_size = tables.size();
  }
  return built;
}
}  // namespace

// The table of a beta input, fetched on first use: building a quantile only to
// learn its range (as validation does) costs no table.
class BetaTableSlot {
 public:
  BetaTableSlot(double a, double b) : a_(a), b_(b) {}
  [[nodiscard]] const BetaQuantileTable& get() const {
    if (const BetaQuantileTable* table = ready_.load(std::memory_order_acquire)) return *table;
    const std::lock_guard lock(mutex_);
    if (!table_) {
      table_ = shared_beta_table(a_, b_);
      ready_.store(table_.get(), std::memory_order_release);
    }
    return *table_;
  }

 private:
  double a_;
  double b_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const BetaQuantileTable> table_;
  mutable std::atomic<const BetaQuantileTable*> ready_{nullptr};
};

TruncatedQuantile::TruncatedQuantile(const Distribution& dist, Interval allowed) : dist_(dist) {
  const Interval natural = dist.support();
  range_ = {std::max(natural.lo, allowed.lo), std::min(natural.hi, allowed.hi)};
  if (dist.kind == DistributionKind::fixed) {
    if (!allowed.contains(dist.value)) throw std::domain_error("fixed value outside the allowed interval");
    range_ = {dist.value, dist.value};
    return;
  }
  if (!(range_.lo < range_.hi)) throw std::domain_error("no probability mass in the allowed interval");
  const bool normal_family = dist.kind == DistributionKind::normal || dist.kind == DistributionKind::lognormal;
  if (normal_family) {
    const double z_lo = standardise(dist, range_.lo);
    const double z_hi = standardise(dist, range_.hi);
    // In the upper tail F(x) rounds to 1: condition on survival probabilities instead.
    upper_tail_ = z_lo > 0.0;
    if (upper_tail_) {
      cdf_lo_ = normal_survival(z_lo);
      mass_ = cdf_lo_ - normal_survival(z_hi);
    } else {
      cdf_lo_ = normal_cdf(z_lo);
      mass_ = normal_cdf(z_hi) - cdf_lo_;
    }
  } else {
    cdf_lo_ = dist.cdf(range_.lo);
    mass_ = dist.cdf(range_.hi) - cdf_lo_;
  }
  cdf_span_ = mass_;
  if (!(mass_ > 1e-12)) throw std::domain_error("no probability mass in the allowed interval");
  if (dist.kind == DistributionKind::beta) beta_ = std::make_shared<const BetaTableSlot>(dist.a, dist.b);
}

double TruncatedQuantile::operator()(double u) const {
  double x = 0.0;
  switch (dist_.kind) {
    case DistributionKind::fixed:
      return dist_.value;
    case DistributionKind::normal:
    case DistributionKind::lognormal:
      if (upper_tail_) {
        x = unstandardise(dist_, -normal_quantile(cdf_lo_ - u * cdf_span_));
      } else {
        x = unstandardise(dist_, normal_quantile(cdf_lo_ + u * cdf_span_));
      }
      break;
    case DistributionKind::beta:
      x = dist_.low + (dist_.high - dist_.low) * beta_->get()(cdf_lo_ + u * cdf_span_);
      break;
    default:
      x = dist_.quantile(cdf_lo_ + u * cdf_span_);
      break;
  }
  // Rounding at the edges of the interval must not step outside it.
  return std::clamp(x, range_.lo, range_.hi);
}

PARLEY_VECTOR_CLONES void TruncatedQuantile::map(const double* u, double* out, std::size_t n) const {
  const double lo = range_.lo;
  const double hi = range_.hi;
  const double start = cdf_lo_;
  const double span = cdf_span_;
  switch (dist_.kind) {
    case DistributionKind::fixed:
      for (std::size_t i = 0; i < n; ++i) out[i] = dist_.value;
      return;
    case DistributionKind::uniform: {
      const double low = dist_.low;
      const double width = dist_.high - dist_.low;
      for (std::size_t i = 0; i < n; ++i) out[i] = std::clamp(low + (start + u[i] * span) * width, lo, hi);
      return;
    }
    case DistributionKind::triangular: {
      const double low = dist_.low;
      const double high = dist_.high;
      const double mode = dist_.mode;
      const double split = (mode - low) / (high - low);
      // Both branches for every draw, then a select: the loop vectorises
      // (the arguments of the unused branch may be negative; their NaN is
      // never selected). The same operations as operator(), so the same bits.
      for (std::size_t i = 0; i < n; ++i) {
        const double p = start + u[i] * span;
        const double left = low + std::sqrt(p * (high - low) * (mode - low));
        const double right = high - std::sqrt((1.0 - p) * (high - low) * (high - mode));
        out[i] = std::clamp(p <= split ? left : right, lo, hi);
      }
      return;
    }
    case DistributionKind::normal:
    case DistributionKind::lognormal: {
      // PPND16's central region for every draw (the loop vectorises), then the
      // draws outside it (about 15%) one at a time: normal_quantile's bits.
      // In the upper tail p and z are mirrored, as in operator().
      const bool upper = upper_tail_;
      for (std::size_t i = 0; i < n; ++i) {
        const double p = upper ? start - u[i] * span : start + u[i] * span;
        const double z = normal_quantile_central(p - 0.5);
        out[i] = upper ? -z : z;
      }
      for (std::size_t i = 0; i < n; ++i) {
        const double p = upper ? start - u[i] * span : start + u[i] * span;
        if (!(std::fabs(p - 0.5) <= 0.425)) out[i] = upper ? -normal_quantile(p) : normal_quantile(p);
      }
      if (dist_.kind == DistributionKind::normal) {
        const double mean = dist_.mean;
        const double sd = dist_.sd;
        for (std::size_t i = 0; i < n; ++i) out[i] = std::clamp(mean + sd * out[i], lo, hi);
      } else {
        for (std::size_t i = 0; i < n; ++i) out[i] = std::clamp(std::exp(dist_.mu + dist_.sigma * out[i]), lo, hi);
      }
      return;
    }
    case DistributionKind::beta: {
      const BetaQuantileTable& table = beta_->get();
      const double low = dist_.low;
      const double width = dist_.high - dist_.low;
      constexpr std::size_t kStep = 64;
      double p[kStep];
      for (std::size_t first = 0; first < n; first += kStep) {
        const std::size_t count = std::min(kStep, n - first);
        for (std::size_t i = 0; i < count; ++i) p[i] = start + u[first + i] * span;
        table.map(p, out + first, count);
        for (std::size_t i = 0; i < count; ++i) out[first + i] = std::clamp(low + width * out[first + i], lo, hi);
      }
      return;
    }
  }
}

}  // namespace parley
