#include <fmt/format.h>

#include "parley/report/common.hpp"
#include "parley/version.hpp"

namespace parley {

nlohmann::ordered_json estimate_json(const Estimate& e) {
  nlohmann::ordered_json j;
  j["mean"] = e.mean;
  j["se"] = e.se;
  j["ci95"] = {e.ci95[0], e.ci95[1]};
  return j;
}

nlohmann::ordered_json json_header(const Scenario& scenario, const std::string& command, std::uint64_t seed,
                                   std::uint64_t draws) {
  nlohmann::ordered_json j;
  j["tool"] = "parley";
  j["version"] = kVersion;
  j["schema"] = kOutputSchema;
  j["disclaimer"] = kDisclaimer;
  j["command"] = command;
  j["scenario"] = {{"title", scenario.title}, {"file", scenario.file}, {"as_of", scenario.as_of}};
  j["seed"] = seed;
  j["draws"] = draws;
  j["generator"] = "Philox4x64-10";
  return j;
}

std::string csv_header(const Scenario& scenario, const std::string& command, std::uint64_t seed, std::uint64_t draws) {
  // Quotes inside the title are doubled, as in CSV fields.
  std::string title;
  for (char c : scenario.title) title += c == '"' ? std::string("\"\"") : std::string(1, c);
  return fmt::format("# {} parley {} {}; scenario \"{}\" ({}); seed {}; draws {}\n", kDisclaimer, kVersion, command,
                     title, scenario.file, seed, draws);
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace parley
