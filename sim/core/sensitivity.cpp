#include "parley/sensitivity.hpp"

#include <algorithm>
#include <boost/random/sobol.hpp>
#include <cmath>
#include <stdexcept>

#include "parley/parallel.hpp"
#include "parley/sampler.hpp"

namespace parley {

namespace {

// Base samples: row j holds A_j (first D coordinates) and B_j (next D).
std::vector<double> base_samples(std::size_t n, std::size_t d, const SobolSettings& settings) {
  std::vector<double> base(n * 2 * d);
  if (settings.sampling == BaseSampling::sobol) {
    if (2 * d > boost::random::default_sobol_table::max_dimension) {
      throw std::invalid_argument("too many dimensions for the Sobol sequence");
    }
    boost::random::sobol_engine<std::uint64_t, 64> engine(2 * d);
    for (double& x : base) x = unit_open(engine());
  } else {
    const PhiloxCube cube(settings.seed, Stream::design);
    for (std::size_t j = 0; j < n; ++j) cube.point(j, std::span(base).subspan(j * 2 * d, 2 * d));
  }
  return base;
}

double percentile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double rank = q * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(rank);
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (rank - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

struct Estimates {
  std::vector<double> first, total;
  double mean = 0.0, variance = 0.0;
};

// The estimators over the rows in `rows` (all rows, or a bootstrap resample).
Estimates estimate(const std::vector<double>& fa, const std::vector<double>& fb,
                   const std::vector<std::vector<double>>& fab, const std::vector<std::size_t>& rows) {
  Estimates e;
  const auto n = static_cast<double>(rows.size());
  double sum = 0.0;
  for (std::size_t j : rows) sum += fa[j] + fb[j];
  e.mean = sum / (2 * n);
  double squares = 0.0;
  for (std::size_t j : rows) squares += (fa[j] - e.mean) * (fa[j] - e.mean) + (fb[j] - e.mean) * (fb[j] - e.mean);
  e.variance = squares / (2 * n - 1);
  for (const auto& f : fab) {
    double first = 0.0;
    double total = 0.0;
    for (std::size_t j : rows) {
      first += fb[j] * (f[j] - fa[j]);           // Saltelli et al. (2010), eq. (b)
      total += (fa[j] - f[j]) * (fa[j] - f[j]);  // Jansen (1999)
    }
    e.first.push_back(e.variance > 0.0 ? first / n / e.variance : 0.0);
    e.total.push_back(e.variance > 0.0 ? total / (2 * n) / e.variance : 0.0);
  }
  return e;
}

}  // namespace

SobolResult sobol_indices(const CubeFunction& f, const std::vector<std::vector<std::size_t>>& groups,
                          const std::vector<std::string>& names, const SobolSettings& settings) {
  const std::size_t d = f.dimensions;
  const std::size_t n = settings.base_samples;
  if (d == 0 || groups.empty()) throw std::invalid_argument("Sobol indices need at least one input");
  if (n < 2) throw std::invalid_argument("Sobol indices need at least two base samples");
  const std::vector<double> base = base_samples(n, d, settings);
  // A, B, A with group g from B, and (second order) B with group g from A.
  const std::size_t matrices = groups.size() + 2 + (settings.second_order ? groups.size() : 0);

  // Every (matrix, row) is one evaluation; outputs are written to their own
  // slots, so the parallel loop is deterministic.
  std::vector<double> values(matrices * n);
  struct Nothing {
    void merge(const Nothing&) {}
  };
  reduce_chunks(static_cast<std::uint64_t>(matrices * n), settings.threads, Nothing{},
                [&](std::uint64_t begin, std::uint64_t end, Nothing&) {
                  const auto count = static_cast<std::size_t>(end - begin);
                  std::vector<double> points(count * d);
                  for (std::size_t k = 0; k < count; ++k) {
                    const std::size_t index = static_cast<std::size_t>(begin) + k;
                    const std::size_t matrix = index / n;
                    const std::size_t row = index % n;
                    const double* a = base.data() + row * 2 * d;
                    const double* b = a + d;
                    double* p = points.data() + k * d;
                    const std::size_t g = groups.size();
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
                  f.evaluate(points, std::span(values).subspan(static_cast<std::size_t>(begin), count));
                });

  const std::vector<double> fa(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(n));
  const std::vector<double> fb(values.begin() + static_cast<std::ptrdiff_t>(n),
                               values.begin() + static_cast<std::ptrdiff_t>(2 * n));
  std::vector<std::vector<double>> fab;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    fab.emplace_back(values.begin() + static_cast<std::ptrdiff_t>((g + 2) * n),
                     values.begin() + static_cast<std::ptrdiff_t>((g + 3) * n));
  }
  std::vector<std::size_t> all(n);
  for (std::size_t j = 0; j < n; ++j) all[j] = j;
  const Estimates point = estimate(fa, fb, fab, all);

  // Bootstrap: resample rows with replacement (Philox stream `bootstrap`).
  const PhiloxCube resampler(settings.seed, Stream::bootstrap);
  std::vector<std::vector<double>> first_samples(groups.size()), total_samples(groups.size());
  std::vector<std::size_t> rows(n);
  for (std::size_t r = 0; r < settings.bootstrap; ++r) {
    for (std::size_t j = 0; j < n; ++j) {
      rows[j] =
          static_cast<std::size_t>(resampler.coordinate(r, static_cast<std::uint32_t>(j)) * static_cast<double>(n));
      rows[j] = std::min(rows[j], n - 1);
    }
    const Estimates e = estimate(fa, fb, fab, rows);
    for (std::size_t g = 0; g < groups.size(); ++g) {
      first_samples[g].push_back(e.first[g]);
      total_samples[g].push_back(e.total[g]);
    }
  }

  SobolResult result;
  if (settings.second_order) {
    // Saltelli (2002): V_ij + V_i + V_j = mean(f_BAi f_ABj) - f0^2 (f0^2 as
    // mean(f_A f_B), which has the same expectation and less variance).
    const std::size_t g = groups.size();
    double f0_squared = 0.0;
    for (std::size_t j = 0; j < n; ++j) f0_squared += fa[j] * fb[j];
    f0_squared /= static_cast<double>(n);
    for (std::size_t i = 0; i < g; ++i) {
      const double* fba_i = values.data() + (2 + g + i) * n;
      for (std::size_t k = i + 1; k < g; ++k) {
        double sum = 0.0;
        for (std::size_t j = 0; j < n; ++j) sum += fba_i[j] * fab[k][j];
        const double closed = point.variance > 0.0 ? (sum / static_cast<double>(n) - f0_squared) / point.variance : 0.0;
        result.pairs.push_back({i, k, closed - point.first[i] - point.first[k]});
      }
    }
  }
  result.mean = point.mean;
  result.variance = point.variance;
  result.evaluations = matrices * n;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    SobolIndex index;
    index.name = g < names.size() ? names[g] : "x" + std::to_string(g + 1);
    index.first = point.first[g];
    index.total = point.total[g];
    if (settings.bootstrap > 1) {
      index.first_lo = percentile(first_samples[g], 0.025);
      index.first_hi = percentile(first_samples[g], 0.975);
      index.total_lo = percentile(total_samples[g], 0.025);
      index.total_hi = percentile(total_samples[g], 0.975);
    } else {
      index.first_lo = index.first_hi = index.first;
      index.total_lo = index.total_hi = index.total;
    }
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
  struct Nothing {
    void merge(const Nothing&) {}
  };
  const std::size_t chunk_points = 256;  // points per task, any split gives the same values
  reduce_chunks(static_cast<std::uint64_t>((values.size() + chunk_points - 1) / chunk_points), settings.threads,
                Nothing{}, [&](std::uint64_t begin, std::uint64_t end, Nothing&) {
                  for (std::uint64_t c = begin; c < end; ++c) {
                    const std::size_t first = static_cast<std::size_t>(c) * chunk_points;
                    const std::size_t count = std::min(chunk_points, values.size() - first);
                    f.evaluate(std::span(points).subspan(first * d, count * d),
                               std::span(values).subspan(first, count));
                  }
                });

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
