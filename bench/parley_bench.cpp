// parley_bench: throughput of the model and the Monte Carlo engine, measured
// against a straightforward scalar implementation of the same model (the
// "baseline", below) in the same run. See bench/README.md.
//
// Scenarios:
//   ukraine          the reports' scenario, scenarios/ukraine-28-point-2025-11.yaml,
//                    with all its proposals;
//   synthetic        200 actors, 40 issues, ~10 positions per actor, 2-3 incoming
//                    edges per actor with fixed weights, 3 proposals, built in code;
//   synthetic_wdraw  the same with uncertain edge weights, so that I - W changes
//                    with every draw.
//
// Before any benchmark runs, main() checks that the baseline's mean P(deal)
// and support agree with parley's within 5 standard errors, and aborts if not.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <Eigen/Dense>
#include <algorithm>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/analysis/run.hpp"
#include "parley/core/engine.hpp"
#include "parley/core/model.hpp"
#include "parley/core/sampler.hpp"
#include "parley/core/scenario.hpp"
#include "parley/io/scenario_loader.hpp"

#ifndef PARLEY_SOURCE_DIR
#error "PARLEY_SOURCE_DIR must name the source tree (set by bench/CMakeLists.txt)"
#endif

namespace {

constexpr std::uint64_t kSeed = 20251120;
constexpr double kInf = std::numeric_limits<double>::infinity();

// ============================================================================
// Deterministic generator for building the synthetic scenario (splitmix64).
// ============================================================================

class SplitMix {
 public:
  explicit SplitMix(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1p-53; }  // [0, 1)
  double uniform(double lo, double hi) { return lo + (hi - lo) * unit(); }
  bool chance(double p) { return unit() < p; }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

