// Micro-benchmarks of the input mapping (DESIGN section 3): a coordinate u of
// the unit cube -> a parameter through a (truncated) inverse CDF. parley's
// mappings are compared with Boost.Math's quantiles, which the scalar baseline
// in parley_bench.cpp uses. Each benchmark maps the same 1024 fixed points;
// items_per_second is quantiles per second.

#include <benchmark/benchmark.h>

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cstdint>
#include <limits>
#include <vector>

#include "parley/core/distribution.hpp"
#include "parley/core/sampler.hpp"

namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// 1024 fixed points of the open interval (0, 1).
const std::vector<double>& unit_points() {
  static const std::vector<double> points = [] {
    std::vector<double> u(1024);
    std::uint64_t state = 0x5eedULL;
    for (double& x : u) x = parley::unit_open(splitmix64(state));
    return u;
  }();
  return points;
}

// Maps every point through `f`; the calls are independent (as in the engine).
template <class F>
void map_points(benchmark::State& state, F&& f) {
  const std::vector<double>& u = unit_points();
  for (auto _ : state) {
    double sum = 0.0;
    for (const double x : u) sum += f(x);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(u.size()));
}

// --- the standard normal quantile -------------------------------------------------

void quantile_normal_parley_as241(benchmark::State& state) {
  map_points(state, [](double u) { return parley::normal_quantile(u); });
}
BENCHMARK(quantile_normal_parley_as241);

void quantile_normal_boost(benchmark::State& state) {
  const boost::math::normal_distribution<double> normal(0.0, 1.0);
  map_points(state, [&](double u) { return boost::math::quantile(normal, u); });
}
BENCHMARK(quantile_normal_boost);

// --- a normal truncated to [0, 1] (the reports' reservation values) ----------------

void quantile_truncated_normal_parley(benchmark::State& state) {
  const parley::TruncatedQuantile q(parley::Distribution::normal(0.45, 0.08), {0.0, 1.0});
  map_points(state, [&](double u) { return q(u); });
}
BENCHMARK(quantile_truncated_normal_parley);

void quantile_truncated_normal_boost(benchmark::State& state) {
  const boost::math::normal_distribution<double> normal(0.45, 0.08);
  const double f_lo = boost::math::cdf(normal, 0.0);
  const double f_hi = boost::math::cdf(normal, 1.0);
  map_points(state, [&](double u) { return boost::math::quantile(normal, f_lo + u * (f_hi - f_lo)); });
}
BENCHMARK(quantile_truncated_normal_boost);

// --- the beta: parley's interpolated table against the exact inverse ---------------

void quantile_beta_parley_table(benchmark::State& state) {
  const parley::TruncatedQuantile q(parley::Distribution::beta(3.0, 5.0), {0.0, 1.0});
  map_points(state, [&](double u) { return q(u); });
}
BENCHMARK(quantile_beta_parley_table);

void quantile_beta_boost(benchmark::State& state) {
  const boost::math::beta_distribution<double> beta(3.0, 5.0);
  map_points(state, [&](double u) { return boost::math::quantile(beta, u); });
}
BENCHMARK(quantile_beta_boost);

// parley::Distribution::quantile: the exact, untabulated inverse (ibeta_inv).
void quantile_beta_parley_exact(benchmark::State& state) {
  const parley::Distribution beta = parley::Distribution::beta(3.0, 5.0);
  map_points(state, [&](double u) { return beta.quantile(u); });
}
BENCHMARK(quantile_beta_parley_exact);

// Building one table: paid once per beta input when a Model is built.
void quantile_beta_table_build(benchmark::State& state) {
  for (auto _ : state) {
    const parley::BetaQuantileTable table(3.0, 5.0);
    benchmark::DoNotOptimize(table(0.5));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(quantile_beta_table_build)->Unit(benchmark::kMillisecond);

// --- the other kinds of the reports' scenario, for scale ---------------------------

void quantile_triangular_parley(benchmark::State& state) {
  const parley::TruncatedQuantile q(parley::Distribution::triangular(0.5, 0.75, 1.0), {0.0, 1.0});
  map_points(state, [&](double u) { return q(u); });
}
BENCHMARK(quantile_triangular_parley);

void quantile_lognormal_parley(benchmark::State& state) {
  const double inf = std::numeric_limits<double>::infinity();
  const parley::TruncatedQuantile q(parley::Distribution::lognormal(-1.204, 0.2), {0.0, inf});
  map_points(state, [&](double u) { return q(u); });
}
BENCHMARK(quantile_lognormal_parley);

}  // namespace
