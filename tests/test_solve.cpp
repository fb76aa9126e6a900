#include <catch2/catch.hpp>

#include "option_syntax.hpp"
#include "parley/analysis/solve.hpp"
#include "parley/io/scenario_loader.hpp"
#include "parley/report/solve_report.hpp"
#include "scenario_builder.hpp"

using namespace parley;
using namespace parley::testing;
using parley::cli::parse_issue_bound;
using parley::cli::parse_issue_fix;

namespace {
// One issue x on [lo, hi]; veto actors "up" (ideal hi, u = z) and "down"
// (ideal lo, u = 1 - z) with the given capabilities and reservations.
Scenario tug_of_war(double capability_up, double capability_down, double reservation_up, double reservation_down,
                    double lo = 0.0, double hi = 1.0) {
  Scenario s;
  s.issues = {issue("x", lo, hi)};
  Actor up = actor("up", reservation_up, 5.0, true, capability_up);
  up.positions.push_back(position(0, Distribution::fixed(hi), Distribution::fixed(1.0), {lo, hi}));
  Actor down = actor("down", reservation_down, 5.0, true, capability_down);
  down.positions.push_back(position(0, Distribution::fixed(lo), Distribution::fixed(1.0), {lo, hi}));
  s.actors = {up, down};
  s.proposals = {proposal("middle", {0.5 * (lo + hi)})};
  return s;
}

// Two veto actors that each care only about their own issue (ideals 0.8 on x
// and 0.3 on y) with uncertain reservations and rationalities, and a binary
// issue t nobody cares much about except "ex" (ideal 1, a tenth of its
// salience): P(deal) is a product of factors each maximised at its owner's
// ideal, so the best package is x = 0.8, y = 0.3, t = 1.
Scenario own_issues() {
  Scenario s;
  Issue t = issue("t");
  t.type = IssueType::binary;
  s.issues = {issue("x"), issue("y"), t};
  Actor ex = actor("ex", 0.5, 6.0);
  ex.reservation.dist = Distribution::uniform(0.3, 0.8);
  ex.reservation.path = "actors.ex.reservation";
  ex.rationality.dist = Distribution::uniform(3.0, 9.0);
  ex.rationality.path = "actors.ex.rationality";
  ex.positions.push_back(position(0, Distribution::fixed(0.8), Distribution::fixed(0.9)));
  ex.positions.push_back(position(2, Distribution::fixed(1.0), Distribution::fixed(0.1)));
  Actor why = actor("why", 0.5, 6.0);
  why.reservation.dist = Distribution::normal(0.5, 0.1);
  why.reservation.path = "actors.why.reservation";
  why.positions.push_back(position(1, Distribution::fixed(0.3), Distribution::fixed(1.0)));
  s.actors = {ex, why};
  s.proposals = {proposal("start", {0.2, 0.9, 0.0})};
  return s;
}

SolveSettings settings(SolveMode mode, std::uint64_t draws = 2000) {
  SolveSettings s;
  s.mode = mode;
  s.simulation.draws = draws;
  s.simulation.seed = 11;
  s.simulation.threads = 2;
  return s;
}

Scenario reports() {
  return load_scenario_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/ukraine-28-point-2025-11.yaml");
}
}  // namespace

TEST_CASE("the symmetric two-actor Nash solution is the midpoint", "[solve][nash][exact]") {
  const SolveResult r = solve_scenario(tug_of_war(1.0, 1.0, 0.0, 0.0), settings(SolveMode::nash, 10));
  REQUIRE(r.nash.feasible);
  CHECK(r.nash.terms[0] == Approx(0.5).margin(1e-4));
  REQUIRE(r.nash.actors.size() == 2);
  CHECK(r.nash.actors[0].weight == Approx(0.5));
  CHECK(r.nash.actors[0].margin == Approx(0.5).margin(1e-4));
  CHECK(r.nash.objective == Approx(std::log(0.5)).margin(1e-6));
  CHECK(r.nash.short_actors.empty());
}

TEST_CASE("asymmetric capabilities split the issue in proportion to the weights", "[solve][nash][exact]") {
  // Maximising w log z + (1 - w) log(1 - z) gives z = w = 3 / (3 + 1), here
  // on an issue running from 100 to 300.
  const SolveResult r = solve_scenario(tug_of_war(3.0, 1.0, 0.0, 0.0, 100.0, 300.0), settings(SolveMode::nash, 10));
  REQUIRE(r.nash.feasible);
  CHECK(r.nash.actors[0].weight == Approx(0.75));
  CHECK(r.nash.actors[1].weight == Approx(0.25));
  CHECK(r.nash.terms[0] == Approx(100.0 + 0.75 * 200.0).margin(0.02));
}