 private:
  std::uint64_t state_;
};

// ============================================================================
// The synthetic scenario, filled the way the loader fills a Scenario.
// ============================================================================

struct SyntheticShape {
  std::size_t actors = 200;
  std::size_t issues = 40;
  std::size_t positions_per_actor = 10;
  std::size_t veto_actors = 6;
  std::size_t proposals = 3;
  bool uncertain_weights = false;
  std::uint64_t seed = 0x70a2'1e5bULL;
};

parley::Parameter parameter(parley::Distribution dist, std::string path, parley::Interval allowed) {
  parley::Parameter p;
  p.dist = dist;
  p.path = std::move(path);
  p.allowed = allowed;
  p.where = {"<synthetic>", 0, 0};
  return p;
}

std::string numbered(const char* prefix, std::size_t k) {
  char text[32];
  std::snprintf(text, sizeof text, "%s%03zu", prefix, k);
  return text;
}

// A few beta shapes, as scenario authors reuse them.
std::pair<double, double> beta_shape(SplitMix& rng) {
  static constexpr std::pair<double, double> shapes[] = {{2, 2}, {2, 5}, {3, 5}, {5, 3}, {4, 4}, {3, 12}};
  return shapes[rng.below(std::size(shapes))];
}

// An ideal point on [lo, hi]: fixed, uniform, triangular, normal or beta.
parley::Distribution ideal_distribution(SplitMix& rng, const parley::Issue& issue) {
  const double lo = issue.lo;
  const double span = issue.hi - issue.lo;
  const double centre = rng.unit();
  if (issue.type == parley::IssueType::binary) return parley::Distribution::fixed(rng.chance(0.5) ? 1.0 : 0.0);
  const double kind = rng.unit();
  if (kind < 0.3) return parley::Distribution::fixed(lo + span * centre);
  if (kind < 0.5) {
    const double a = std::max(0.0, centre - 0.15);
    const double b = std::min(1.0, centre + 0.15);
    return parley::Distribution::uniform(lo + span * a, lo + span * b);
  }
  if (kind < 0.7) {
    const double a = std::max(0.0, centre - 0.25);
    const double b = std::min(1.0, centre + 0.25);
    return parley::Distribution::triangular(lo + span * a, lo + span * centre, lo + span * b);
  }
  if (kind < 0.85) return parley::Distribution::normal(lo + span * centre, span * rng.uniform(0.05, 0.15));
  const auto [a, b] = beta_shape(rng);
  return parley::Distribution::beta(a, b, lo, issue.hi);
}

parley::Distribution salience_distribution(SplitMix& rng) {
  const double low = rng.uniform(0.02, 0.3);
  const double width = rng.uniform(0.05, 0.15);
  const double kind = rng.unit();
  if (kind < 0.75) return parley::Distribution::uniform(low, low + width);
  if (kind < 0.9) return parley::Distribution::triangular(low, low + width / 3, low + width);
  const auto [a, b] = beta_shape(rng);
  return parley::Distribution::beta(a, b);
}

parley::Distribution reservation_distribution(SplitMix& rng) {
  const double mean = rng.uniform(0.35, 0.6);
  const double kind = rng.unit();
  if (kind < 0.4) return parley::Distribution::normal(mean, rng.uniform(0.04, 0.1));
  if (kind < 0.6) {
    const auto [a, b] = beta_shape(rng);
    return parley::Distribution::beta(a, b);
  }
  if (kind < 0.8) return parley::Distribution::triangular(mean - 0.1, mean, mean + 0.12);
  return parley::Distribution::uniform(mean - 0.1, mean + 0.1);
}

parley::Scenario synthetic_scenario(const SyntheticShape& shape) {
  SplitMix rng(shape.seed);
  parley::Scenario s;
  s.file = "<synthetic>";
  s.title = "synthetic benchmark scenario";
  s.simulation = {100000, kSeed};

  for (std::size_t k = 0; k < shape.issues; ++k) {
    parley::Issue issue;
    issue.id = numbered("issue_", k);
    issue.label = issue.id;
    issue.group = numbered("group_", k % 4);
    if (k % 8 == 7) {
      issue.type = parley::IssueType::binary;
    } else if (k % 5 == 0) {
      issue.unit = "thousand";
      issue.lo = 100.0;
      issue.hi = 900.0;
    }
    s.issues.push_back(issue);
  }

  for (std::size_t i = 0; i < shape.actors; ++i) {
    parley::Actor actor;
    actor.id = numbered("actor_", i);
    actor.name = actor.id;
    actor.veto = i < shape.veto_actors;
    const std::string path = "actors." + actor.id;
    actor.capability = parameter(rng.chance(0.25) ? parley::Distribution::lognormal(rng.uniform(-2.5, -1.0), 0.2)
                                                  : parley::Distribution::fixed(rng.uniform(0.02, 0.3)),
                                 path + ".capability", {0.0, kInf});
    actor.rationality = parameter(rng.chance(0.1) ? parley::Distribution::uniform(4.0, 10.0)
                                                  : parley::Distribution::fixed(rng.uniform(4.0, 10.0)),
                                  path + ".rationality", {0.0, kInf});
    actor.rho = parameter(parley::Distribution::fixed(rng.chance(0.15) ? 2.0 : 1.0), path + ".rho", {1.0, kInf});
    actor.reservation = parameter(reservation_distribution(rng), path + ".reservation", {0.0, 1.0});
    // positions_per_actor distinct issues: a partial Fisher-Yates shuffle.
    std::vector<std::size_t> order(shape.issues);
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    const std::size_t count = std::min(shape.positions_per_actor, shape.issues);
    for (std::size_t k = 0; k < count; ++k) std::swap(order[k], order[k + rng.below(order.size() - k)]);
    std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count));
    for (std::size_t k = 0; k < count; ++k) {
      const parley::Issue& issue = s.issues[order[k]];
      parley::Position pos;
      pos.issue = order[k];
      const std::string pos_path = path + ".positions." + issue.id;
      pos.ideal = parameter(ideal_distribution(rng, issue), pos_path + ".ideal", {issue.lo, issue.hi});
      pos.salience = parameter(salience_distribution(rng), pos_path + ".salience", {0.0, kInf});
      actor.positions.push_back(std::move(pos));
    }
    s.actors.push_back(std::move(actor));
  }

  // 2 or 3 incoming edges per actor, |w| in [0.03, 0.17] (+-0.02 when
  // uncertain): the sum of |w| into an actor stays below 0.6.
  for (std::size_t to = 0; to < shape.actors; ++to) {
    const std::size_t incoming = rng.chance(0.5) ? 3 : 2;
    std::vector<std::size_t> sources;
    while (sources.size() < incoming) {
      const std::size_t from = rng.below(shape.actors);
      if (from != to && std::find(sources.begin(), sources.end(), from) == sources.end()) sources.push_back(from);
    }
    for (const std::size_t from : sources) {
      const double w = (rng.chance(0.2) ? -1.0 : 1.0) * rng.uniform(0.03, 0.17);
      parley::Relation r;
      r.from = from;
      r.to = to;
      r.kind = w < 0 ? "devaluation" : "backing";
      r.weight = parameter(
          shape.uncertain_weights ? parley::Distribution::uniform(w - 0.02, w + 0.02) : parley::Distribution::fixed(w),
          numbered("relations.", s.relations.size()) + ".weight", {-1.0, 1.0});
      s.relations.push_back(std::move(r));
    }
  }

  for (std::size_t p = 0; p < shape.proposals; ++p) {
    parley::Proposal proposal;
    proposal.id = numbered("proposal_", p);
    proposal.label = proposal.id;
    for (const parley::Issue& issue : s.issues) {
      proposal.terms.push_back(issue.type == parley::IssueType::binary ? (rng.chance(0.5) ? 1.0 : 0.0)
                                                                       : issue.denormalise(rng.unit()));
    }
    s.proposals.push_back(std::move(proposal));
  }
  return s;
}

// ============================================================================
// The scalar baseline: the model of DESIGN section 2 written the plain way,
// straight from the Scenario struct and independent of parley's model code.
// Per draw: std::mt19937_64 + std::uniform_real_distribution, Boost.Math
// quantiles truncated through the CDF at the bounds (computed per draw),
// std::vectors allocated per draw, W built dense and (I - W) factorised by a
// fresh Eigen::PartialPivLU, then one solve per proposal.
// ============================================================================

