#include <catch2/catch.hpp>
#include <cmath>

#include "parley/analysis/run.hpp"
#include "parley/core/engine.hpp"
#include "scenario_builder.hpp"

using namespace parley;
using namespace parley::testing;

namespace {
// One actor, one issue, ideal 0, terms 0.3: u = 0.7; reservation ~ U(a, b).
Scenario uniform_reservation_scenario(double a, double b, double lambda) {
  Scenario s;
  s.issues = {issue("x")};
  Actor solo = actor("solo", 0.5, lambda);
  solo.reservation.dist = Distribution::uniform(a, b);
  solo.positions.push_back(position(0, Distribution::fixed(0.0), Distribution::fixed(1.0)));
  s.actors = {solo};
  s.proposals = {proposal("p", {0.3})};
  return s;
}
}  // namespace

TEST_CASE("mean acceptance over a uniform reservation matches the closed form within 4 standard errors",
          "[engine][statistical]") {
  // E[P] = 1/(b - a) * integral_a^b logistic(lambda (u0 - r)) dr
  //      = [ln(1 + e^{lambda (u0 - a)}) - ln(1 + e^{lambda (u0 - b)})] / (lambda (b - a)).
  const double a = 0.4, b = 0.9, lambda = 6.0, u0 = 0.7;
  const Scenario s = uniform_reservation_scenario(a, b, lambda);
  RunSettings settings;
  settings.simulation.draws = 100000;
  settings.simulation.seed = 2025;
  settings.simulation.threads = 2;
  const RunResult r = run_scenario(s, settings);
  const double expected =
      (std::log1p(std::exp(lambda * (u0 - a))) - std::log1p(std::exp(lambda * (u0 - b)))) / (lambda * (b - a));
  const Estimate& e = r.proposals[0].actors[0].accept;
  CHECK(std::fabs(e.mean - expected) < 4 * e.se);
  CHECK(e.ci95[0] < expected);
  CHECK(e.ci95[1] > expected);
  // The 5% quantile of P(deal | theta) is the acceptance at the 95% reservation.
  const double q05 = 1 / (1 + std::exp(-lambda * (u0 - (a + 0.95 * (b - a)))));
  CHECK(r.proposals[0].deal_q05 == Approx(q05).epsilon(0.01));
}

TEST_CASE("the same seed gives identical results for any thread count and any proposal subset",
          "[engine][determinism]") {
  Scenario s = uniform_reservation_scenario(0.1, 0.9, 3.0);
  s.proposals.push_back(proposal("q", {0.8}));
  const Model model(s);
  const std::vector<Package> both = {model.package(s.proposals[0].terms), model.package(s.proposals[1].terms)};
  SimulationSettings settings;
  settings.draws = 50000;
  settings.seed = 11;
  const SimulationSummary one = simulate(model, both, settings);
  settings.threads = 3;
  const SimulationSummary three = simulate(model, both, settings);
  const SimulationSummary first_only = simulate(model, std::span(both).first(1), settings);
  CHECK(one.packages[0].deal.mean() == three.packages[0].deal.mean());
  CHECK(one.packages[1].deal.mean() == three.packages[1].deal.mean());
  // Common random numbers: a proposal's estimate does not depend on the others.
  CHECK(first_only.packages[0].deal.mean() == one.packages[0].deal.mean());
}

TEST_CASE("different seeds give different but statistically consistent estimates", "[engine][statistical]") {
  const Scenario s = uniform_reservation_scenario(0.2, 0.8, 4.0);
  RunSettings settings;
  settings.simulation.draws = 40000;
  settings.simulation.seed = 1;
  const RunResult a = run_scenario(s, settings);
  settings.simulation.seed = 2;
  const RunResult b = run_scenario(s, settings);
  const Estimate& ea = a.proposals[0].deal;
  const Estimate& eb = b.proposals[0].deal;
  CHECK(ea.mean != eb.mean);
  CHECK(std::fabs(ea.mean - eb.mean) < 4 * std::hypot(ea.se, eb.se));
}

