// The bargain reports (table, JSON, CSV) on results built by hand, so that
// every number they print is known.

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "parley/report/bargain_report.hpp"
#include "parley/io/scenario_loader.hpp"

using namespace parley;

namespace {

Scenario load(const std::string& name) {
  return load_scenario_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/" + name);
}

Estimate estimate(double mean, double se) {
  return {mean, se, {mean - 1.96 * se, mean + 1.96 * se}};
}

Response response(std::size_t actor, double utility, double threshold, double probability, double drawn) {
  Response r;
  r.actor = actor;
  r.utility = utility;
  r.threshold = threshold;
  r.margin = utility - threshold;
  r.stance = r.margin;
  r.probability = probability;
  r.drawn = drawn;
  r.accepted = drawn < probability;
  return r;
}

// The two towns (northfield 0, southbrook 1; issues cost_share, toll): a
// mediated game of `rounds` rounds whose draw 3 agrees in round 3 after
// Southbrook, then Northfield, rejected.
BargainResult two_town_result(std::size_t rounds) {
  BargainResult r;
  r.protocol = BargainingProtocol::mediated;
  r.rounds = rounds;
  r.step = 0.25;
  r.proposal = "split_even";
  r.seed = 1;
  r.draws = 1000;
  for (std::size_t t = 1; t <= rounds; ++t) {
    r.agreement_by_round.push_back(estimate(1.0 - 0.5 / static_cast<double>(t), 0.01));
  }
  r.agreed_draws = 950;
  r.rounds_to_agreement = estimate(1.8, 0.03);
  r.terms = {{0, 50.0, 57.5, 50.0, 56.25, 65.0}, {1, 1.0, 0.4, 0.0, 0.0, 1.0}};
  r.rejections = {{1, estimate(0.9, 0.02), estimate(0.55, 0.015)}, {0, estimate(0.3, 0.01), estimate(0.2, 0.01)}};
  r.trace_draw = 3;
  RoundRecord first;
  first.round = 1;
  first.terms = {50.0, 1.0};
  first.responses = {response(0, 0.85, 0.40, 0.905, 0.12), response(1, 0.40, 0.30, 0.664, 0.81)};
  RoundRecord second;
  second.round = 2;
  second.terms = {55.0, 0.0};
  second.responses = {response(0, 0.56, 0.40, 0.69, 0.93), response(1, 0.93, 0.30, 0.92, 0.05)};
  RoundRecord third;
  third.round = 3;
  third.terms = {53.5, 0.0};
  third.responses = {response(0, 0.66, 0.40, 0.79, 0.5), response(1, 0.88, 0.30, 0.91, 0.2)};
  third.agreement = true;
  r.trace = {first, second, third};
  r.trace_outcome.agreed = true;
  r.trace_outcome.round = 3;
  r.trace_outcome.terms = third.terms;
  r.trace_outcome.rejections = {1, 1};
  return r;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The text with every line break and the indentation after it as one space:
// sentences wrapped over lines read as one.
std::string unwrapped(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      out += text[i];
      continue;
    }
    out += ' ';
    while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
  }
  return out;
}

std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

TEST_CASE("the bargain JSON has the documented fields and the label", "[bargain][report]") {
  const Scenario s = load("classroom-two-party.yaml");
  const nlohmann::ordered_json j = bargain_json(s, two_town_result(20));
  CHECK(j["disclaimer"] == kDisclaimer);
  CHECK(j["command"] == "bargain");
  CHECK(j["seed"] == 1);
  CHECK(j["draws"] == 1000);
  CHECK(j["protocol"] == "mediated");
  CHECK(j["rounds"] == 20);
  CHECK(j["step"] == 0.25);
  CHECK(j["proposal"] == "split_even");
  CHECK(j["mediators"].empty());
  REQUIRE(j["agreement_by_round"].size() == 20);
  CHECK(j["agreement_by_round"][0]["round"] == 1);
  CHECK(j["agreement_by_round"][0]["p"] == 0.5);
  CHECK(j["agreement_by_round"][0]["se"] == 0.01);
  CHECK(j["agreement_by_round"][0]["ci95"].size() == 2);
  CHECK(j["agreement"]["mean"] == j["agreement_by_round"][19]["p"]);
  CHECK(j["agreed_draws"] == 950);
  CHECK(j["rounds_to_agreement"]["mean"] == 1.8);
  REQUIRE(j["terms"].size() == 2);
  CHECK(j["terms"][0]["issue"] == "cost_share");
  CHECK(j["terms"][0]["unit"] == "percent");
  CHECK(j["terms"][0]["start"] == 50.0);
  CHECK(j["terms"][0]["q50"] == 56.25);
  REQUIRE(j["rejections"].size() == 2);
  CHECK(j["rejections"][0]["actor"] == "southbrook");
  CHECK(j["rejections"][0]["mean"] == 0.9);
  CHECK(j["rejections"][0]["ever"] == 0.55);
  const auto& trace = j["trace"];
  CHECK(trace["draw"] == 3);
  REQUIRE(trace["rounds"].size() == 3);
  CHECK(trace["rounds"][0]["proposer"] == "mediator");
  CHECK(trace["rounds"][0]["terms"]["cost_share"] == 50.0);
  CHECK(trace["rounds"][0]["responses"][1]["actor"] == "southbrook");
  CHECK(trace["rounds"][0]["responses"][1]["accepted"] == false);
  CHECK(trace["rounds"][0]["responses"][1]["margin"].get<double>() == Approx(0.10));
  CHECK(trace["rounds"][2]["agreement"] == true);
  CHECK(trace["outcome"]["agreed"] == true);
  CHECK(trace["outcome"]["round"] == 3);
  CHECK(trace["outcome"]["rejections"]["northfield"] == 1);
}