// F^-1(F(lo) + u (F(hi) - F(lo))) with Boost.Math; bounds outside the
// support cut nothing.
template <class Dist>
double boost_truncated(const Dist& dist, double lo, double hi, double u) {
  const auto [s_lo, s_hi] = boost::math::support(dist);
  const double f_lo = lo > s_lo ? boost::math::cdf(dist, lo) : 0.0;
  const double f_hi = hi < s_hi ? boost::math::cdf(dist, hi) : 1.0;
  const double p = std::clamp(f_lo + u * (f_hi - f_lo), std::numeric_limits<double>::min(), 1.0 - 0x1p-53);
  return std::clamp(boost::math::quantile(dist, p), std::max(lo, s_lo), std::min(hi, s_hi));
}

double baseline_sample(const parley::Parameter& parameter, std::mt19937_64& rng) {
  const parley::Distribution& d = parameter.dist;
  if (d.is_fixed()) return d.value;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  double u = 0.0;
  do {
    u = unit(rng);
  } while (u <= 0.0);
  const double lo = parameter.allowed.lo;
  const double hi = parameter.allowed.hi;
  switch (d.kind) {
    case parley::DistributionKind::uniform:
      return boost_truncated(boost::math::uniform_distribution<double>(d.low, d.high), lo, hi, u);
    case parley::DistributionKind::normal:
      return boost_truncated(boost::math::normal_distribution<double>(d.mean, d.sd), lo, hi, u);
    case parley::DistributionKind::triangular:
      return boost_truncated(boost::math::triangular_distribution<double>(d.low, d.mode, d.high), lo, hi, u);
    case parley::DistributionKind::lognormal:
      return boost_truncated(boost::math::lognormal_distribution<double>(d.mu, d.sigma), lo, hi, u);
    case parley::DistributionKind::beta: {
      // Beta(a, b) scaled to [low, high]: truncate on the standard scale.
      const double scale = d.high - d.low;
      const double x = boost_truncated(boost::math::beta_distribution<double>(d.a, d.b), (lo - d.low) / scale,
                                       (hi - d.low) / scale, u);
      return d.low + scale * x;
    }
    case parley::DistributionKind::fixed:
      break;
  }
  return d.value;
}

struct BaselineTotals {
  std::uint64_t draws = 0;
  std::vector<double> deal_sum, deal_sq, support_sum, support_sq;  // per proposal
  std::vector<std::vector<double>> accept_sum;                     // per proposal, per actor

  [[nodiscard]] double mean(const std::vector<double>& sum, std::size_t p) const {
    return sum[p] / static_cast<double>(draws);
  }
  [[nodiscard]] double standard_error(const std::vector<double>& sum, const std::vector<double>& sq,
                                      std::size_t p) const {
    const double n = static_cast<double>(draws);
    const double m = sum[p] / n;
    return std::sqrt(std::max(0.0, (sq[p] / n - m * m) * n / (n - 1.0)) / n);
  }
};