TEST_CASE("the engine hands every draw to a tally once, in order, with the model evaluated", "[engine][tally]") {
  const Scenario s = uniform_reservation_scenario(0.2, 0.8, 4.0);
  const Model model(s);
  const std::vector<Package> packages = {model.package(s.proposals[0].terms)};
  // A tally that keeps each draw's index and P(deal): merging appends, so a
  // draw seen twice, missed or out of order would show.
  struct Seen {
    std::vector<std::uint64_t> draws;
    std::vector<double> deals;
    void add(const DrawBatch& batch) {
      REQUIRE(batch.evaluation != nullptr);
      for (std::size_t b = 0; b < batch.size; ++b) {
        draws.push_back(batch.first + b);
        deals.push_back(batch.evaluation->deal(0, b));
      }
    }
    void merge(const Seen& other) {
      draws.insert(draws.end(), other.draws.begin(), other.draws.end());
      deals.insert(deals.end(), other.deals.begin(), other.deals.end());
    }
  };
  static_assert(Tally<Seen>);
  const DrawPoints points(7, model.input_count());
  const Seen one = Engine(1).run(points, 10000, Seen{}, Evaluated{model, packages});
  const Seen three = Engine(3).run(points, 10000, Seen{}, Evaluated{model, packages});
  REQUIRE(one.draws.size() == 10000);
  for (std::uint64_t j = 0; j < 10000; ++j) REQUIRE(one.draws[j] == j);
  CHECK(one.deals == three.deals);
  // Draw 1234 evaluated by the engine is the draw-by-draw model's draw 1234.
  std::vector<double> u(model.input_count());
  points.fill(1234, 1, u, 1);
  DrawParameters theta;
  model.realize(u, theta);
  Evaluation e;
  model.evaluate(theta, packages, e);
  CHECK(one.deals[1234] == Approx(e.deal(0)).epsilon(1e-14));
}

TEST_CASE("the engine's kept sample is the draws its loop walks", "[engine][tally]") {
  const Scenario s = uniform_reservation_scenario(0.2, 0.8, 4.0);
  const Model model(s);
  const DrawPoints points(11, model.input_count());
  const DrawSample one = Engine(1).sample(model, points, 300);
  const DrawSample two = Engine(2).sample(model, points, 300);
  REQUIRE(one.draws.size() == 300);
  for (std::size_t j = 0; j < 300; ++j) REQUIRE(one.draws[j].reservation == two.draws[j].reservation);
  std::vector<double> u(1);
  points.fill(299, 1, u, 1);
  CHECK(one.draws[299].reservation[0] == Approx(0.2 + 0.6 * u[0]).epsilon(1e-12));
}

TEST_CASE("draws kept in batches and revisited give what the draw loop gives", "[engine][tally]") {
  Scenario s = uniform_reservation_scenario(0.2, 0.8, 4.0);
  s.proposals.push_back(proposal("q", {0.6}));
  const Model model(s);
  const std::vector<Package> packages = {model.package(s.proposals[0].terms), model.package(s.proposals[1].terms)};
  const DrawPoints points(5, model.input_count());
  const Engine engine(2);
  const SimulationSummary direct = engine.run(points, 5000, SimulationSummary(2, 1, false), Evaluated{model, packages});
  BatchSample kept = engine.keep(model, points, 5000);
  REQUIRE(kept.batches.size() == (5000 + 63) / 64);
  // Another package list first, to show the batches are reused as scratch.
  const std::vector<Package> other = {model.package(std::vector<double>{0.1})};
  (void)engine.revisit(kept, other, SimulationSummary(1, 1, false));
  const SimulationSummary revisited = engine.revisit(kept, packages, SimulationSummary(2, 1, false));
  for (std::size_t c = 0; c < 2; ++c) {
    CHECK(revisited.packages[c].deal.mean() == direct.packages[c].deal.mean());
    CHECK(revisited.packages[c].deal.count() == 5000);
  }
}