TEST_CASE("reservations leave the Nash solution at the weighted split of the surplus", "[solve][nash][exact]") {
  // Margins z - 0.2 and 0.9 - z (reservations 0.2 and 0.1): the surplus of
  // 0.7 is split 1 : 1, so z = 0.2 + 0.35.
  const SolveResult r = solve_scenario(tug_of_war(1.0, 1.0, 0.2, 0.1), settings(SolveMode::nash, 10));
  REQUIRE(r.nash.feasible);
  CHECK(r.nash.terms[0] == Approx(0.55).margin(1e-4));
}

TEST_CASE("when no package gives every veto actor a positive margin the Nash solve says so", "[solve][nash]") {
  // u_up + u_down = 1 < 0.6 + 0.6: the best smallest margin is -0.1 at z = 0.5.
  const SolveResult r = solve_scenario(tug_of_war(1.0, 1.0, 0.6, 0.6), settings(SolveMode::nash, 10));
  CHECK_FALSE(r.nash.feasible);
  CHECK(r.nash.min_margin == Approx(-0.1).margin(1e-3));
  CHECK(r.nash.terms[0] == Approx(0.5).margin(1e-2));
  CHECK(r.nash.short_actors == std::vector<std::string>{"up", "down"});
  const auto j = solve_json(tug_of_war(1.0, 1.0, 0.6, 0.6), r);
  CHECK(j["feasible"] == false);
  CHECK(j["objective"].is_null());
  CHECK(solve_table(tug_of_war(1.0, 1.0, 0.6, 0.6), r).find("No package gives every veto actor") != std::string::npos);
}

TEST_CASE("the zone of agreement of a tug of war has the closed-form ends", "[solve][zopa][exact]") {
  // u_up = z > 0.3 and u_down = 1 - z > 0.2: the zone is (0.3, 0.8), here in
  // issue units on [0, 10].
  const Scenario s = tug_of_war(1.0, 1.0, 0.3, 0.2, 0.0, 10.0);
  const SolveResult r = solve_scenario(s, settings(SolveMode::zopa, 10));
  REQUIRE(r.zopa.issues.size() == 1);
  const IssueZone& zone = r.zopa.issues[0];
  CHECK_FALSE(zone.empty);
  CHECK(zone.lo == Approx(3.0).margin(1e-6));
  CHECK(zone.hi == Approx(8.0).margin(1e-6));
  CHECK(zone.lo_limit == "up");
  CHECK(zone.hi_limit == "down");
  CHECK(r.zopa.proposal == "middle");
  CHECK(r.zopa.proposal_inside);
  CHECK_FALSE(r.zopa.empty);
}

TEST_CASE("incompatible reservations leave the zone of agreement empty", "[solve][zopa][exact]") {
  const SolveResult r = solve_scenario(tug_of_war(1.0, 1.0, 0.6, 0.5), settings(SolveMode::zopa, 10));
  CHECK(r.zopa.issues[0].empty);
  CHECK(r.zopa.empty);
  CHECK_FALSE(r.zopa.proposal_inside);
}

TEST_CASE("a binary issue's zone lists the values that satisfy every veto actor", "[solve][zopa][exact]") {
  // At the start (x 0.2, y 0.9, t 0) "ex" has u = 1 - 0.9 * 0.6 - 0.1 |t - 1|:
  // 0.46 at t = 1 and 0.36 at t = 0, against a reservation of 0.4; "why" has
  // u = 0.4 against 0.3, so only "ex" limits the zone.
  Scenario s = own_issues();
  s.actors[0].reservation.dist = Distribution::fixed(0.4);
  s.actors[1].reservation.dist = Distribution::fixed(0.3);
  const SolveResult r = solve_scenario(s, settings(SolveMode::zopa, 10));
  CHECK(r.zopa.issues[2].values == std::vector<double>{1.0});
  CHECK_FALSE(r.zopa.proposal_inside);
  // On x (t = 0): 1 - 0.9 |x - 0.8| - 0.1 > 0.4 for x > 0.8 - 0.5 / 0.9, up to the range's end.
  CHECK(r.zopa.issues[0].lo == Approx(0.8 - 0.5 / 0.9).margin(1e-6));
  CHECK(r.zopa.issues[0].hi == 1.0);
  CHECK(r.zopa.issues[0].lo_limit == "ex");
  CHECK(r.zopa.issues[0].hi_limit.empty());
  CHECK(r.zopa.issues[1].lo_limit.empty());  // "ex" does not care about y; "why" is satisfied
}