BaselineTotals baseline_run(const parley::Scenario& s, std::uint64_t draws, std::uint64_t seed) {
  const std::size_t n = s.actors.size();
  const std::size_t proposals = s.proposals.size();
  const auto size = static_cast<Eigen::Index>(n);
  BaselineTotals totals;
  totals.deal_sum.assign(proposals, 0.0);
  totals.deal_sq.assign(proposals, 0.0);
  totals.support_sum.assign(proposals, 0.0);
  totals.support_sq.assign(proposals, 0.0);
  totals.accept_sum.assign(proposals, std::vector<double>(n, 0.0));
  std::mt19937_64 rng(seed);

  for (std::uint64_t draw = 0; draw < draws; ++draw) {
    // 1. Draw every parameter (file units).
    std::vector<double> capability(n), rationality(n), rho(n), reservation(n);
    std::vector<std::vector<double>> ideal(n), salience(n);
    for (std::size_t i = 0; i < n; ++i) {
      const parley::Actor& actor = s.actors[i];
      capability[i] = baseline_sample(actor.capability, rng);
      rationality[i] = baseline_sample(actor.rationality, rng);
      rho[i] = baseline_sample(actor.rho, rng);
      reservation[i] = baseline_sample(actor.reservation, rng);
      for (const parley::Position& pos : actor.positions) {
        const parley::Issue& issue = s.issues[pos.issue];
        ideal[i].push_back(issue.normalise(baseline_sample(pos.ideal, rng)));
        salience[i].push_back(baseline_sample(pos.salience, rng));
      }
      double total = 0.0;
      for (const double x : salience[i]) total += x;
      for (double& x : salience[i]) x = total > 0.0 ? x / total : 1.0 / static_cast<double>(salience[i].size());
    }
    std::vector<double> weight;
    for (const parley::Relation& r : s.relations) weight.push_back(baseline_sample(r.weight, rng));

    // 2. The influence system (I - W) y = (I - diag(a)) m, factorised afresh.
    Eigen::MatrixXd w = Eigen::MatrixXd::Zero(size, size);
    std::vector<double> a(n, 0.0);
    for (std::size_t e = 0; e < s.relations.size(); ++e) {
      w(static_cast<Eigen::Index>(s.relations[e].to), static_cast<Eigen::Index>(s.relations[e].from)) += weight[e];
      a[s.relations[e].to] += std::fabs(weight[e]);
    }
    const Eigen::MatrixXd system = Eigen::MatrixXd::Identity(size, size) - w;
    const Eigen::PartialPivLU<Eigen::MatrixXd> lu(system);

    double capability_total = 0.0;
    for (const double c : capability) capability_total += c;

    // 3. Every proposal: margins, stances, acceptance, deal, support.
    for (std::size_t p = 0; p < proposals; ++p) {
      const parley::Proposal& proposal = s.proposals[p];
      Eigen::VectorXd rhs(size);
      for (std::size_t i = 0; i < n; ++i) {
        const parley::Actor& actor = s.actors[i];
        double loss = 0.0;
        for (std::size_t k = 0; k < actor.positions.size(); ++k) {
          const std::size_t issue = actor.positions[k].issue;
          const double z = s.issues[issue].normalise(proposal.terms[issue]);
          loss += salience[i][k] * std::pow(std::fabs(z - ideal[i][k]), rho[i]);
        }
        const double margin = 1.0 - loss - reservation[i];
        rhs(static_cast<Eigen::Index>(i)) = (1.0 - a[i]) * margin;
      }
      const Eigen::VectorXd stance = lu.solve(rhs);
      double deal = 1.0;
      double support = 0.0;
      for (std::size_t i = 0; i < n; ++i) {
        const double accept = 1.0 / (1.0 + std::exp(-rationality[i] * stance(static_cast<Eigen::Index>(i))));
        if (s.actors[i].veto) deal *= accept;
        support += capability[i] * accept;
        totals.accept_sum[p][i] += accept;
      }
      support /= capability_total;
      totals.deal_sum[p] += deal;
      totals.deal_sq[p] += deal * deal;
      totals.support_sum[p] += support;
      totals.support_sq[p] += support * support;
    }
    ++totals.draws;
  }
  return totals;
}

// ============================================================================
// Benchmark cases: a scenario, its Model, packages and a few fixed draws.
// Built on first use (a large scenario's Model takes seconds to build), and
// checked against the baseline before any of its benchmarks is timed.
// ============================================================================

struct Case {
  std::string name;
  std::function<parley::Scenario()> build;
  std::uint64_t run_draws = 0;       // draws per iteration of the whole-run benchmarks
  std::uint64_t baseline_draws = 0;  // draws per iteration of the baseline
  std::uint64_t check_draws = 0;     // draws of the baseline check
  bool large = false;                // microseconds per draw rather than nanoseconds
  bool with_run_scenario = true;     // run_scenario rebuilds the Model on every run

  // Filled by prepare().
  bool ready = false;
  parley::Scenario scenario;
  std::unique_ptr<parley::Model> model;
  std::vector<parley::Package> packages;
  std::size_t dims = 0;                        // uncertain inputs
  std::size_t point_count = 0;                 // fixed cube points for the per-draw benchmarks
  std::vector<double> points;                  // draw-major
  std::vector<parley::DrawParameters> thetas;  // the same points, realised
  double model_build_seconds = 0.0;

  [[nodiscard]] std::span<const double> point(std::size_t j) const {
    return std::span<const double>(points).subspan(j * dims, dims);
  }
};

bool agree(const char* what, const std::string& case_name, const std::string& proposal, double parley_mean,
           double parley_se, double baseline_mean, double baseline_se) {
  const double se = std::sqrt(parley_se * parley_se + baseline_se * baseline_se);
  const double z = se > 0.0 ? std::fabs(parley_mean - baseline_mean) / se : (parley_mean == baseline_mean ? 0 : kInf);
  std::fprintf(stderr, "  %-16s %-28s %-8s parley %.6f (se %.6f)  baseline %.6f (se %.6f)  |z| %.2f\n",
               case_name.c_str(), proposal.c_str(), what, parley_mean, parley_se, baseline_mean, baseline_se, z);
  return z <= 5.0;
}

