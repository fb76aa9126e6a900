// `parley validate --explain`: the scenario as a reader sees it.

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "parley/report/scenario_report.hpp"
#include "parley/io/scenario_loader.hpp"

namespace {
parley::Scenario reports_scenario() {
  return parley::load_scenario_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/ukraine-28-point-2025-11.yaml");
}

std::size_t widest_line(const std::string& text) {
  std::istringstream lines(text);
  std::size_t widest = 0;
  for (std::string line; std::getline(lines, line);) {
    std::size_t points = 0;  // code points: one column each here
    for (char c : line) points += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    widest = std::max(widest, points);
  }
  return widest;
}

// The text with every run of blanks and line breaks made one blank: wrapping
// may break a phrase anywhere.
std::string unwrapped(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool blank = c == ' ' || c == '\n';
    if (blank && (out.empty() || out.back() == ' ')) continue;
    out += blank ? ' ' : c;
  }
  return out;
}
}  // namespace

TEST_CASE("validate --explain shows the title, label, sources, positions with quotes and the assumptions",
          "[report][explain-scenario]") {
  const parley::Scenario s = reports_scenario();
  const std::string text = parley::scenario_explanation(s, 80);
  const std::string flat = unwrapped(text);
  CHECK(text.rfind(s.title + "\n" + parley::kDisclaimer + "\n", 0) == 0);
  CHECK(flat.find("As of 2025-11-20.") != std::string::npos);
  CHECK(flat.find("r002: Newslooks, 2025-11-19: \"Trump Team Quietly Crafts Deal to End Ukraine War\"") !=
        std::string::npos);
  CHECK(flat.find("Ukraine (ukraine), veto") != std::string::npos);
  CHECK(flat.find("ideal, in thousand personnel: 900; salience: uniform from 0.08 to 0.18") != std::string::npos);
  CHECK(flat.find("proposals for a postwar \"reassurance force\"\" (r004)") != std::string::npos);
  CHECK(flat.find("ideal (0 no, 1 yes): 0") != std::string::npos);
  // Every assumption, by its path, with its text from "assumption:" on.
  CHECK(flat.find("actors.ukraine.positions.foreign_troops_ban assumption: the reports give no statement of Ukraine "
                  "on foreign troops") != std::string::npos);
  CHECK(flat.find("actors.russia.positions.donbas_withdrawal assumption:") != std::string::npos);
  CHECK(flat.find("relations.1 (france -> ukraine) assumption:") != std::string::npos);
  CHECK(flat.find("issues.army_cap assumption: the reports give NO figure") != std::string::npos);
  CHECK(widest_line(text) <= 80);
}

TEST_CASE("validate --explain wraps to the width it is given", "[report][explain-scenario]") {
  const parley::Scenario s = reports_scenario();
  CHECK(widest_line(parley::scenario_explanation(s, 60)) <= 60);
  CHECK(widest_line(parley::scenario_explanation(s, 120)) <= 120);
  CHECK(widest_line(parley::scenario_explanation(s, 120)) > 80);
  // Below 40 columns it keeps 40 (a word longer than a line, such as a long
  // path, gets a line of its own).
  CHECK(parley::scenario_explanation(s, 10) == parley::scenario_explanation(s, 40));
}

TEST_CASE("a scenario without assumption notes says so", "[report][explain-scenario]") {
  const parley::Scenario s =
      parley::load_scenario_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/classroom-two-party.yaml");
  const std::string text = parley::scenario_explanation(s, 80);
  CHECK(text.find("HYPOTHETICAL") != std::string::npos);
  CHECK(text.find("Assumptions: 0 values marked in the file's notes\n  (none: no note marks an assumption)\n") !=
        std::string::npos);
}
