#include "parley/core/sensitivity.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <boost/random/sobol.hpp>
#include <cmath>
#include <stdexcept>

#include "parley/core/parallel.hpp"
#include "parley/core/sampler.hpp"

namespace parley {

namespace {

// A 64-bit mixing function (the finaliser of splitmix64, Steele et al. 2014):
// the hash behind the scramble below.
std::uint64_t mix(std::uint64_t v) {
  v ^= v >> 30;
  v *= 0xbf58476d1ce4e5b9ULL;
  v ^= v >> 27;
  v *= 0x94d049bb133111ebULL;
  v ^= v >> 31;
  return v;
}

// Owen's (1995) nested uniform scramble of one coordinate of a 32-bit Sobol
// point, as a hash of each digit's prefix (the construction of pbrt-v4's
// OwenScrambler): digit b is flipped or not by a random function of the
// digits above it, so each scrambled sequence is uniform on the cube and
// keeps its low discrepancy. The 32 digits below (zero in the sequence) are
// scrambled alike, i.e. drawn from a hash of the whole 32-bit prefix.
std::uint64_t owen_scramble(std::uint32_t v, std::uint64_t seed) {
  std::uint32_t high = v;
  for (unsigned b = 0; b < 32; ++b) {
    const std::uint64_t prefix = b == 0 ? 0 : v >> (32 - b);
    if ((mix(seed ^ mix((prefix << 6) | b)) & 1U) != 0) high ^= 1U << (31 - b);
  }
  const std::uint64_t low = mix(seed ^ mix((static_cast<std::uint64_t>(v) << 6) | 32U)) >> 32;
  return (static_cast<std::uint64_t>(high) << 32) | low;
}

// Base samples: row j holds A_j (first D coordinates) and B_j (next D).
// Replicate r owns rows [r m, (r + 1) m) with m = N / R: with Sobol sampling,
// the first m points of the 2D-dimensional sequence Owen-scrambled with
// seeds from Philox stream `design` (counter r, word = coordinate); with
// Philox sampling, points r m ... of stream `design`. Each row is a pure
// function of (seed, row), so any rows can be built anywhere: the work of a
// study is split by rows, and each chunk builds its own.
class BaseRows {
 public:
  BaseRows(std::size_t n, std::size_t d, const SobolSettings& settings)
      : d_(d), m_(n / settings.replicates), sampling_(settings.sampling), design_(settings.seed, Stream::design) {
    if (sampling_ != BaseSampling::sobol) return;
    if (2 * d > boost::random::default_sobol_table::max_dimension) {
      throw std::invalid_argument("too many dimensions for the Sobol sequence");
    }
    sequence_.resize(m_ * 2 * d);
    boost::random::sobol_engine<std::uint32_t, 32> engine(2 * d);
    for (std::uint32_t& x : sequence_) x = engine();
    seeds_.resize(settings.replicates * 2 * d);
    for (std::size_t r = 0; r < settings.replicates; ++r) {
      for (std::size_t k = 0; k < 2 * d; ++k) seeds_[r * 2 * d + k] = design_.bits(r, static_cast<std::uint32_t>(k));
    }
  }

  // Rows [begin, end) into out (2D values a row).
  void fill(std::size_t begin, std::size_t end, double* out) const {
    const std::size_t width = 2 * d_;
    for (std::size_t row = begin; row < end; ++row) {
      double* values = out + (row - begin) * width;
      switch (sampling_) {
        case BaseSampling::sobol: {
          const std::size_t r = row / m_;
          const std::uint32_t* x = sequence_.data() + (row % m_) * width;
          for (std::size_t k = 0; k < width; ++k) values[k] = unit_open(owen_scramble(x[k], seeds_[r * width + k]));
          break;
        }
        case BaseSampling::philox:
          design_.point(row, std::span(values, width));
          break;
      }
    }
  }

