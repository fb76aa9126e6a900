#include <catch2/catch.hpp>
#include <cmath>

#include "parley/analysis/lookup.hpp"
#include "parley/analysis/explain.hpp"
#include "parley/report/explain_report.hpp"
#include "parley/analysis/run.hpp"
#include "parley/io/scenario_loader.hpp"
#include "scenario_builder.hpp"

using namespace parley;
using namespace parley::testing;

namespace {
Scenario river_basin() {
  return load_scenario_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/classroom-river-basin.yaml");
}

SimulationSettings settings(std::uint64_t draws, unsigned threads = 2, std::uint64_t seed = 11) {
  SimulationSettings s;
  s.draws = draws;
  s.seed = seed;
  s.threads = threads;
  return s;
}

// Three actors with uncertain positions, reservations and weights, and a
// loss curvature rho: the influence system is solved afresh in every draw.
Scenario curved_scenario(double rho) {
  Scenario s;
  s.issues = {issue("x"), issue("y", 0, 10)};
  for (int i = 0; i < 3; ++i) {
    Actor a = actor("a" + std::to_string(i), 0.4, 5.0, true, 1.0, rho);
    a.reservation.dist = Distribution::uniform(0.2, 0.7);
    a.positions.push_back(position(0, Distribution::uniform(0, 1), Distribution::uniform(0.5, 2)));
    a.positions.push_back(position(1, Distribution::normal(5, 2), Distribution::uniform(0, 1), {0, 10}));
    s.actors.push_back(a);
  }
  s.relations = {relation(0, 1, Distribution::uniform(0.1, 0.3)), relation(2, 1, Distribution::uniform(-0.4, -0.1)),
                 relation(1, 2, Distribution::fixed(0.2))};
  s.proposals = {proposal("p", {0.3, 8})};
  return s;
}

// Two actors with margins z - r on one issue (ideal 1, terms z = 0.9) and
// one edge 0 -> 1 of weight w.
Scenario two_actor_scenario(double r0, double r1, double w) {
  Scenario s;
  s.issues = {issue("x")};
  for (const auto& [id, r] : {std::pair{"a", r0}, std::pair{"b", r1}}) {
    Actor a = actor(id, r, 3.0);
    a.positions.push_back(position(0, Distribution::fixed(1.0), Distribution::fixed(1.0)));
    s.actors.push_back(a);
  }
  s.relations = {relation(0, 1, Distribution::fixed(w))};
  s.proposals = {proposal("p", {0.9})};
  return s;
}
}  // namespace

TEST_CASE("an actor's margin is the sum of its issue losses and reservation", "[explain]") {
  for (double rho : {1.0, 2.5}) {
    const Scenario s = curved_scenario(rho);
    for (const char* who : {"a0", "a1", "a2"}) {
      INFO("rho " << rho << ", actor " << who);
      const Explanation x = explain_actor(s, "p", who, settings(5000));
      REQUIRE(x.issues.size() == 2);
      double losses = 0.0;
      for (const IssueLoss& issue : x.issues) losses += issue.loss.mean;
      CHECK(x.utility.mean == Approx(1.0 - losses).margin(1e-12));
      CHECK(x.margin.mean == Approx(x.utility.mean - x.reservation.mean).margin(1e-12));
      CHECK(x.margin.se > 0.0);
    }
  }
}

TEST_CASE("an actor's stance is its own share of its margin plus the pull of each neighbour", "[explain]") {
  const Scenario s = curved_scenario(1.5);
  const Explanation x = explain_actor(s, "p", "a1", settings(5000));
  REQUIRE(x.neighbours.size() == 2);
  CHECK(s.actors[x.neighbours[0].neighbour].id == "a0");
  CHECK(s.actors[x.neighbours[1].neighbour].id == "a2");
  CHECK(x.neighbours[0].weight == Approx(0.2).margin(0.005));
  CHECK(x.neighbours[1].weight == Approx(-0.25).margin(0.005));
  CHECK(x.stance.mean ==
        Approx(x.own_share.mean + x.neighbours[0].pull.mean + x.neighbours[1].pull.mean).margin(1e-12));
  CHECK(x.incoming_influence == Approx(0.45).margin(0.01));

  const Scenario river = river_basin();
  for (const Actor& actor : river.actors) {
    INFO(actor.id);
    const Explanation r = explain_actor(river, "commission_compromise", actor.id, settings(3000));
    double total = r.own_share.mean;
    for (const NeighbourPull& n : r.neighbours) total += n.pull.mean;
    CHECK(r.stance.mean == Approx(total).margin(1e-12));
  }
}

