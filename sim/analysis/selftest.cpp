#include "parley/analysis/selftest.hpp"

#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>
#include <utility>

#include "parley/core/bargaining.hpp"
#include "parley/core/model.hpp"
#include "parley/core/sensitivity.hpp"
#include "parley/analysis/solve.hpp"

namespace parley {

bool SelfCheck::passed() const {
  return std::isfinite(obtained) && std::fabs(obtained - expected) <= tolerance;
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Parameter fixed(double value, const std::string& path, Interval allowed) {
  Parameter p;
  p.dist = Distribution::fixed(value);
  p.path = path;
  p.allowed = allowed;
  return p;
}

// An actor with fixed inputs and a single position at `ideal` on issue 0.
Actor simple_actor(const std::string& id, double reservation, double rationality, double ideal) {
  Actor a;
  a.id = id;
  a.name = id;
  a.veto = true;
  a.capability = fixed(1.0, "", {0, kInf});
  a.rationality = fixed(rationality, "", {0, kInf});
  a.rho = fixed(1.0, "", {1, kInf});
  a.reservation = fixed(reservation, "", {0, 1});
  Position p;
  p.issue = 0;
  p.ideal = fixed(ideal, "", {0, 1});
  p.salience = fixed(1.0, "", {0, kInf});
  a.positions.push_back(p);
  return a;
}

std::string fmt_pair(const std::string& prefix, double a, double b) {
  std::ostringstream out;
  out << prefix << a << ", " << b;
  return out.str();
}

Scenario one_issue_scenario() {
  Scenario s;
  Issue x;
  x.id = "x";
  s.issues = {x};
  return s;
}

Evaluation evaluate(const Scenario& s, double term) {
  const Model model(s);
  const std::vector<double> terms = {term};
  const std::vector<Package> packages = {model.package(terms)};
  Evaluation e;
  model.evaluate(model.median_parameters(), packages, e);
  return e;
}

CubeFunction ishigami(double a, double b) {
  return {3, [a, b](std::span<const double> points, std::span<double> out) {
            constexpr double pi = std::numbers::pi;
            for (std::size_t k = 0; k < out.size(); ++k) {
              const double x1 = -pi + 2 * pi * points[3 * k];
              const double x2 = -pi + 2 * pi * points[3 * k + 1];
              const double x3 = -pi + 2 * pi * points[3 * k + 2];
              out[k] = std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1);
            }
          }};
}

CubeFunction g_function(const std::vector<double>& coefficients) {
  const std::size_t d = coefficients.size();
  return {d, [coefficients, d](std::span<const double> points, std::span<double> out) {
            for (std::size_t k = 0; k < out.size(); ++k) {
              double product = 1.0;
              for (std::size_t i = 0; i < d; ++i) {
                product *= (std::fabs(4 * points[k * d + i] - 2) + coefficients[i]) / (1 + coefficients[i]);
              }
              out[k] = product;
            }
          }};
}

std::vector<std::vector<std::size_t>> singletons(std::size_t d) {
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < d; ++i) groups.push_back({i});
  return groups;
}

}  // namespace