 private:
  std::size_t d_, m_;
  BaseSampling sampling_;
  PhiloxCube design_;
  std::vector<std::uint32_t> sequence_;
  std::vector<std::uint64_t> seeds_;
};

double percentile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double rank = q * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(rank);
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (rank - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

// The model outputs on each matrix, one value per row.
struct Outputs {
  const double* a = nullptr;
  const double* b = nullptr;
  std::vector<const double*> ab;  // A with group g from B
  std::vector<const double*> ba;  // B with group g from A (second order only)
};

struct Estimates {
  std::vector<double> first, total;
  std::vector<double> pairs;  // S_ik for i < k, in (i, k) order (second order only)
  double mean = 0.0, variance = 0.0;
};

// The estimators over the rows in `rows` (all rows, a replicate's, or a
// bootstrap resample). Outputs are centred on f0, the mean over A and B of
// these rows, before the products. Saltelli et al. (2010, Table 2 (b))
// estimate V_i as mean(f_B (f_ABi - f_A)): unbiased whatever f0, but with a
// term of variance f0^2 Var(f_ABi - f_A) / N that swamps V_i when
// f0^2 >> V (as for a P(deal) near 0.5 with a small spread). Centring f_B
// removes it; SALib's sobol.analyze does the same (it standardises Y first).
Estimates estimate(const Outputs& f, std::span<const std::size_t> rows) {
  Estimates e;
  const auto n = static_cast<double>(rows.size());
  double sum = 0.0;
  for (std::size_t j : rows) sum += f.a[j] + f.b[j];
  e.mean = sum / (2 * n);
  const double f0 = e.mean;
  double squares = 0.0;
  for (std::size_t j : rows) squares += (f.a[j] - f0) * (f.a[j] - f0) + (f.b[j] - f0) * (f.b[j] - f0);
  e.variance = squares / (2 * n - 1);
  const double v = e.variance;
  for (const double* ab : f.ab) {
    double first = 0.0;
    double total = 0.0;
    for (std::size_t j : rows) {
      first += (f.b[j] - f0) * (ab[j] - f.a[j]);     // Saltelli et al. (2010), (b), centred
      total += (f.a[j] - ab[j]) * (f.a[j] - ab[j]);  // Jansen (1999)
    }
    e.first.push_back(v > 0.0 ? first / n / v : 0.0);
    e.total.push_back(v > 0.0 ? total / (2 * n) / v : 0.0);
  }
  // Saltelli (2002): V_ik + V_i + V_k = Cov(f_BAi, f_ABk), estimated as
  // mean(f_BAi f_ABk - f_A f_B) on centred outputs (as SALib does).
  for (std::size_t i = 0; i < f.ba.size(); ++i) {
    for (std::size_t k = i + 1; k < f.ba.size(); ++k) {
      double closed = 0.0;
      for (std::size_t j : rows) closed += (f.ba[i][j] - f0) * (f.ab[k][j] - f0) - (f.a[j] - f0) * (f.b[j] - f0);
      e.pairs.push_back(v > 0.0 ? closed / n / v - e.first[i] - e.first[k] : 0.0);
    }
  }
  return e;
}

// The 0.975 quantile of Student's t with `dof` degrees of freedom.
double t975(std::size_t dof) {
  return boost::math::quantile(boost::math::students_t(static_cast<double>(dof)), 0.975);
}

}  // namespace

SobolResult sobol_indices(const CubeFunction& f, const std::vector<std::vector<std::size_t>>& groups,
                          const std::vector<std::string>& names, const SobolSettings& settings) {
  const std::size_t d = f.dimensions;
  const std::size_t n = settings.base_samples;
  const std::size_t replicates = settings.replicates;
  if (d == 0 || groups.empty()) throw std::invalid_argument("Sobol indices need at least one input");
  if (replicates == 0 || n % replicates != 0) {
    throw std::invalid_argument("Sobol indices need a number of base samples that is a multiple of the replicates");
  }
  if (n / replicates < 2) throw std::invalid_argument("Sobol indices need at least two base samples per replicate");
  const BaseRows base(n, d, settings);
  // A, B, A with group g from B, and (second order) B with group g from A.
  const std::size_t matrices = groups.size() + 2 + (settings.second_order ? groups.size() : 0);

  // A row's base (A_j, B_j) is built where the row is evaluated on every
  // matrix; each row's outputs go to its own slots, so the parallel loop is
  // deterministic (and split over the processes of a cluster, which gather
  // the outputs, not the base rows).
  std::vector<double> by_row(n * matrices);  // [row][matrix]
  const std::uint64_t rows_per_chunk = std::max<std::uint64_t>(1, kChunkSize / matrices);
  for_each_chunk_gathered(
      static_cast<std::uint64_t>(n), settings.threads, rows_per_chunk, std::span(by_row), matrices,
      [&](std::uint64_t begin, std::uint64_t end) {
        const auto first = static_cast<std::size_t>(begin);
        const auto count = static_cast<std::size_t>(end - begin);
        std::vector<double> rows(count * 2 * d);
        base.fill(first, first + count, rows.data());
        std::vector<double> points(count * matrices * d);
        const std::size_t g = groups.size();
        for (std::size_t k = 0; k < count; ++k) {
          const double* a = rows.data() + k * 2 * d;
          const double* b = a + d;
          for (std::size_t matrix = 0; matrix < matrices; ++matrix) {
            double* p = points.data() + (k * matrices + matrix) * d;
            if (matrix < 2 + g) {
              std::copy(matrix == 1 ? b : a, (matrix == 1 ? b : a) + d, p);
              if (matrix >= 2) {
                for (std::size_t dim : groups[matrix - 2]) p[dim] = b[dim];
              }
            } else {
              std::copy(b, b + d, p);
              for (std::size_t dim : groups[matrix - 2 - g]) p[dim] = a[dim];
            }
          }
        }
        f.evaluate(points, std::span(by_row).subspan(first * matrices, count * matrices));
      },
      settings.progress);
  std::vector<double> values(matrices * n);  // [matrix][row]
  for (std::size_t row = 0; row < n; ++row) {
    for (std::size_t matrix = 0; matrix < matrices; ++matrix) {
      values[matrix * n + row] = by_row[row * matrices + matrix];
    }
  }
  std::vector<double>().swap(by_row);  // freed before the estimators' copies

  const std::size_t g = groups.size();
  Outputs outputs;
  outputs.a = values.data();
  outputs.b = values.data() + n;
  for (std::size_t i = 0; i < g; ++i) outputs.ab.push_back(values.data() + (2 + i) * n);
  if (settings.second_order) {
    for (std::size_t i = 0; i < g; ++i) outputs.ba.push_back(values.data() + (2 + g + i) * n);
  }
  std::vector<std::size_t> all(n);
  for (std::size_t j = 0; j < n; ++j) all[j] = j;
  const Estimates pooled = estimate(outputs, all);

  SobolResult result;
  result.mean = pooled.mean;
  result.variance = pooled.variance;
  result.evaluations = matrices * n;
  std::vector<double> first_lo(g), first_hi(g), total_lo(g), total_hi(g);
  Estimates point = pooled;
  if (replicates >= 2) {
    // Randomised QMC (Owen 1997; L'Ecuyer 2018): the R replicate estimates
    // are independent and identically distributed, so their mean has a
    // t interval from their spread.
    const std::size_t m = n / replicates;
    std::vector<Estimates> each;
    for (std::size_t r = 0; r < replicates; ++r) each.push_back(estimate(outputs, std::span(all).subspan(r * m, m)));
    const double t = t975(replicates - 1);
    const auto count = static_cast<double>(replicates);
    auto mean_and_half_width = [&](auto value) {
      double sum = 0.0;
      for (const Estimates& e : each) sum += value(e);
      const double mean = sum / count;
      double squares = 0.0;
      for (const Estimates& e : each) squares += (value(e) - mean) * (value(e) - mean);
      return std::pair{mean, t * std::sqrt(squares / (count - 1) / count)};
    };
    for (std::size_t i = 0; i < g; ++i) {
      const auto [s1, s1_half] = mean_and_half_width([i](const Estimates& e) { return e.first[i]; });
      const auto [st, st_half] = mean_and_half_width([i](const Estimates& e) { return e.total[i]; });
      point.first[i] = s1;
      point.total[i] = st;
      first_lo[i] = s1 - s1_half;
      first_hi[i] = s1 + s1_half;
      total_lo[i] = st - st_half;
      total_hi[i] = st + st_half;
    }
    for (std::size_t p = 0; p < point.pairs.size(); ++p) {
      point.pairs[p] = mean_and_half_width([p](const Estimates& e) { return e.pairs[p]; }).first;
    }
    result.interval = SobolInterval::replicates;
  } else if (settings.bootstrap > 1) {
    // Bootstrap: resample rows with replacement (Philox stream `bootstrap`).
    const PhiloxCube resampler(settings.seed, Stream::bootstrap);
    const Outputs firsts{outputs.a, outputs.b, outputs.ab, {}};  // S2 has no intervals
    // Resample r writes its 2g estimates to its own slots: the resamples run
    // in parallel (and over the processes of a cluster) with the same result.
    const std::size_t resamples = settings.bootstrap;
    std::vector<double> estimates(resamples * 2 * g);
    for_each_chunk_gathered(static_cast<std::uint64_t>(resamples), settings.threads, 1, std::span(estimates), 2 * g,
                            [&](std::uint64_t begin, std::uint64_t end) {
                              std::vector<std::size_t> rows(n);
                              for (std::uint64_t r = begin; r < end; ++r) {
                                for (std::size_t j = 0; j < n; ++j) {
                                  const double u = resampler.coordinate(r, static_cast<std::uint32_t>(j));
                                  rows[j] = std::min(static_cast<std::size_t>(u * static_cast<double>(n)), n - 1);
                                }
                                const Estimates e = estimate(firsts, rows);
                                double* slot = estimates.data() + r * 2 * g;
                                std::copy(e.first.begin(), e.first.begin() + static_cast<std::ptrdiff_t>(g), slot);
                                std::copy(e.total.begin(), e.total.begin() + static_cast<std::ptrdiff_t>(g), slot + g);
                              }
                            });
    std::vector<std::vector<double>> first_samples(g), total_samples(g);
    for (std::size_t r = 0; r < resamples; ++r) {
      for (std::size_t i = 0; i < g; ++i) {
        first_samples[i].push_back(estimates[r * 2 * g + i]);
        total_samples[i].push_back(estimates[r * 2 * g + g + i]);
      }
    }
    for (std::size_t i = 0; i < g; ++i) {
      first_lo[i] = percentile(first_samples[i], 0.025);
      first_hi[i] = percentile(first_samples[i], 0.975);
      total_lo[i] = percentile(total_samples[i], 0.025);
      total_hi[i] = percentile(total_samples[i], 0.975);
    }
    result.interval = SobolInterval::bootstrap;
  } else {
    first_lo = first_hi = point.first;
    total_lo = total_hi = point.total;
  }

  if (!point.pairs.empty()) {
    std::size_t p = 0;
    for (std::size_t i = 0; i < g; ++i) {
      for (std::size_t k = i + 1; k < g; ++k) result.pairs.push_back({i, k, point.pairs[p++]});
    }
  }
  for (std::size_t i = 0; i < g; ++i) {
    SobolIndex index;
    index.name = i < names.size() ? names[i] : "x" + std::to_string(i + 1);
    index.first = point.first[i];
    index.total = point.total[i];
    index.first_lo = first_lo[i];
    index.first_hi = first_hi[i];
    index.total_lo = total_lo[i];
    index.total_hi = total_hi[i];
    result.indices.push_back(index);
  }
  return result;
}

MorrisResult morris_effects(const CubeFunction& f, const std::vector<std::vector<std::size_t>>& groups,
                            const std::vector<std::string>& names, const MorrisSettings& settings) {
  const std::size_t d = f.dimensions;
  const std::size_t g = groups.size();
  const std::size_t r = settings.trajectories;
  const std::size_t p = settings.levels;
  if (d == 0 || g == 0) throw std::invalid_argument("Morris screening needs at least one input");
  if (p < 2 || p % 2 != 0) throw std::invalid_argument("Morris screening needs an even number of levels");
  if (r < 2) throw std::invalid_argument("Morris screening needs at least two trajectories");
  const std::size_t jump = p / 2;
  constexpr double kDelta = 0.5;  // jump / p in unit-cube coordinates
  auto level_value = [p](std::size_t level) { return (static_cast<double>(level) + 0.5) / static_cast<double>(p); };

  // Trajectories: a random base point on the grid and a random order of the
  // groups; step k moves group order[k] up by `jump` levels where it fits,
  // else down. Random words come from Philox stream `design`, one draw index
  // per trajectory.
  const PhiloxCube random(settings.seed, Stream::design);
  const std::size_t points_per = g + 1;
  std::vector<double> points(r * points_per * d);
  std::vector<std::size_t> moved(r * g);  // which group step k of trajectory t moves
  std::vector<double> direction(r * g);   // +1 or -1 for each step (from the first input of the group)
  for (std::size_t t = 0; t < r; ++t) {
    std::vector<std::size_t> level(d);
    for (std::size_t i = 0; i < d; ++i) {
      level[i] = static_cast<std::size_t>(random.bits(t, static_cast<std::uint32_t>(i)) % p);
    }
    std::vector<std::size_t> order(g);
    for (std::size_t k = 0; k < g; ++k) order[k] = k;
    for (std::size_t k = g; k > 1; --k) {  // Fisher-Yates with counter-based words
      const auto j = static_cast<std::size_t>(random.bits(t, static_cast<std::uint32_t>(d + k)) % k);
      std::swap(order[k - 1], order[j]);
    }
    double* first = points.data() + t * points_per * d;
    for (std::size_t i = 0; i < d; ++i) first[i] = level_value(level[i]);
    for (std::size_t k = 0; k < g; ++k) {
      double* previous = first + k * d;
      double* next = previous + d;
      std::copy(previous, previous + d, next);
      const auto& members = groups[order[k]];
      for (std::size_t m = 0; m < members.size(); ++m) {
        const std::size_t i = members[m];
        const bool up = level[i] + jump < p;
        level[i] = up ? level[i] + jump : level[i] - jump;
        next[i] = level_value(level[i]);
        if (m == 0) direction[t * g + k] = up ? 1.0 : -1.0;
      }
      moved[t * g + k] = order[k];
    }
  }

  std::vector<double> values(r * points_per);
  const std::size_t chunk_points = 256;  // points per task, any split gives the same values
  for_each_chunk_gathered(
      values.size(), settings.threads, chunk_points, std::span(values), 1,
      [&](std::uint64_t begin, std::uint64_t end) {
        const auto first = static_cast<std::size_t>(begin);
        const auto count = static_cast<std::size_t>(end - begin);
        f.evaluate(std::span(points).subspan(first * d, count * d), std::span(values).subspan(first, count));
      },
      settings.progress);

  std::vector<std::vector<double>> effects(g);
  for (std::size_t t = 0; t < r; ++t) {
    for (std::size_t k = 0; k < g; ++k) {
      const double change = values[t * points_per + k + 1] - values[t * points_per + k];
      effects[moved[t * g + k]].push_back(direction[t * g + k] * change / kDelta);
    }
  }
  MorrisResult result;
  result.evaluations = values.size();
  for (std::size_t k = 0; k < g; ++k) {
    MorrisEffect e;
    e.name = k < names.size() ? names[k] : "x" + std::to_string(k + 1);
    double sum = 0.0, sum_abs = 0.0;
    for (double x : effects[k]) {
      sum += x;
      sum_abs += std::fabs(x);
    }
    const auto n = static_cast<double>(effects[k].size());
    e.mu = sum / n;
    e.mu_star = sum_abs / n;
    double squares = 0.0;
    for (double x : effects[k]) squares += (x - e.mu) * (x - e.mu);
    e.sigma = std::sqrt(squares / (n - 1));
    result.effects.push_back(e);
  }
  return result;
}

}  // namespace parley
