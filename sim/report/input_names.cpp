#include "parley/report/input_names.hpp"

#include <charconv>
#include <string_view>
#include <vector>

namespace parley {

namespace {

std::string_view parameter_words(std::string_view parameter) {
  if (parameter == "rho") return "loss curvature";
  if (parameter == "reservation") return "outside option";
  return parameter;  // capability, rationality, ideal, salience, weight, drift, discount
}

// "x.y.z" -> {"x", "y", "z"}.
std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) return parts;
    start = dot + 1;
  }
}

std::string actor_name(const Scenario& scenario, std::size_t a) {
  const Actor& actor = scenario.actors[a];
  return actor.name.empty() ? actor.id : actor.name;
}

}  // namespace

std::string input_name(const Scenario& scenario, const std::string& path) {
  // Group names of sobol and morris --group.
  if (const auto a = scenario.find_actor(path)) return actor_name(scenario, *a) + " (all inputs)";
  if (path.rfind("actor ", 0) == 0) {
    if (const auto a = scenario.find_actor(path.substr(6))) return actor_name(scenario, *a) + " (other inputs)";
  }
  if (path.rfind("group ", 0) == 0) return "group " + path.substr(6);

  const std::vector<std::string> parts = split(path);
  if (parts.size() == 3 && parts[0] == "actors") {
    if (const auto a = scenario.find_actor(parts[1]))
      return actor_name(scenario, *a) + ": " + std::string(parameter_words(parts[2]));
  }
  if (parts.size() == 5 && parts[0] == "actors" && parts[2] == "positions") {
    const auto a = scenario.find_actor(parts[1]);
    const auto i = scenario.find_issue(parts[3]);
    if (a && i) {
      const Issue& issue = scenario.issues[*i];
      // The parameter before the issue's label, which is the part a narrow table cuts.
      return actor_name(scenario, *a) + ", " + std::string(parameter_words(parts[4])) + ": " +
             (issue.label.empty() ? issue.id : issue.label);
    }
  }
  if (parts.size() == 3 && parts[0] == "relations") {
    std::size_t k = 0;
    const auto parsed = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), k);
    if (parsed.ec == std::errc() && parsed.ptr == parts[1].data() + parts[1].size() && k < scenario.relations.size()) {
      const Relation& r = scenario.relations[k];
      return actor_name(scenario, r.from) + " \xe2\x86\x92 " + actor_name(scenario, r.to) +
             (r.kind.empty() ? "" : " " + r.kind) + " (" + std::string(parameter_words(parts[2])) + ")";
    }
  }
  return path;
}

}  // namespace parley