TEST_CASE("the bargain JSON has no trace unless a draw was traced", "[bargain][report]") {
  const Scenario s = load("classroom-two-party.yaml");
  BargainResult r = two_town_result(5);
  r.trace_draw.reset();
  CHECK_FALSE(bargain_json(s, r).contains("trace"));
  CHECK(bargain_table(s, r).find("Trace") == std::string::npos);
}

TEST_CASE("the bargain CSV has the label, the documented header and tidy rows", "[bargain][report]") {
  const Scenario s = load("classroom-two-party.yaml");
  const std::vector<std::string> lines = lines_of(bargain_csv(s, two_town_result(4)));
  REQUIRE(lines.size() >= 2);
  CHECK(lines[0].rfind("# HYPOTHETICAL", 0) == 0);
  CHECK(lines[0].find("bargain; scenario \"Classroom: two towns and a bridge (fictional)\"") != std::string::npos);
  CHECK(lines[0].find("seed 1; draws 1000") != std::string::npos);
  CHECK(lines[1] == "measure,round,issue,actor,value,se,ci95_low,ci95_high");
  const std::vector<std::string> expected_rows = {
      "agreement_by_round,1,,,0.5,0.01,0.4804,0.5196",
      "agreement_by_round,4,,,0.875,0.01,0.8554,0.8946",
      "agreement,,,,0.875,0.01,0.8554,0.8946",
      "rounds_to_agreement,,,,1.8,0.03,1.7412,1.8588",
      "issue_lo,,cost_share,,0,,,",
      "issue_hi,,cost_share,,100,,,",
      "term_start,,cost_share,,50,,,",
      "term_q50,,cost_share,,56.25,,,",
      "term_mean,,toll,,0.4,,,",
      "rejections,,,southbrook,0.9,0.02,0.8608,0.9392",
      "ever_rejected,,,northfield,0.2,0.01,0.1804,0.2196",
  };
  for (const auto& row : expected_rows) {
    INFO(row);
    CHECK(std::find(lines.begin(), lines.end(), row) != lines.end());
  }
  // 4 rounds, the total, rounds to agreement, 2 issues x 7, 2 actors x 2.
  CHECK(lines.size() == 2 + 4 + 1 + 1 + 14 + 4);
  for (std::size_t i = 2; i < lines.size(); ++i) {
    INFO(lines[i]);
    CHECK(std::count(lines[i].begin(), lines[i].end(), ',') == 7);
  }
}

TEST_CASE("without an agreement the bargain reports have no final terms", "[bargain][report]") {
  const Scenario s = load("classroom-two-party.yaml");
  BargainResult r = two_town_result(3);
  r.agreement_by_round.assign(3, estimate(0.0, 0.0));
  r.agreed_draws = 0;
  const nlohmann::ordered_json j = bargain_json(s, r);
  CHECK(j["rounds_to_agreement"].is_null());
  CHECK(j["terms"][0]["start"] == 50.0);
  CHECK(j["terms"][0]["mean"].is_null());
  CHECK(j["terms"][1]["q95"].is_null());
  const std::string csv = bargain_csv(s, r);
  CHECK(csv.find("term_start,,toll,,1,,,") != std::string::npos);
  CHECK(csv.find("term_q05") == std::string::npos);
  CHECK(csv.find("rounds_to_agreement") == std::string::npos);
  CHECK(bargain_table(s, r).find("No draw reached agreement") != std::string::npos);
}