TEST_CASE("the best package of two actors owning one issue each is both ideals", "[solve][best]") {
  const SolveResult r = solve_scenario(own_issues(), settings(SolveMode::best));
  const BestPackage& best = r.best;
  CHECK(best.terms[0] == Approx(0.8).margin(1e-3));
  CHECK(best.terms[1] == Approx(0.3).margin(1e-3));
  CHECK(best.terms[2] == 1.0);
  CHECK(best.proposal == "start");
  CHECK(best.start_terms == std::vector<double>{0.2, 0.9, 0.0});
  CHECK(best.deal.mean > best.start_deal.mean);
  CHECK(best.gain.mean == Approx(best.deal.mean - best.start_deal.mean).margin(1e-12));
  CHECK(best.gain.se > 0.0);
  CHECK(best.gain.se < best.deal.se + best.start_deal.se);  // pairing removes shared noise
  CHECK(best.starts == 3);                                  // the start, the scenario's one proposal, the box centre
}

TEST_CASE("the best package respects --fix and --bound", "[solve][best]") {
  SolveSettings request = settings(SolveMode::best);
  request.fixes = {parse_issue_fix("t=0"), parse_issue_fix("y=0.6")};
  request.bounds = {parse_issue_bound("x=0.1:0.5")};
  const SolveResult r = solve_scenario(own_issues(), request);
  // x as close to 0.8 as the bound allows; y and t where they are fixed.
  CHECK(r.best.terms[0] == Approx(0.5).margin(1e-9));
  CHECK(r.best.terms[1] == 0.6);
  CHECK(r.best.terms[2] == 0.0);
  REQUIRE(r.best.fixes.size() == 2);
  REQUIRE(r.best.bounds.size() == 1);
}

TEST_CASE("solve gives byte-identical output for 1 and 2 threads", "[solve][determinism]") {
  const Scenario s = own_issues();
  for (const SolveMode mode : {SolveMode::nash, SolveMode::zopa, SolveMode::best}) {
    SolveSettings one = settings(mode, 9000);  // three chunks of draws
    one.simulation.threads = 1;
    SolveSettings two = one;
    two.simulation.threads = 2;
    CHECK(solve_json(s, solve_scenario(s, one)).dump() == solve_json(s, solve_scenario(s, two)).dump());
  }
}

TEST_CASE("every output of solve carries the HYPOTHETICAL label", "[solve][report]") {
  const Scenario s = own_issues();
  for (const SolveMode mode : {SolveMode::nash, SolveMode::zopa, SolveMode::best}) {
    const SolveResult r = solve_scenario(s, settings(mode, 50));
    CHECK(solve_table(s, r).find("HYPOTHETICAL") != std::string::npos);
    CHECK(solve_csv(s, r).rfind("# HYPOTHETICAL", 0) == 0);
    CHECK(solve_json(s, r)["disclaimer"] == kDisclaimer);
    CHECK(solve_json(s, r)["command"] == "solve");
  }
}

TEST_CASE("malformed --fix and --bound values are refused with the expected form", "[solve][errors]") {
  CHECK_THROWS_WITH(parse_issue_fix("army_cap"), Catch::Contains("expected ISSUE=VALUE"));
  CHECK_THROWS_WITH(parse_issue_fix("=3"), Catch::Contains("expected ISSUE=VALUE"));
  CHECK_THROWS_WITH(parse_issue_fix("army_cap=lots"), Catch::Contains("expected ISSUE=VALUE"));
  CHECK_THROWS_WITH(parse_issue_bound("army_cap=500"), Catch::Contains("expected ISSUE=LO:HI"));
  CHECK_THROWS_WITH(parse_issue_bound("army_cap=500:x"), Catch::Contains("expected ISSUE=LO:HI"));
  CHECK_THROWS_WITH(parse_issue_bound("army_cap=800:500"), Catch::Contains("expected LO < HI"));
  CHECK(parse_issue_bound("army_cap=500:800").hi == 800.0);
}

