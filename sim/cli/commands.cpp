#include "commands.hpp"

#include <array>
#include <iostream>

namespace parley::cli {

namespace {
// Every subcommand, in the order registered; `help` last, in no group.
constexpr std::array<AddCommand, 15> kCommands = {
    add_validate_command, add_run_command,      add_sweep_command,     add_tornado_command, add_sobol_command,
    add_morris_command,   add_selftest_command, add_plot_command,      add_bargain_command, add_solve_command,
    add_explain_command,  add_graph_command,    add_exercises_command, add_report_command,  add_help_command,
};
}  // namespace

std::vector<Command> add_commands(CLI::App& app, CommonOptions& common) {
  std::vector<Command> commands;
  for (const AddCommand add : kCommands) commands.push_back(add(app, common));
  for (const CommandGroup& group : command_groups()) {
    for (const auto& name : group.commands) app.get_subcommand(name)->group(group.title);
  }
  return commands;
}

int usage_failure(const UsageError& error) {
  std::cerr << "parley: error: " << printable(error.message) << "\n" << error.hint << "\n";
  return kExitBadInput;
}

}  // namespace parley::cli