TEST_CASE("the bargain table carries the label and fits 80 columns, trace included", "[bargain][report]") {
  // The reports' scenario: long names, units and eight issues in every offer.
  const Scenario s = load("ukraine-28-point-2025-11.yaml");
  BargainResult r;
  r.rounds = 500;
  r.proposal = "us_28_point_draft";
  r.seed = 20251120;
  r.draws = 20000;
  r.agreement_by_round.assign(500, estimate(0.123456, 0.00321));
  r.agreed_draws = 2469;
  r.rounds_to_agreement = estimate(123.4567, 2.5);
  const std::vector<double> start = s.proposals[0].terms;
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    r.terms.push_back({k, start[k], start[k], start[k], start[k], start[k]});
  }
  for (std::size_t i = 0; i < s.actors.size(); ++i) {
    if (s.actors[i].veto) r.rejections.push_back({i, estimate(412.5, 3.25), estimate(0.999, 0.001)});
  }
  r.trace_draw = 19999;
  for (std::size_t t = 1; t <= 2; ++t) {
    RoundRecord round;
    round.round = t;
    round.terms = start;
    round.terms[3] += 12.345 * static_cast<double>(t);
    for (std::size_t i = 0; i < s.actors.size(); ++i) {
      if (s.actors[i].veto) round.responses.push_back(response(i, 0.4123, 0.4987, 0.31, 0.62));
    }
    r.trace.push_back(round);
  }
  r.trace_outcome.terms = r.trace.back().terms;
  r.trace_outcome.rejections.assign(s.actors.size(), 2);

  const std::string table = bargain_table(s, r);
  const std::vector<std::string> lines = lines_of(table);
  REQUIRE(lines.size() > 30);
  CHECK(lines[1] == kDisclaimer);
  for (const auto& line : lines) {
    INFO(line);
    CHECK(columns(line) <= 80);
  }
  // The United States is the scenario's mediator (and a veto actor).
  CHECK(table.find("the mediator (United States)") != std::string::npos);
  CHECK(table.find("No agreement after 500 rounds") != std::string::npos);
}

TEST_CASE("the trace in words names who offered, who rejected and how the terms moved", "[bargain][report]") {
  const Scenario s = load("classroom-two-party.yaml");
  const std::string table = unwrapped(bargain_table(s, two_town_result(20)));
  CHECK(table.find("Round 1: the mediator offers the starting proposal split_even: cost_share 50, toll 1") !=
        std::string::npos);
  CHECK(table.find("Southbrook town council rejects: P(accept) 0.66, drew 0.81; utility 0.40 vs 0.30 needed "
                   "(margin +0.10)") != std::string::npos);
  CHECK(table.find("Northfield town council accepts: P(accept) 0.91, drew 0.12") != std::string::npos);
  CHECK(table.find("The terms move: cost_share 50 -> 55 (+5), toll 1 -> 0 (-1).") != std::string::npos);
  CHECK(table.find("Northfield town council rejects") != std::string::npos);
  CHECK(table.find("The terms move: cost_share 55 -> 53.5 (-1.5).") != std::string::npos);
  CHECK(table.find("Agreement in round 3 on cost_share 53.5, toll 0.") != std::string::npos);
}

TEST_CASE("an alternating trace names the proposing actor", "[bargain][report]") {
  const Scenario s = load("classroom-two-party.yaml");
  BargainResult r = two_town_result(3);
  r.protocol = BargainingProtocol::alternating;
  for (std::size_t t = 0; t < r.trace.size(); ++t) {
    r.trace[t].proposer = t % 2;
    r.trace[t].responses = {r.trace[t].responses[1 - t % 2]};
  }
  const std::string table = unwrapped(bargain_table(s, r));
  CHECK(table.find("alternating protocol, 3 rounds start:") != std::string::npos);
  CHECK(table.find("Round 1: Northfield town council proposes cost_share 50, toll 1") != std::string::npos);
  CHECK(table.find("Round 2: Southbrook town council proposes cost_share 55, toll 0") != std::string::npos);
  CHECK(bargain_json(s, r)["trace"]["rounds"][1]["proposer"] == "southbrook");
}

TEST_CASE("the table shows every round up to 10, then a compact selection ending with the last", "[bargain][report]") {
  const Scenario s = load("classroom-two-party.yaml");
  auto shown = [&](std::size_t rounds) {
    BargainResult r = two_town_result(rounds);
    r.trace_draw.reset();
    std::vector<std::size_t> rows;
    bool in_block = false;
    for (const auto& line : lines_of(bargain_table(s, r))) {
      if (line.find("round  P(agreement)") != std::string::npos) {
        in_block = true;
      } else if (in_block && line.empty()) {
        break;
      } else if (in_block) {
        rows.push_back(std::stoul(line.substr(0, 6)));
      }
    }
    return rows;
  };
  CHECK(shown(3) == std::vector<std::size_t>{1, 2, 3});
  CHECK(shown(12) == std::vector<std::size_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
  CHECK(shown(20) == std::vector<std::size_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 18, 20});
  CHECK(shown(53) == std::vector<std::size_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 35, 40, 45, 50, 53});
  CHECK(shown(10000).size() == 10 + 5);
  CHECK(shown(10000).back() == 10000);
}
