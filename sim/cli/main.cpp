// The parley executable: registers the subcommands (commands.hpp), parses, runs
// the chosen one and maps what it throws to exit codes (0 ok, 1 failure, 2 bad input).

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <csignal>
#include <iostream>
#include <memory>
#include <new>
#include <stdexcept>
#include <vector>

#include "commands.hpp"
#include "parley/io/atomic_file.hpp"
#include "parley/io/diagnostics.hpp"
#include "parley/report/common.hpp"
#include "parley/version.hpp"

namespace {

using namespace parley::cli;

// All of main but the last line of defence against exceptions and the check of stdout.
int parley_main(int argc, char** argv) {
  check_arguments(argc, argv);  // before any computation: no output can carry such text
  CLI::App app{fmt::format("parley {}: negotiation-scenario simulator.\n{}", parley::kVersion, parley::kDisclaimer),
               "parley"};
  // Before any subcommand: they share the main app's formatter.
  app.formatter(std::make_shared<HelpFormatter>());
  app.set_version_flag("--version", std::string("parley ") + parley::kVersion);
  app.require_subcommand(1);
  app.footer("Run 'parley help COMMAND' (or 'parley COMMAND --help') for a command's options.");
  CommonOptions common;
  const std::vector<Command> commands = add_commands(app, common);

  if (const auto wrong = command_word_error(app, argc, argv)) return usage_failure(*wrong);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_failure(usage_error(app, e));
  }
  try {
    for (const Command& c : commands) {
      if (c.app->parsed()) return c.run();
    }
  } catch (const parley::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << printable(parley::format_diagnostic(d)) << "\n";
    std::cerr << printable(fmt::format("{} error{} in {}\n", e.total(), e.total() == 1 ? "" : "s", common.file));
    return kExitBadInput;
  }
  return kExitFailure;
}

// The exit status of the exception being handled, after its message. Bad
// input is 2; a failure to write, a missing gnuplot and the like are 1 with
// their own message; anything else is a bug or the machine's limit, 1 and an
// `internal error`.
int report_exception() noexcept {
  try {
    throw;
  } catch (const parley::InputError& e) {
    print_error(e.what());
    return kExitBadInput;
  } catch (const std::bad_alloc&) {
    print_error("internal error: out of memory");
  } catch (const nlohmann::json::exception& e) {
    print_error(std::string("internal error: JSON output: ") + e.what());
  } catch (const std::logic_error& e) {
    print_error(std::string("internal error: ") + e.what());
  } catch (const std::runtime_error& e) {
    print_error(e.what());
  } catch (const std::exception& e) {
    print_error(std::string("internal error: ") + e.what());
  } catch (...) {
    print_error("internal error: an unknown exception");
  }
  return kExitFailure;
}

}  // namespace

int main(int argc, char** argv) {
  // An interrupted run removes its temporary files; a write beyond the file
  // size limit (ulimit -f) fails with EFBIG, cleaned up like any failed write,
  // instead of killing the process halfway.
  parley::install_temporary_cleanup();
  std::signal(SIGXFSZ, SIG_IGN);
  int status = kExitFailure;
  try {
    status = parley_main(argc, argv);
  } catch (...) {
    status = report_exception();
  }
  return finish_output(status);
}
