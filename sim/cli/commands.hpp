#pragma once
// The subcommands of the parley executable. Each lives in its own file
// (sim/cli/NAME_command.cpp) and is registered the same way: a function that
// adds the subcommand and its options to the app and returns what runs it.

#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

#include "common.hpp"
#include "usage.hpp"

namespace parley::cli {

/// A registered subcommand: its CLI11 app, and what runs it once the command
/// line has been parsed, returning the exit status.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

/// Adds one subcommand to `app`. The options every command shares are parsed
/// into `common` (which must outlive the parse and the run); the command's own
/// options are owned by the returned closure.
using AddCommand = Command (*)(CLI::App& app, CommonOptions& common);

Command add_validate_command(CLI::App& app, CommonOptions& common);
Command add_run_command(CLI::App& app, CommonOptions& common);
Command add_sweep_command(CLI::App& app, CommonOptions& common);
Command add_tornado_command(CLI::App& app, CommonOptions& common);
Command add_sobol_command(CLI::App& app, CommonOptions& common);
Command add_morris_command(CLI::App& app, CommonOptions& common);
Command add_selftest_command(CLI::App& app, CommonOptions& common);
Command add_plot_command(CLI::App& app, CommonOptions& common);
Command add_bargain_command(CLI::App& app, CommonOptions& common);
Command add_solve_command(CLI::App& app, CommonOptions& common);
Command add_explain_command(CLI::App& app, CommonOptions& common);
Command add_graph_command(CLI::App& app, CommonOptions& common);
Command add_exercises_command(CLI::App& app, CommonOptions& common);
Command add_report_command(CLI::App& app, CommonOptions& common);
/// `parley help [COMMAND]`: the text of --help; not listed (the footer names it).
Command add_help_command(CLI::App& app, CommonOptions& common);

/// Adds every subcommand to `app`, each under its heading of command_groups().
std::vector<Command> add_commands(CLI::App& app, CommonOptions& common);

/// Prints a usage error (`parley: error: MESSAGE` and the hint) to stderr;
/// returns kExitBadInput.
int usage_failure(const UsageError& error);

}  // namespace parley::cli
