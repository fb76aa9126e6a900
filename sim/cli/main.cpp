// The parley executable: registers the subcommands (commands.hpp), parses, runs
// the chosen one and maps what it throws to exit codes (0 ok, 1 failure, 2 bad input).
// Under mpirun every rank runs the same command; rank 0 alone prints, and all
// ranks agree on one exit status (docs/cluster.md).

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <csignal>
#include <iostream>
#include <memory>
#include <new>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "commands.hpp"
#include "parley/io/atomic_file.hpp"
#include "parley/io/diagnostics.hpp"
#include "parley/mpi/mpi_cluster.hpp"
#include "parley/report/common.hpp"
#include "parley/version.hpp"

namespace {

using namespace parley::cli;

// All of main but the last line of defence against exceptions and the check of stdout.
int parley_main(int argc, char** argv, CommonOptions& common) {
  check_arguments(argc, argv);  // before any computation: no output can carry such text
  CLI::App app{fmt::format("parley {}: negotiation-scenario simulator.\n{}", parley::kVersion, parley::kDisclaimer),
               "parley"};
  // Before any subcommand: they share the main app's formatter.
  app.formatter(std::make_shared<HelpFormatter>());
  app.set_version_flag("--version", std::string("parley ") + parley::kVersion);
  app.require_subcommand(1);
  app.footer("Run 'parley help COMMAND' (or 'parley COMMAND --help') for a command's options.");
  const std::vector<Command> commands = add_commands(app, common);

  if (const auto wrong = command_word_error(app, argc, argv)) return usage_failure(*wrong);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_failure(usage_error(app, e));
  }
  for (const Command& c : commands) {
    if (c.app->parsed()) return c.run();
  }
  return kExitFailure;
}

std::string error_line(std::string_view what) {
  return "parley: error: " + printable(what) + "\n";
}

// The exit status of an exception and the text that reports it. Bad input is
// 2 (a scenario's diagnostics, one a line, then their count); a failure to
// write, a missing gnuplot and the like are 1 with their own message;
// anything else is a bug or the machine's limit, 1 and an `internal error`.
parley::ProcessFailure describe(const std::exception_ptr& failure, const std::string& file) noexcept {
  try {
    try {
      std::rethrow_exception(failure);
    } catch (const parley::PeerFailure& e) {
      return e.failure();  // another rank's, already in words
    } catch (const parley::ScenarioError& e) {
      std::string text;
      for (const auto& d : e.diagnostics()) text += printable(parley::format_diagnostic(d)) + "\n";
      text += printable(fmt::format("{} error{} in {}\n", e.total(), e.total() == 1 ? "" : "s", file));
      return {kExitBadInput, text};
    } catch (const parley::InputError& e) {
      return {kExitBadInput, error_line(e.what())};
    } catch (const std::bad_alloc&) {
      return {kExitFailure, error_line("internal error: out of memory")};
    } catch (const nlohmann::json::exception& e) {
      return {kExitFailure, error_line(std::string("internal error: JSON output: ") + e.what())};
    } catch (const std::logic_error& e) {
      return {kExitFailure, error_line(std::string("internal error: ") + e.what())};
    } catch (const std::runtime_error& e) {
      return {kExitFailure, error_line(e.what())};
    } catch (const std::exception& e) {
      return {kExitFailure, error_line(std::string("internal error: ") + e.what())};
    } catch (...) {
      return {kExitFailure, error_line("internal error: an unknown exception")};
    }
  } catch (...) {
    return {kExitFailure, "parley: error: internal error\n"};
  }
}

void print(const std::string& text) noexcept {
  try {
    std::cerr << text;
  } catch (...) {
    std::fputs("parley: error: internal error\n", stderr);
  }
}

// Under MPI, ranks other than 0 print nothing: their standard output goes
// nowhere and what they would write to stderr is kept, for rank 0 to print
// should this rank alone fail.
class RankOutput {
 public:
  explicit RankOutput(bool quiet) {
    if (!quiet) return;
    cout_ = std::cout.rdbuf(&discarded_);
    cerr_ = std::cerr.rdbuf(kept_.rdbuf());
  }
  ~RankOutput() {
    if (cout_ != nullptr) std::cout.rdbuf(cout_);
    if (cerr_ != nullptr) std::cerr.rdbuf(cerr_);
  }
  RankOutput(const RankOutput&) = delete;
  RankOutput& operator=(const RankOutput&) = delete;
  [[nodiscard]] std::string kept() const { return kept_.str(); }

 private:
  struct Discard : std::streambuf {
    int overflow(int c) override { return traits_type::not_eof(c); }
  } discarded_;
  std::ostringstream kept_;
  std::streambuf* cout_ = nullptr;
  std::streambuf* cerr_ = nullptr;
};

// One exit status for every rank: the status of the lowest-ranked process
// that failed, its message printed once, by rank 0.
int agree(parley::Cluster& group, int status, const std::string& message) {
  if (const auto& agreed = group.agreed_failure()) return agreed->status;  // an exchange already told everyone
  const auto failed = group.conclude({status, message});
  if (!failed) return status;
  if (group.rank() == 0 && status == 0) print(failed->message);
  return failed->status;
}

}  // namespace

int main(int argc, char** argv) {
  // An interrupted run removes its temporary files; a write beyond the file
  // size limit (ulimit -f) fails with EFBIG, cleaned up like any failed write,
  // instead of killing the process halfway.
  parley::install_temporary_cleanup();
  std::signal(SIGXFSZ, SIG_IGN);
  int status = kExitFailure;
  std::unique_ptr<parley::Cluster> mpi;
  try {
    mpi = parley::start_mpi_cluster(argc, argv);  // null unless started by mpirun or srun
  } catch (...) {
    print(describe(std::current_exception(), "").message);
    return kExitFailure;
  }
  parley::use_cluster(mpi.get());
  parley::Cluster& group = parley::cluster();
  CommonOptions common;
  group.set_describer([&common](std::exception_ptr e) { return describe(e, common.file); });
  std::string message;
  {
    const RankOutput output(group.rank() != 0);
    try {
      status = parley_main(argc, argv, common);
    } catch (...) {
      const parley::ProcessFailure failure = describe(std::current_exception(), common.file);
      print(failure.message);
      status = failure.status;
    }
    status = finish_output(status);
    message = output.kept();
  }
  if (group.size() > 1) status = agree(group, status, message);
  parley::use_cluster(nullptr);
  return status;
}