// The honesty check: over `check_draws` draws each (independent streams), the
// baseline's mean P(deal) and support for every proposal must agree with
// parley's within 5 standard errors of the difference.
void check_baseline(const Case& c) {
  const auto start = std::chrono::steady_clock::now();
  parley::SimulationSettings settings;
  settings.draws = c.check_draws;
  settings.seed = kSeed;
  settings.threads = 2;
  const parley::SimulationSummary summary = parley::simulate(*c.model, c.packages, settings);
  const BaselineTotals totals = baseline_run(c.scenario, c.check_draws, kSeed);
  std::fprintf(stderr, "parley_bench: checking the scalar baseline against parley on '%s' (%llu draws each)\n",
               c.name.c_str(), static_cast<unsigned long long>(c.check_draws));
  bool ok = true;
  for (std::size_t p = 0; p < c.packages.size(); ++p) {
    const parley::PackageAccumulator& acc = summary.packages[p];
    const std::string& id = c.scenario.proposals[p].id;
    ok &= agree("P(deal)", c.name, id, acc.deal.mean(), acc.deal.standard_error(), totals.mean(totals.deal_sum, p),
                totals.standard_error(totals.deal_sum, totals.deal_sq, p));
    ok &= agree("support", c.name, id, acc.support.mean(), acc.support.standard_error(),
                totals.mean(totals.support_sum, p), totals.standard_error(totals.support_sum, totals.support_sq, p));
  }
  if (!ok) {
    std::fprintf(stderr,
                 "parley_bench: ABORT: the scalar baseline disagrees with parley on '%s' by more than 5 standard "
                 "errors, so its timings are not comparable with parley's.\n",
                 c.name.c_str());
    std::exit(3);
  }
  std::fprintf(stderr, "parley_bench: baseline agrees on '%s' (checked in %.1f s)\n", c.name.c_str(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
}

const Case& prepare(Case& c) {
  if (c.ready) return c;
  try {
    c.scenario = c.build();
    const auto start = std::chrono::steady_clock::now();
    c.model = std::make_unique<parley::Model>(c.scenario);
    c.model_build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (const parley::Proposal& p : c.scenario.proposals) c.packages.push_back(c.model->package(p.terms));
    c.dims = c.model->input_count();
    // Enough distinct draws to keep branches honest, few enough to stay in cache.
    c.point_count = std::clamp<std::size_t>((std::size_t{1} << 17) / std::max<std::size_t>(1, c.dims), 8, 1024);
    c.points.resize(c.point_count * c.dims);
    c.thetas.resize(c.point_count);
    const parley::PhiloxCube cube(kSeed);
    for (std::size_t j = 0; j < c.point_count; ++j) {
      cube.point(j, std::span<double>(c.points).subspan(j * c.dims, c.dims));
      c.model->realize(c.point(j), c.thetas[j]);
    }
    std::fprintf(stderr,
                 "parley_bench: %s: %zu actors, %zu issues, %zu relations, %zu proposals, %zu uncertain inputs; "
                 "Model built in %.3f s\n",
                 c.name.c_str(), c.scenario.actors.size(), c.scenario.issues.size(), c.scenario.relations.size(),
                 c.scenario.proposals.size(), c.dims, c.model_build_seconds);
    check_baseline(c);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parley_bench: setting up '%s' failed: %s\n", c.name.c_str(), e.what());
    std::exit(1);
  }
  c.ready = true;
  return c;
}

void set_draw_rate(benchmark::State& state, std::uint64_t draws) {
  state.counters["draws_per_second"] = benchmark::Counter(static_cast<double>(draws), benchmark::Counter::kIsRate);
}

// --- per draw: the parts of one Monte Carlo draw -----------------------------------

// The Philox point of the unit cube (one coordinate per uncertain input).
void bench_cube_point(benchmark::State& state, Case* kase) {
  const Case& c = prepare(*kase);
  const parley::PhiloxCube cube(kSeed);
  std::vector<double> u(c.dims);
  std::uint64_t j = 0;
  for (auto _ : state) {
    cube.point(j++, u);
    benchmark::DoNotOptimize(u.data());
  }
  set_draw_rate(state, static_cast<std::uint64_t>(state.iterations()));
}

// Model::realize: the point mapped to the parameters (inverse CDFs, normalising).
void bench_realize(benchmark::State& state, Case* kase) {
  const Case& c = prepare(*kase);
  parley::DrawParameters theta;
  std::size_t j = 0;
  for (auto _ : state) {
    c.model->realize(c.point(j), theta);
    benchmark::DoNotOptimize(theta.raw.data());
    if (++j == c.point_count) j = 0;
  }
  set_draw_rate(state, static_cast<std::uint64_t>(state.iterations()));
}

// Model::evaluate on every proposal: margins, influence, acceptance, deal, support.
void bench_evaluate(benchmark::State& state, Case* kase) {
  const Case& c = prepare(*kase);
  parley::Evaluation eval;
  std::size_t j = 0;
  for (auto _ : state) {
    c.model->evaluate(c.thetas[j], c.packages, eval);
    benchmark::DoNotOptimize(eval.deal.data());
    if (++j == c.point_count) j = 0;
  }
  set_draw_rate(state, static_cast<std::uint64_t>(state.iterations()));
}

void bench_realize_evaluate(benchmark::State& state, Case* kase) {
  const Case& c = prepare(*kase);
  parley::DrawParameters theta;
  parley::Evaluation eval;
  std::size_t j = 0;
  for (auto _ : state) {
    c.model->realize(c.point(j), theta);
    c.model->evaluate(theta, c.packages, eval);
    benchmark::DoNotOptimize(eval.deal.data());
    if (++j == c.point_count) j = 0;
  }
  set_draw_rate(state, static_cast<std::uint64_t>(state.iterations()));
}

// --- whole runs -------------------------------------------------------------------

// The ceiling of a run: the engine's draw loop producing the draws' points
// and mapping them through the inputs' inverse CDFs (BatchEvaluator::realize),
// with the model's evaluation and the accumulators removed. A run can at best
// approach it.
struct RealiseOnly {
  const parley::Model* model = nullptr;
  std::shared_ptr<parley::BatchEvaluator> scratch;  // each chunk's own (copies of the empty tally have none)
  double checksum = 0.0;
  void add(const parley::DrawBatch& batch) {
    if (!scratch) scratch = std::make_shared<parley::BatchEvaluator>(*model, std::span<const parley::Package>());
    scratch->realize(batch.points, batch.size);
    checksum += scratch->parameter(0, 0);
  }
  void merge(const RealiseOnly& other) { checksum += other.checksum; }
};

void bench_ceiling(benchmark::State& state, Case* kase, unsigned threads) {
  const Case& c = prepare(*kase);
  const parley::Engine engine(threads);
  const parley::DrawPoints points(kSeed, c.model->input_count());
  for (auto _ : state) {
    const RealiseOnly total = engine.run(points, c.run_draws, RealiseOnly{c.model.get(), {}, 0.0});
    benchmark::DoNotOptimize(total.checksum);
  }
  set_draw_rate(state, static_cast<std::uint64_t>(state.iterations()) * c.run_draws);
}

// parley::simulate on a Model built beforehand: draws, model and accumulators.
void bench_simulate(benchmark::State& state, Case* kase, unsigned threads) {
  const Case& c = prepare(*kase);
  parley::SimulationSettings settings;
  settings.draws = c.run_draws;
  settings.seed = kSeed;
  settings.threads = threads;
  for (auto _ : state) {
    const parley::SimulationSummary summary = parley::simulate(*c.model, c.packages, settings);
    benchmark::DoNotOptimize(summary.packages.data());
  }
  set_draw_rate(state, static_cast<std::uint64_t>(state.iterations()) * c.run_draws);
}

// parley::run_scenario, as `parley run` calls it: builds the Model, simulates
// every proposal and summarises.
void bench_run_scenario(benchmark::State& state, Case* kase, unsigned threads) {
  const Case& c = prepare(*kase);
  parley::RunSettings settings;
  settings.simulation.draws = c.run_draws;
  settings.simulation.seed = kSeed;
  settings.simulation.threads = threads;
  for (auto _ : state) {
    const parley::RunResult result = parley::run_scenario(c.scenario, settings);
    benchmark::DoNotOptimize(result.proposals.data());
  }
  set_draw_rate(state, static_cast<std::uint64_t>(state.iterations()) * c.run_draws);
}

void bench_model_build(benchmark::State& state, Case* kase) {
  const Case& c = prepare(*kase);
  for (auto _ : state) {
    const parley::Model model(c.scenario);
    benchmark::DoNotOptimize(model.input_count());
  }
}

// The scalar baseline over baseline_draws draws, one thread.
void bench_baseline(benchmark::State& state, Case* kase) {
  const Case& c = prepare(*kase);
  std::uint64_t seed = kSeed;
  for (auto _ : state) {
    const BaselineTotals totals = baseline_run(c.scenario, c.baseline_draws, seed++);
    benchmark::DoNotOptimize(totals.deal_sum.data());
  }
  set_draw_rate(state, static_cast<std::uint64_t>(state.iterations()) * c.baseline_draws);
}

// How the cost of a run grows: parley::simulate (one thread, 4096 draws) on
// synthetic scenarios of one shape each, the Model built before timing.
void bench_growth(benchmark::State& state, SyntheticShape shape) {
  const parley::Scenario scenario = synthetic_scenario(shape);
  const parley::Model model(scenario);
  std::vector<parley::Package> packages;
  for (const auto& p : scenario.proposals) packages.push_back(model.package(p.terms));
  parley::SimulationSettings settings;
  settings.draws = parley::kChunkSize;
  settings.seed = kSeed;
  settings.deal_quantiles = false;
  for (auto _ : state) {
    const parley::SimulationSummary summary = parley::simulate(model, packages, settings);
    benchmark::DoNotOptimize(summary.packages.data());
  }
  set_draw_rate(state, static_cast<std::uint64_t>(state.iterations()) * settings.draws);
  state.counters["inputs"] = static_cast<double>(model.input_count());
}

void register_growth() {
  auto reg = [](std::size_t actors, std::size_t issues, std::size_t proposals) {
    SyntheticShape shape;
    shape.actors = actors;
    shape.issues = issues;
    shape.positions_per_actor = std::min<std::size_t>(10, issues);
    shape.veto_actors = std::min<std::size_t>(6, actors);
    shape.proposals = proposals;
    const std::string name = "growth/actors:" + std::to_string(actors) + "/issues:" + std::to_string(issues) +
                             "/proposals:" + std::to_string(proposals);
    // CPU time: one thread, and the figures stay readable on a busy machine.
    benchmark::RegisterBenchmark(name.c_str(), bench_growth, shape)->Unit(benchmark::kMillisecond);
  };
  for (const std::size_t actors : {25, 50, 100, 200, 400}) reg(actors, 40, 3);
  for (const std::size_t issues : {10, 20, 80}) reg(200, issues, 3);
  for (const std::size_t proposals : {1, 9, 27}) reg(200, 40, proposals);
}

// Names: <case>/<what>[/draws:N][/threads:T]/real_time. All use wall-clock time.
void register_case(Case* c) {
  const std::string n = c->name + "/";
  auto reg = [&](const std::string& name, auto&& fn, auto... args) {
    return benchmark::RegisterBenchmark(name.c_str(), fn, c, args...)->UseRealTime();
  };
  const benchmark::TimeUnit per_draw = c->large ? benchmark::kMicrosecond : benchmark::kNanosecond;
  reg(n + "cube_point", bench_cube_point)->Unit(per_draw);
  reg(n + "realize", bench_realize)->Unit(per_draw);
  reg(n + "evaluate", bench_evaluate)->Unit(per_draw);
  reg(n + "realize_evaluate", bench_realize_evaluate)->Unit(per_draw);
  const std::string draws = "/draws:" + std::to_string(c->run_draws);
  reg(n + "ceiling" + draws + "/threads:1", bench_ceiling, 1U)->Unit(benchmark::kMillisecond);
  for (const unsigned threads : {1U, 2U}) {
    reg(n + "simulate" + draws + "/threads:" + std::to_string(threads), bench_simulate, threads)
        ->Unit(benchmark::kMillisecond);
  }
  if (c->with_run_scenario) {
    for (const unsigned threads : {1U, 2U}) {
      reg(n + "run_scenario" + draws + "/threads:" + std::to_string(threads), bench_run_scenario, threads)
          ->Unit(benchmark::kMillisecond);
    }
  }
  reg(n + "model_build", bench_model_build)->Unit(benchmark::kMillisecond);
  reg(n + "baseline_scalar/draws:" + std::to_string(c->baseline_draws), bench_baseline)->Unit(benchmark::kMillisecond);
}

// ============================================================================
// Reporting: the chosen display reporter, plus a summary of draws per second
// and the ratio to the baseline of the same scenario, from this run.
// ============================================================================

struct Options {
  std::string format = "console";
  bool tabular = false;
  int color = -1;  // -1 auto
};

bool truthy(std::string_view v) {
  return v.empty() || v == "true" || v == "yes" || v == "1" || v == "on";
}

// Reads the display flags that shape the reporter (benchmark's own parser
// keeps them private); benchmark::Initialize validates them afterwards.
Options display_options(int argc, char** argv) {
  Options o;
  for (int k = 1; k < argc; ++k) {
    const std::string_view arg = argv[k];
    auto value = [&](std::string_view flag, std::string_view& out) {
      if (arg == flag) {
        out = "";
        return true;
      }
      if (arg.size() > flag.size() && arg.substr(0, flag.size()) == flag && arg[flag.size()] == '=') {
        out = arg.substr(flag.size() + 1);
        return true;
      }
      return false;
    };
    std::string_view v;
    if (value("--benchmark_format", v)) o.format = std::string(v);
    if (value("--benchmark_counters_tabular", v)) o.tabular = truthy(v);
    if (value("--benchmark_color", v)) o.color = v == "auto" ? -1 : (truthy(v) ? 1 : 0);
  }
  return o;
}

class SummaryReporter : public benchmark::BenchmarkReporter {
 public:
  explicit SummaryReporter(const Options& o) : console_(o.format != "json" && o.format != "csv") {
    if (o.format == "json") {
      inner_ = std::make_unique<benchmark::JSONReporter>();
    } else if (o.format == "csv") {
      // Deprecated upstream but still what --benchmark_format=csv selects.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
      inner_ = std::make_unique<benchmark::CSVReporter>();
#pragma GCC diagnostic pop
    } else {
      const bool color = o.color == 1 || (o.color == -1 && isatty(STDOUT_FILENO) != 0);
      int opts = benchmark::ConsoleReporter::OO_None;
      if (color) opts |= benchmark::ConsoleReporter::OO_Color;
      if (o.tabular) opts |= benchmark::ConsoleReporter::OO_Tabular;
      inner_ =
          std::make_unique<benchmark::ConsoleReporter>(static_cast<benchmark::ConsoleReporter::OutputOptions>(opts));
    }
  }

  bool ReportContext(const Context& context) override {
    return inner_->ReportContext(context);
  }

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.error_occurred) continue;
      const auto found = run.counters.find("draws_per_second");
      if (found == run.counters.end()) continue;
      const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      if (run.run_type == Run::RT_Aggregate && !median) continue;
      const std::string key = run.run_name.str();
      if (!rates_.contains(key)) order_.push_back(key);
      if (median || !medians_.contains(key)) rates_[key] = found->second.value;
      if (median) medians_.insert(key);
    }
    inner_->ReportRuns(runs);
  }

  void Finalize() override {
    inner_->Finalize();
    // Summary: on stdout after a console report, on stderr after json/csv.
    std::FILE* out = console_ ? stdout : stderr;
    if (order_.empty()) return;
    std::fflush(stdout);
    std::fprintf(out, "\nDraws per second, and the ratio to the scalar baseline of the same scenario in this run\n");
    std::fprintf(out, "%-58s %16s %14s %12s\n", "benchmark", "draws/s", "per thread", "x baseline");
    for (const std::string& key : order_) {
      const double rate = rates_[key];
      const unsigned threads = threads_of(key);
      const std::string scenario = key.substr(0, key.find('/'));
      double baseline = 0.0;
      for (const auto& [other, value] : rates_) {
        if (other.rfind(scenario + "/baseline_scalar", 0) == 0) baseline = value;
      }
      // Ratios only for benchmarks that compute whole draws (not their parts).
      const bool whole =
          key.find("/realize_evaluate") != std::string::npos || key.find("/simulate/") != std::string::npos ||
          key.find("/run_scenario/") != std::string::npos || key.find("/baseline_scalar/") != std::string::npos;
      char ratio[32] = "-";
      if (whole && baseline > 0.0) std::snprintf(ratio, sizeof ratio, "%.1f", rate / baseline);
      std::fprintf(out, "%-58s %16.0f %14.0f %12s\n", key.c_str(), rate, rate / threads, ratio);
    }
    // The project's target: >= 1,000,000 draws/s per core on the reports'
    // scenario with all its proposals (parley::simulate, Model built once).
    for (const std::string& key : order_) {
      if (key.rfind("ukraine/simulate/", 0) != 0) continue;
      const double per_core = rates_[key] / threads_of(key);
      std::fprintf(out, "target 1,000,000 draws/s per core: %s -> %.0f per core: %s\n", key.c_str(), per_core,
                   per_core >= 1e6 ? "met" : "NOT met");
    }
    // The run against its ceiling (points and inverse CDFs alone), one
    // thread, same scenario, this run (issue 13: at least 50%).
    for (const std::string& key : order_) {
      if (key.find("/simulate/") == std::string::npos || threads_of(key) != 1) continue;
      const std::string scenario = key.substr(0, key.find('/'));
      for (const auto& [other, value] : rates_) {
        if (other.rfind(scenario + "/ceiling/", 0) != 0 || value <= 0.0) continue;
        std::fprintf(out, "share of the ceiling: %s -> %.0f%% of %s\n", key.c_str(), 100.0 * rates_[key] / value,
                     other.c_str());
      }
    }
    std::fflush(out);
  }

 private:
  static unsigned threads_of(const std::string& key) {
    const auto at = key.find("/threads:");
    if (at == std::string::npos) return 1;
    return static_cast<unsigned>(std::strtoul(key.c_str() + at + 9, nullptr, 10));
  }

  bool console_;
  std::unique_ptr<benchmark::BenchmarkReporter> inner_;
  std::vector<std::string> order_;
  std::map<std::string, double> rates_;
  std::set<std::string> medians_;  // keys whose rate is a median over repetitions
};

}  // namespace