TEST_CASE("a solve request that does not fit the scenario names every problem", "[solve][errors]") {
  const Scenario s = reports();
  SolveSettings best = settings(SolveMode::best, 10);
  auto with = [&](std::vector<std::string> fixes, std::vector<std::string> bounds) {
    SolveSettings r = best;
    for (const auto& f : fixes) r.fixes.push_back(parse_issue_fix(f));
    for (const auto& b : bounds) r.bounds.push_back(parse_issue_bound(b));
    return r;
  };
  CHECK_THROWS_WITH(solve_scenario(s, with({"army_size=500"}, {})),
                    Catch::Contains("--fix: unknown issue 'army_size'"));
  CHECK_THROWS_WITH(solve_scenario(s, with({}, {"army_size=1:2"})),
                    Catch::Contains("--bound: unknown issue 'army_size'"));
  CHECK_THROWS_WITH(solve_scenario(s, with({"army_cap=1000"}, {})),
                    Catch::Contains("--fix army_cap: expected a value in the issue's range [400, 900], got 1000"));
  CHECK_THROWS_WITH(solve_scenario(s, with({"foreign_troops_ban=0.5"}, {})),
                    Catch::Contains("expected 0 or 1 (a binary issue)"));
  CHECK_THROWS_WITH(solve_scenario(s, with({}, {"army_cap=300:800"})),
                    Catch::Contains("--bound army_cap: expected LO and HI inside the issue's range [400, 900]"));
  CHECK_THROWS_WITH(solve_scenario(s, with({}, {"foreign_troops_ban=0:1"})),
                    Catch::Contains("a binary issue takes 0 or 1"));
  CHECK_THROWS_WITH(solve_scenario(s, with({"army_cap=600"}, {"army_cap=500:800"})),
                    Catch::Contains("--fix and --bound both constrain 'army_cap'"));
  CHECK_THROWS_WITH(solve_scenario(s, with({"army_cap=600", "army_cap=700"}, {})),
                    Catch::Contains("--fix army_cap: the issue is given twice"));
  SolveSettings unknown = best;
  unknown.proposal = "nope";
  CHECK_THROWS_WITH(solve_scenario(s, unknown), Catch::Contains("unknown proposal 'nope'"));
  SolveSettings zopa = settings(SolveMode::zopa, 10);
  zopa.fixes = {parse_issue_fix("army_cap=600")};
  CHECK_THROWS_WITH(solve_scenario(s, zopa), Catch::Contains("with --best only"));
  SolveSettings nash = settings(SolveMode::nash, 10);
  nash.proposal = "us_28_point_draft";
  CHECK_THROWS_WITH(solve_scenario(s, nash), Catch::Contains("--nash does not start from a proposal"));
  // Every problem at once.
  SolveSettings many = with({"army_size=1", "army_cap=2000"}, {"foreign_troops_ban=0:1"});
  many.proposal = "nope";
  CHECK_THROWS_WITH(solve_scenario(s, many), Catch::Contains("unknown proposal") && Catch::Contains("army_size") &&
                                                 Catch::Contains("2000") && Catch::Contains("binary"));
}

namespace {
// Two binary issues that pay only together: veto actor p wants both, q wants
// a without b, w wants b without a. Only a = b = 1 gives every one of them a
// positive margin (+0.6, +0.05, +0.05); from a = b = 0, flipping one issue at
// a time never helps the worst-off actor. The only proposal is a = b = 0.
Scenario binary_trap(double rationality) {
  Scenario s;
  Issue a = issue("a");
  a.type = IssueType::binary;
  Issue b = issue("b");
  b.type = IssueType::binary;
  s.issues = {a, b};
  const std::vector<std::pair<double, double>> ideals{{1.0, 1.0}, {1.0, 0.0}, {0.0, 1.0}};
  const std::vector<double> reservations{0.4, 0.45, 0.45};
  for (std::size_t i = 0; i < 3; ++i) {
    Actor x = actor("actor" + std::to_string(i), reservations[i], rationality);
    x.positions.push_back(position(0, Distribution::fixed(ideals[i].first), Distribution::fixed(1.0)));
    x.positions.push_back(position(1, Distribution::fixed(ideals[i].second), Distribution::fixed(1.0)));
    s.actors.push_back(x);
  }
  s.proposals = {proposal("neither", {0.0, 0.0})};
  return s;
}
}  // namespace

TEST_CASE("the Nash solution finds binary issues that pay only when set together", "[solve][nash]") {
  const SolveResult r = solve_scenario(binary_trap(5.0), settings(SolveMode::nash, 10));
  REQUIRE(r.nash.feasible);
  CHECK(r.nash.terms == std::vector<double>{1.0, 1.0});
  CHECK(r.nash.min_margin == Approx(0.05));
}

TEST_CASE("the best package finds binary issues that pay only when set together", "[solve][best]") {
  const SolveResult r = solve_scenario(binary_trap(20.0), settings(SolveMode::best, 10));
  CHECK(r.best.terms == std::vector<double>{1.0, 1.0});
  CHECK(r.best.deal.mean > 0.5);
  CHECK(r.best.gain.mean > 0.5);
}

TEST_CASE("every solve table fits 80 columns on the reports' scenario", "[solve][report]") {
  const Scenario s = load_scenario_file("scenarios/ukraine-28-point-2025-11.yaml");
  for (const SolveMode mode : {SolveMode::nash, SolveMode::zopa, SolveMode::best}) {
    const std::string table = solve_table(s, solve_scenario(s, settings(mode, 100)));
    std::size_t start = 0;
    while (start < table.size()) {
      std::size_t end = table.find('\n', start);
      if (end == std::string::npos) end = table.size();
      const std::string line = table.substr(start, end - start);
      std::size_t columns = 0;
      for (const char c : line) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
      INFO(line);
      CHECK(columns <= 80);
      start = end + 1;
    }
  }
}
