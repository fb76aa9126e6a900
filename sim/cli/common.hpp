#pragma once
// What every subcommand of the parley executable shares: the options of the
// scenario and the simulation, loading, rendering and writing the output.

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include "parley/core/engine.hpp"
#include "parley/core/errors.hpp"
#include "parley/core/scenario.hpp"
#include "parley/io/utf8.hpp"
#include "progress.hpp"

namespace parley::cli {

using parley::printable;     // parley/utf8.hpp
using parley::text_problem;  // parley/utf8.hpp

inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

// Options shared by the subcommands that simulate.
struct CommonOptions {
  std::string file;
  std::vector<std::string> sets;
  std::uint64_t draws = 0;  // 0: the scenario's default
  std::optional<std::uint64_t> seed;
  unsigned threads = std::max(1U, std::thread::hardware_concurrency());
  std::string format = "table";
  std::string out;
  bool no_progress = false;
};

// A whole number in [0, 2^64 - 1]; CLI11 alone would wrap "-1" around.
CLI::Validator seed_validator();
CLI::Validator non_empty();

/// FILE and --set.
void add_scenario_options(CLI::App& cmd, CommonOptions& o);
/// --draws, --seed, --threads, --format table|json|csv, --out, --no-progress.
void add_simulation_options(CLI::App& cmd, CommonOptions& o);
/// --format (one of `formats`) and --out.
void add_output_options(CLI::App& cmd, CommonOptions& o, const std::vector<std::string>& formats);
/// --seed and --threads with their own descriptions.
void add_seed_option(CLI::App& cmd, CommonOptions& o, const std::string& description);
void add_threads_option(CLI::App& cmd, CommonOptions& o, const std::string& description);

/// The scenario with the --set overrides applied (throws ScenarioError).
Scenario load(const CommonOptions& o);

/// What the analyses call as they progress: updates the bar.
ProgressCallback progress_callback(ProgressBar& bar);

/// Draws, seed and threads from the options, defaulting to the scenario's,
/// and the bar as the progress callback.
SimulationSettings simulation_settings(const CommonOptions& o, const Scenario& s, ProgressBar& bar);

/// Columns of text for reports that wrap: 80, or the terminal's width when
/// standard output is a terminal.
inline constexpr std::size_t kDefaultWidth = 80;
std::size_t terminal_width();

/// Writes the text to --out (atomically) or to stdout, as printable() makes
/// it; throws std::runtime_error when it cannot be written. Under MPI only
/// rank 0 writes.
void emit(const CommonOptions& o, const std::string& text);

/// `parley: error: WHAT` on stderr, as printable() makes it; never throws.
void print_error(std::string_view what) noexcept;

/// `status`, or kExitFailure with a message when standard output (also what
/// CLI11 printed for --help) could not be written: a run that could not write
/// its output did not succeed. Call once everything is written.
int finish_output(int status);

/// Refuses (InputError) a command-line argument that is not valid UTF-8 or
/// holds a control character, naming the option it belongs to. Run before
/// parsing, so that no computation starts on text no output can carry.
void check_arguments(int argc, const char* const* argv);

/// JSON text; strings that are not valid UTF-8 become U+FFFD rather than an
/// exception after the whole computation.
template <class Json>
std::string dump_json(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// The output in the chosen format.
template <class Result, class Json, class Csv, class Table>
std::string render(const CommonOptions& o, const Scenario& s, const Result& result, Json json, Csv csv, Table table) {
  if (o.format == "json") return dump_json(json(s, result));
  if (o.format == "csv") return csv(s, result);
  // Tables that can use a wider terminal take its width (80 into a file or a pipe).
  if constexpr (std::is_invocable_v<Table, const Scenario&, const Result&, std::size_t>) {
    return table(s, result, o.out.empty() ? terminal_width() : kDefaultWidth);
  } else {
    return table(s, result);
  }
}

}  // namespace parley::cli
