#include "parley/report/selftest_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "parley/version.hpp"

namespace parley {

namespace {
std::size_t passed_count(const std::vector<SelfCheck>& checks) {
  return static_cast<std::size_t>(
      std::count_if(checks.begin(), checks.end(), [](const SelfCheck& c) { return c.passed(); }));
}
}  // namespace

std::string selftest_table(const std::vector<SelfCheck>& checks) {
  std::string text = fmt::format("parley {} selftest: analytic checks (model, sensitivity, bargaining)\n{}\n\n",
                                 kVersion, kDisclaimer);
  text += fmt::format("{:<40} {:>10} {:>10} {:>7}  {}\n", "check", "expected", "obtained", "tol", "result");
  for (const auto& c : checks) {
    text += fmt::format("{:<40} {:>10.6f} {:>10.6f} {:>7.0e}  {}\n", c.name, c.expected, c.obtained, c.tolerance,
                        c.passed() ? "pass" : "FAIL");
  }
  text += fmt::format("\n{} of {} checks passed.\n", passed_count(checks), checks.size());
  return text;
}

nlohmann::ordered_json selftest_json(const std::vector<SelfCheck>& checks) {
  nlohmann::ordered_json j;
  j["tool"] = "parley";
  j["version"] = kVersion;
  j["disclaimer"] = kDisclaimer;
  j["command"] = "selftest";
  j["passed"] = passed_count(checks) == checks.size();
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& c : checks) {
    list.push_back({{"check", c.name},
                    {"expected", c.expected},
                    {"obtained", c.obtained},
                    {"tolerance", c.tolerance},
                    {"passed", c.passed()}});
  }
  j["checks"] = list;
  return j;
}

}  // namespace parley