TEST_CASE("on a two-actor graph the neighbour's pull is the weight times its margin", "[explain][exact]") {
  for (double w : {0.3, -0.3}) {
    INFO("w " << w);
    const double m0 = 0.9 - 0.5;
    const double m1 = 0.9 - 0.7;
    const Scenario s = two_actor_scenario(0.5, 0.7, w);
    const Explanation x = explain_actor(s, "p", "b", settings(10));
    REQUIRE(x.neighbours.size() == 1);
    CHECK(x.neighbours[0].neighbour == 0);
    CHECK(x.neighbours[0].weight == w);
    CHECK(x.neighbours[0].stance == Approx(m0).epsilon(1e-14));
    CHECK(x.neighbours[0].pull.mean == Approx(w * m0).epsilon(1e-14));
    CHECK(x.margin.mean == Approx(m1).epsilon(1e-14));
    CHECK(x.incoming_influence == std::fabs(w));
    CHECK(x.own_share.mean == Approx((1 - std::fabs(w)) * m1).epsilon(1e-14));
    const double y1 = (1 - std::fabs(w)) * m1 + w * m0;
    CHECK(x.stance.mean == Approx(y1).epsilon(1e-14));
    CHECK(x.accept.mean == Approx(1.0 / (1.0 + std::exp(-3.0 * y1))).epsilon(1e-14));
    CHECK(x.accept.se == 0.0);

    const Explanation a = explain_actor(s, "p", "a", settings(10));
    CHECK(a.neighbours.empty());
    CHECK(a.incoming_influence == 0.0);
    CHECK(a.stance.mean == Approx(m0).epsilon(1e-14));
  }
}

TEST_CASE("explain's acceptance matches run's on the same seed and draws", "[explain]") {
  const Scenario s = river_basin();
  RunSettings run;
  run.simulation = settings(6000);
  run.proposals = {require_proposal(s, "upstream_plan")};
  const RunResult result = run_scenario(s, run);
  for (std::size_t i = 0; i < s.actors.size(); ++i) {
    INFO(s.actors[i].id);
    const Explanation x = explain_actor(s, "upstream_plan", s.actors[i].id, settings(6000));
    const Estimate& expected = result.proposals[0].actors[i].accept;
    CHECK(x.accept.mean == Approx(expected.mean).epsilon(1e-12));
    CHECK(x.accept.se == Approx(expected.se).epsilon(1e-9));
  }
}

TEST_CASE("explain gives identical output for any number of threads", "[explain][determinism]") {
  const Scenario s = river_basin();
  const std::string one =
      explain_json(s, explain_actor(s, "commission_compromise", "lowmarsh", settings(20000, 1))).dump();
  for (unsigned threads : {2U, 4U}) {
    INFO(threads << " threads");
    CHECK(explain_json(s, explain_actor(s, "commission_compromise", "lowmarsh", settings(20000, threads))).dump() ==
          one);
  }
}

TEST_CASE("an unknown actor or proposal is an input error naming the known ones", "[explain]") {
  const Scenario s = river_basin();
  CHECK_THROWS_AS(explain_actor(s, "upstream_plan", "nobody", settings(10)), InputError);
  CHECK_THROWS_WITH(explain_actor(s, "upstream_plan", "nobody", settings(10)),
                    Catch::Contains("--actor: unknown actor 'nobody': expected one of upland, midvale, lowmarsh, "
                                    "basin_commission, regional_bank, delta_fishers, green_alliance"));
  CHECK_THROWS_WITH(explain_actor(s, "nope", "upland", settings(10)),
                    Catch::Contains("--proposal: unknown proposal 'nope': expected one of upstream_plan"));
  // Both mistakes in one message.
  CHECK_THROWS_WITH(explain_actor(s, "nope", "nobody", settings(10)),
                    Catch::Contains("unknown proposal 'nope'") && Catch::Contains("unknown actor 'nobody'"));
}

TEST_CASE("every explain output carries the label, the seed and the draws", "[explain][report]") {
  const Scenario s = river_basin();
  const Explanation x = explain_actor(s, "commission_compromise", "upland", settings(500));
  const std::string table = explain_table(s, x);
  CHECK_THAT(table, Catch::Contains(kDisclaimer) && Catch::Contains("seed 11, 500 draws"));
  std::size_t start = 0;
  while (start < table.size()) {
    const std::size_t end = std::min(table.find('\n', start), table.size());
    const std::string line = table.substr(start, end - start);
    INFO(line);
    std::size_t width = 0;
    for (char c : line) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    CHECK(width <= 78);
    start = end + 1;
  }
  const nlohmann::ordered_json j = explain_json(s, x);
  CHECK(j["disclaimer"] == kDisclaimer);
  CHECK(j["command"] == "explain");
  CHECK(j["seed"] == 11);
  CHECK(j["draws"] == 500);
  CHECK(j["issues"].size() == 4);
  const std::string csv = explain_csv(s, x);
  CHECK(csv.rfind(std::string("# ") + kDisclaimer, 0) == 0);
  CHECK_THAT(csv, Catch::Contains("\ncomponent,name,mean,se,ci95_low,ci95_high,salience,distance,weight\n"));
  CHECK_THAT(csv, Catch::Contains("\nneighbour_pull,regional_bank,"));
}

TEST_CASE("the explanation of an actor without veto says its acceptance is not in P(deal)", "[explain][report]") {
  const Scenario s = river_basin();
  const std::string without_veto =
      explain_table(s, explain_actor(s, "commission_compromise", "basin_commission", settings(200)));
  CHECK_THAT(without_veto, Catch::Contains("It has no veto"));
  const std::string with_veto = explain_table(s, explain_actor(s, "commission_compromise", "upland", settings(200)));
  CHECK_THAT(with_veto, !Catch::Contains("It has no veto"));
}
