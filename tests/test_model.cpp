#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "parley/core/model.hpp"
#include "parley/core/sampler.hpp"
#include "random_scenario.hpp"
#include "scenario_builder.hpp"

using namespace parley;
using namespace parley::testing;

namespace {
double closed_form_logistic(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

// Stances of a scenario whose margins are set directly: every actor has one
// position at ideal 1 on a single issue, so with terms z its margin is z - r.
Scenario graph_scenario(const std::vector<double>& reservations, const std::vector<Relation>& relations) {
  Scenario s;
  s.issues = {issue("x")};
  for (std::size_t i = 0; i < reservations.size(); ++i) {
    Actor a = actor("a" + std::to_string(i), reservations[i], 1.0);
    a.positions.push_back(position(0, Distribution::fixed(1.0), Distribution::fixed(1.0)));
    s.actors.push_back(a);
  }
  s.relations = relations;
  s.proposals = {proposal("p", {0.9})};
  return s;
}

Evaluation evaluate_median(const Scenario& s, std::vector<double> terms) {
  const Model model(s);
  const Package p = model.package(terms);
  Evaluation out;
  model.evaluate(model.median_parameters(), std::span(&p, 1), out);
  return out;
}
}  // namespace

TEST_CASE("a single actor with fixed inputs accepts with exactly the logistic of lambda times its margin",
          "[model][exact]") {
  Scenario s;
  s.issues = {issue("territory", 0, 100), issue("guarantee")};
  Actor a = actor("solo", 0.45, 8.0);
  a.positions.push_back(position(0, Distribution::fixed(20), Distribution::fixed(3), {0, 100}));
  a.positions.push_back(position(1, Distribution::fixed(1), Distribution::fixed(1)));
  s.actors = {a};
  // terms: territory 60 (z 0.6), guarantee 0.5: u = 1 - (0.75 * 0.4 + 0.25 * 0.5) = 0.575
  const Evaluation e = evaluate_median(s, {60, 0.5});
  const double margin = 0.575 - 0.45;
  CHECK(e.margin(0, 0) == Approx(margin).epsilon(1e-15));
  CHECK(e.stance(0, 0) == Approx(margin).epsilon(1e-15));
  CHECK(e.accept(0, 0) == Approx(closed_form_logistic(8.0 * margin)).epsilon(1e-15));
  CHECK(e.deal(0) == e.accept(0, 0));
  CHECK(e.support(0) == e.accept(0, 0));
}

TEST_CASE("utility is 1 at the ideal point and falls as terms move away", "[model][exact]") {
  const std::vector<double> salience = {0.5, 0.3, 0.2};
  const std::vector<double> ideal = {0.2, 0.9, 0.5};
  CHECK(utility(salience, ideal, ideal, 1.0) == 1.0);
  CHECK(utility(salience, ideal, ideal, 2.5) == 1.0);
  double previous = 1.0;
  for (double step = 0.1; step <= 0.7; step += 0.1) {
    const std::vector<double> terms = {0.2 + step * 0.5, 0.9 - step, 0.5 + step * 0.5};
    const double u = utility(salience, ideal, terms, 1.0);
    CHECK(u < previous);
    previous = u;
  }
  // rho = 2: losses are squared distances.
  const std::vector<double> near = {0.4, 0.9, 0.5};
  CHECK(utility(salience, ideal, near, 2.0) == Approx(1 - 0.5 * 0.04).epsilon(1e-15));
}

TEST_CASE("Friedkin-Johnsen stances on a two-actor graph equal the hand-solved values", "[model][influence][exact]") {
  // Margins m0 = 0.9 - 0.3 = 0.6, m1 = 0.9 - 0.8 = 0.1.
  // Edge 0 -> 1 weight 0.4 only: y0 = m0 = 0.6; y1 = 0.4 y0 + 0.6 m1 = 0.24 + 0.06 = 0.30.
  const Scenario one_way = graph_scenario({0.3, 0.8}, {relation(0, 1, Distribution::fixed(0.4))});
  const Evaluation a = evaluate_median(one_way, {0.9});
  CHECK(a.stance(0, 0) == Approx(0.6).epsilon(1e-14));
  CHECK(a.stance(1, 0) == Approx(0.30).epsilon(1e-14));

  // Both ways, 0 -> 1 weight 0.4 and 1 -> 0 weight -0.5 (reactive devaluation):
  //   y0 = -0.5 y1 + 0.5 m0,  y1 = 0.4 y0 + 0.6 m1
  //   y0 = (0.5 m0 - 0.3 m1) / 1.2 = (0.3 - 0.03) / 1.2 = 0.225;  y1 = 0.09 + 0.06 = 0.15.
  const Scenario both =
      graph_scenario({0.3, 0.8}, {relation(0, 1, Distribution::fixed(0.4)), relation(1, 0, Distribution::fixed(-0.5))});
  const Evaluation b = evaluate_median(both, {0.9});
  CHECK(b.stance(0, 0) == Approx(0.225).epsilon(1e-14));
  CHECK(b.stance(1, 0) == Approx(0.15).epsilon(1e-14));
}

TEST_CASE("Friedkin-Johnsen stances on a three-actor cycle with a negative weight equal the hand-solved values",
          "[model][influence][exact]") {
  // m = (0.5, -0.2, 0.1) from reservations (0.4, 1.1 - 0, ...): set terms 0.9.
  // Edges: 0 -> 1 (0.5), 1 -> 2 (0.25), 2 -> 0 (-0.2), so a = (0.2, 0.5, 0.25).
  //   y0 = -0.2 y2 + 0.8 m0;  y1 = 0.5 y0 + 0.5 m1;  y2 = 0.25 y1 + 0.75 m2
  // With m = (0.5, -0.1, 0.2):
  //   y2 = 0.25 (0.5 y0 - 0.05) + 0.15 = 0.125 y0 + 0.1375
  //   y0 = -0.2 (0.125 y0 + 0.1375) + 0.4  =>  1.025 y0 = 0.3725  =>  y0 = 0.3634146341...
  const Scenario s = graph_scenario(
      {0.4, 1.0, 0.7}, {relation(0, 1, Distribution::fixed(0.5)), relation(1, 2, Distribution::fixed(0.25)),
                        relation(2, 0, Distribution::fixed(-0.2))});
  const Evaluation e = evaluate_median(s, {0.9});
  const double y0 = 0.3725 / 1.025;
  const double y1 = 0.5 * y0 - 0.05;
  const double y2 = 0.125 * y0 + 0.1375;
  CHECK(e.margin(1, 0) == Approx(-0.1).epsilon(1e-14));
  CHECK(e.stance(0, 0) == Approx(y0).epsilon(1e-14));
  CHECK(e.stance(1, 0) == Approx(y1).epsilon(1e-14));
  CHECK(e.stance(2, 0) == Approx(y2).epsilon(1e-14));
  CHECK(e.accept(2, 0) == Approx(closed_form_logistic(y2)).epsilon(1e-14));
}

TEST_CASE("stances are the same whether the weights are fixed or drawn", "[model][influence][exact]") {
  // A uniform weight on a tiny interval has its median at the midpoint: compare
  // the per-draw solver with the factorised one at that same value.
  const std::vector<Relation> fixed_edges = {relation(0, 1, Distribution::fixed(0.3)),
                                             relation(1, 0, Distribution::fixed(-0.4))};
  const std::vector<Relation> drawn_edges = {relation(0, 1, Distribution::uniform(0.2, 0.4)),
                                             relation(1, 0, Distribution::uniform(-0.5, -0.3))};
  const Evaluation a = evaluate_median(graph_scenario({0.2, 0.6}, fixed_edges), {0.7});
  const Evaluation b = evaluate_median(graph_scenario({0.2, 0.6}, drawn_edges), {0.7});
  CHECK(a.stance(0, 0) == Approx(b.stance(0, 0)).epsilon(1e-13));
  CHECK(a.stance(1, 0) == Approx(b.stance(1, 0)).epsilon(1e-13));
}

TEST_CASE("P(deal) is the product over veto actors and support the capability-weighted mean", "[model][exact]") {
  Scenario s = graph_scenario({0.3, 0.5, 0.7}, {});
  s.actors[1].veto = false;
  s.actors[0].capability.dist = Distribution::fixed(3.0);
  const Evaluation e = evaluate_median(s, {0.9});
  const double p0 = closed_form_logistic(0.6), p1 = closed_form_logistic(0.4), p2 = closed_form_logistic(0.2);
  CHECK(e.deal(0) == Approx(p0 * p2).epsilon(1e-15));
  CHECK(e.support(0) == Approx((3 * p0 + p1 + p2) / 5).epsilon(1e-15));
}

TEST_CASE("logistic acceptance neither overflows nor returns NaN for extreme stances", "[model][exact]") {
  CHECK(acceptance(1e6, 1.0) == 1.0);
  CHECK(acceptance(1e6, -1.0) == 0.0);
  CHECK(acceptance(8.0, 0.0) == 0.5);
}

TEST_CASE("random valid scenarios never give NaN or probabilities outside [0, 1]", "[model][property]") {
  std::mt19937_64 rng(12345);
  for (int trial = 0; trial < 300; ++trial) {
    const Scenario s = testing::random_scenario(rng);
    const Model model(s);
    std::vector<Package> packages;
    for (const auto& p : s.proposals) packages.push_back(model.package(p.terms));
    const PhiloxCube cube(static_cast<std::uint64_t>(trial));
    std::vector<double> u(model.input_count());
    DrawParameters theta;
    Evaluation e;
    for (std::uint64_t j = 0; j < 50; ++j) {
      cube.point(j, u);
      model.realize(u, theta);
      model.evaluate(theta, packages, e);
      for (Eigen::Index c = 0; c < e.accept.cols(); ++c) {
        INFO("trial " << trial << " draw " << j);
        REQUIRE(std::isfinite(e.deal(c)));
        REQUIRE(e.deal(c) >= 0.0);
        REQUIRE(e.deal(c) <= 1.0);
        REQUIRE(e.support(c) >= 0.0);
        REQUIRE(e.support(c) <= 1.0);
        for (Eigen::Index i = 0; i < e.accept.rows(); ++i) {
          REQUIRE(std::isfinite(e.stance(i, c)));
          REQUIRE(e.accept(i, c) >= 0.0);
          REQUIRE(e.accept(i, c) <= 1.0);
        }
      }
    }
  }
}

TEST_CASE("moving a term toward an actor's ideal never lowers its utility", "[model][property]") {
  std::mt19937_64 rng(777);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int trial = 0; trial < 2000; ++trial) {
    const std::size_t n = 1 + rng() % 6;
    std::vector<double> salience(n), ideal(n), terms(n);
    double total = 0;
    for (std::size_t k = 0; k < n; ++k) {
      salience[k] = unit(rng);
      total += salience[k];
      ideal[k] = unit(rng);
      terms[k] = unit(rng);
    }
    for (auto& s : salience) s /= total;
    const double rho = 1.0 + 3.0 * unit(rng);
    const double before = utility(salience, ideal, terms, rho);
    const std::size_t k = rng() % n;
    std::vector<double> closer = terms;
    closer[k] = terms[k] + unit(rng) * (ideal[k] - terms[k]);
    INFO("trial " << trial);
    CHECK(utility(salience, ideal, closer, rho) >= before);
    CHECK(before <= 1.0);
  }
}