std::vector<SelfCheck> run_selftest(unsigned threads) {
  std::vector<SelfCheck> checks;

  // 1. One actor, fixed inputs: P = 1 / (1 + exp(-lambda (u - r))), u = 1 - |z - ideal|.
  {
    Scenario s = one_issue_scenario();
    s.actors = {simple_actor("solo", 0.45, 8.0, 0.2)};
    const double u = 1.0 - std::fabs(0.6 - 0.2);
    checks.push_back({"one actor: P = logistic(lambda margin)", 1.0 / (1.0 + std::exp(-8.0 * (u - 0.45))),
                      evaluate(s, 0.6).accept(0, 0), 1e-12});
  }
  // 2. Two actors, edges 0 -> 1 (0.4) and 1 -> 0 (-0.5): hand-solved stances.
  {
    Scenario s = one_issue_scenario();
    s.actors = {simple_actor("a", 0.3, 1.0, 1.0), simple_actor("b", 0.8, 1.0, 1.0)};
    Relation ab;
    ab.from = 0;
    ab.to = 1;
    ab.weight = fixed(0.4, "relations.0.weight", {-1, 1});
    Relation ba;
    ba.from = 1;
    ba.to = 0;
    ba.weight = fixed(-0.5, "relations.1.weight", {-1, 1});
    s.relations = {ab, ba};
    // m = (0.6, 0.1); y0 = (0.5 m0 - 0.3 m1) / 1.2 = 0.225; y1 = 0.4 y0 + 0.6 m1 = 0.15.
    const Evaluation e = evaluate(s, 0.9);
    checks.push_back({"two-actor graph: stance of a", 0.225, e.stance(0, 0), 1e-12});
    checks.push_back({"two-actor graph: stance of b", 0.15, e.stance(1, 0), 1e-12});
  }
  // 3. Ishigami (a = 7, b = 0.1), 2^14 Sobol-sequence base samples.
  {
    const double a = 7.0, b = 0.1;
    const double pi4 = std::pow(std::numbers::pi, 4), pi8 = std::pow(std::numbers::pi, 8);
    const double v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
    const double v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5);
    const double v2 = a * a / 8;
    const double vt3 = 8 * b * b * pi8 / 225;
    SobolSettings settings;
    settings.threads = threads;
    settings.bootstrap = 0;
    const SobolResult r = sobol_indices(ishigami(a, b), singletons(3), {}, settings);
    const double first[3] = {v1 / v, v2 / v, 0.0};
    const double total[3] = {(v1 + vt3) / v, v2 / v, vt3 / v};
    for (std::size_t i = 0; i < 3; ++i) {
      const std::string x = "x" + std::to_string(i + 1);
      checks.push_back({"Ishigami S1 of " + x, first[i], r.indices[i].first, 0.02});
      checks.push_back({"Ishigami ST of " + x, total[i], r.indices[i].total, 0.02});
    }
  }
  // 4. Sobol's G function, a = (0, 1, 4.5, 9, 99, 99).
  const std::vector<double> coefficients = {0, 1, 4.5, 9, 99, 99};
  {
    std::vector<double> vi;
    double product = 1.0;
    for (double ai : coefficients) {
      vi.push_back(1.0 / (3 * (1 + ai) * (1 + ai)));
      product *= 1 + vi.back();
    }
    const double v = product - 1;
    SobolSettings settings;
    settings.threads = threads;
    settings.bootstrap = 0;
    const SobolResult r = sobol_indices(g_function(coefficients), singletons(coefficients.size()), {}, settings);
    for (std::size_t i = 0; i < coefficients.size(); ++i) {
      const std::string x = "x" + std::to_string(i + 1);
      checks.push_back({"G function S1 of " + x, vi[i] / v, r.indices[i].first, 0.02});
      checks.push_back({"G function ST of " + x, vi[i] * product / (1 + vi[i]) / v, r.indices[i].total, 0.02});
    }
  }
  // 5. Morris on the G function: mu* falls with the coefficient a_i.
  {
    MorrisSettings settings;
    settings.trajectories = 200;
    settings.threads = threads;
    const MorrisResult r = morris_effects(g_function(coefficients), singletons(coefficients.size()), {}, settings);
    for (std::size_t i = 0; i + 1 < 5; ++i) {
      // Expected 1: mu*(x_i) > mu*(x_{i+1}) holds.
      const double holds = r.effects[i].mu_star > r.effects[i + 1].mu_star ? 1.0 : 0.0;
      checks.push_back(
          {"Morris on G: mu*(x" + std::to_string(i + 1) + ") > mu*(x" + std::to_string(i + 2) + ")", 1.0, holds, 0.0});
    }
  }
  // 6. Alternating offers against Rubinstein (1982): two actors split one
  // issue (u1 = z, u2 = 1 - z, reservations 0); with high rationality and many
  // rounds the first offer gives the first proposer (1 - d2) / (1 - d1 d2).
  for (const auto& [d1, d2] : {std::pair{0.9, 0.9}, std::pair{0.8, 0.95}}) {
    Scenario s = one_issue_scenario();
    s.actors = {simple_actor("first", 0.0, 2000.0, 1.0), simple_actor("second", 0.0, 2000.0, 0.0)};
    s.actors[0].discount.dist = Distribution::fixed(d1);
    s.actors[1].discount.dist = Distribution::fixed(d2);
    GameRules rules;
    rules.protocol = BargainingProtocol::alternating;
    rules.rounds = 120;
    rules.start = {0.5};
    rules.search_tolerance = 1e-6;
    const BargainingGame game(s, rules);
    GameDraw draw;
    game.realize(std::vector<double>(game.input_count(), 0.5), draw);
    const double share = game.plan_alternating(draw).offers[0][0];
    checks.push_back({fmt_pair("Rubinstein first offer, d = ", d1, d2), (1.0 - d2) / (1.0 - d1 * d2), share, 0.02});
  }
  // 7. The capability-weighted Nash solution (Nash 1950): two actors split
  // one issue (u1 = z, u2 = 1 - z, reservations 0); maximising
  // w1 log z + w2 log(1 - z) gives z = w1 / (w1 + w2).
  for (const double w1 : {1.0, 3.0}) {
    Scenario s = one_issue_scenario();
    s.actors = {simple_actor("first", 0.0, 1.0, 1.0), simple_actor("second", 0.0, 1.0, 0.0)};
    s.actors[0].capability.dist = Distribution::fixed(w1);
    Proposal even;
    even.id = "even";
    even.terms = {0.5};
    s.proposals = {even};
    SolveSettings settings;
    settings.mode = SolveMode::nash;
    settings.simulation.draws = 1;
    settings.simulation.threads = threads;
    const SolveResult r = solve_scenario(s, settings);
    checks.push_back({fmt_pair("Nash split, capabilities ", w1, 1.0), w1 / (w1 + 1.0), r.nash.terms[0], 1e-3});
  }
  return checks;
}

}  // namespace parley
