// `parley validate FILE [--explain]`: check a scenario and count what it holds,
// or print it as a reader sees it.

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "commands.hpp"
#include "parley/report/scenario_report.hpp"

namespace parley::cli {

namespace {
int validate_command(const CommonOptions& o, bool explain) {
  const Scenario s = load(o);
  if (explain) {
    emit(o, scenario_explanation(s, o.out.empty() ? terminal_width() : kDefaultWidth));
    return 0;
  }
  // Counted from the scenario: building the model would factor the influence
  // system, which validating a large scenario does not need.
  const auto parameters = s.parameters();
  const auto uncertain = static_cast<std::size_t>(
      std::count_if(parameters.begin(), parameters.end(), [](const Parameter* p) { return p->is_uncertain(); }));
  auto count = [](std::size_t n, const char* noun) { return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s"); };
  emit(o, fmt::format("ok: {}: {}, {}, {}, {}, {}\n", o.file, count(s.actors.size(), "actor"),
                      count(s.issues.size(), "issue"), count(s.proposals.size(), "proposal"),
                      count(s.relations.size(), "relation"), count(uncertain, "uncertain input")));
  return 0;
}
}  // namespace

Command add_validate_command(CLI::App& app, CommonOptions& common) {
  auto explain = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("validate", "Check a scenario file; report every error at once");
  add_scenario_options(*cmd, common);
  cmd->add_flag("--explain", *explain,
                "Print the scenario as a reader sees it: sources, each actor's positions with quotes, and every "
                "value marked as an assumption");
  return {cmd, [&common, explain] { return validate_command(common, *explain); }};
}

}  // namespace parley::cli