int main(int argc, char** argv) {
  const Options options = display_options(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  std::vector<std::unique_ptr<Case>> cases;
  auto add = [&](Case c) { cases.push_back(std::make_unique<Case>(std::move(c))); };
  Case ukraine;
  ukraine.name = "ukraine";
  ukraine.build = [] {
    return parley::load_scenario_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/ukraine-28-point-2025-11.yaml");
  };
  ukraine.run_draws = 1ULL << 16;
  ukraine.baseline_draws = 1ULL << 12;
  ukraine.check_draws = 20000;
  add(std::move(ukraine));

  for (const bool uncertain_weights : {false, true}) {
    Case synthetic;
    synthetic.name = uncertain_weights ? "synthetic_wdraw" : "synthetic";
    synthetic.build = [uncertain_weights] {
      SyntheticShape shape;
      shape.uncertain_weights = uncertain_weights;
      return synthetic_scenario(shape);
    };
    synthetic.run_draws = 1ULL << 13;  // two chunks of parley::kChunkSize: one per thread
    synthetic.baseline_draws = 1ULL << 6;
    synthetic.check_draws = 400;
    synthetic.large = true;
    synthetic.with_run_scenario = false;  // its time is model_build's plus simulate's
    add(std::move(synthetic));
  }

  // The reports' scenario is always prepared (and its baseline checked) up front.
  prepare(*cases.front());
  for (const auto& c : cases) register_case(c.get());
  register_growth();

  SummaryReporter reporter(options);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
