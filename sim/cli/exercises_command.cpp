// `parley exercises FILE`: the scenario's classroom exercises in the terminal.

#include "commands.hpp"
#include "parley/report/exercises_report.hpp"

namespace parley::cli {

namespace {
int exercises_command(const CommonOptions& o) {
  const Scenario s = load(o);
  emit(o, exercises_text(s, o.out.empty() ? terminal_width() : kDefaultWidth));
  return 0;
}
}  // namespace

Command add_exercises_command(CLI::App& app, CommonOptions& common) {
  CLI::App* cmd = app.add_subcommand(
      "exercises", "The scenario's classroom exercises: questions, hints, and the command that runs each");
  add_scenario_options(*cmd, common);
  cmd->add_option("--out", common.out, "Write to this file (atomically) instead of standard output");
  return {cmd, [&common] { return exercises_command(common); }};
}

}  // namespace parley::cli
