#include "common.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <limits>
#include <stdexcept>

#include "parley/core/cluster.hpp"
#include "parley/core/errors.hpp"
#include "parley/io/atomic_file.hpp"
#include "parley/io/scenario_loader.hpp"
#include "usage.hpp"

namespace parley::cli {

CLI::Validator seed_validator() {
  return whole_number(0, std::numeric_limits<std::uint64_t>::max());
}

CLI::Validator non_empty() {
  return {[](std::string& text) -> std::string { return text.empty() ? "expected a file name, got ''" : ""; }, ""};
}

void add_scenario_options(CLI::App& cmd, CommonOptions& o) {
  value_in_words(cmd, cmd.add_option("FILE", o.file, "Scenario file (YAML)")->required(), "FILE");
  value_in_words(cmd,
                 cmd.add_option("--set", o.sets,
                                "Override a scenario value by its path, e.g. actors.ukraine.reservation.mean=0.5"),
                 "PATH=VALUE");
}

void add_output_options(CLI::App& cmd, CommonOptions& o, const std::vector<std::string>& formats) {
  value_in_words(cmd, cmd.add_option("--format", o.format, "Output format")->check(one_of(formats)), "F",
                 or_list(formats));
  value_in_words(
      cmd,
      cmd.add_option("--out", o.out, "Write the output to FILE (atomically) instead of stdout")->check(non_empty()),
      "FILE");
}

void add_simulation_options(CLI::App& cmd, CommonOptions& o) {
  value_in_words(cmd,
                 cmd.add_option("--draws", o.draws, "Monte Carlo draws (default: the scenario's simulation.draws)")
                     ->check(whole_number(1, kMaxDraws)),
                 "N", whole_number_words(1, kMaxDraws));
  add_seed_option(cmd, o, "Random seed (default: the scenario's simulation.seed)");
  add_threads_option(cmd, o, "Worker threads; results are identical for any number");
  add_output_options(cmd, o, {"table", "json", "csv"});
  cmd.add_flag("--no-progress", o.no_progress, "No progress bar on stderr");
}

void add_seed_option(CLI::App& cmd, CommonOptions& o, const std::string& description) {
  value_in_words(cmd, cmd.add_option("--seed", o.seed, description)->check(seed_validator()), "N",
                 whole_number_words(0, std::numeric_limits<std::uint64_t>::max()));
}

void add_threads_option(CLI::App& cmd, CommonOptions& o, const std::string& description) {
  value_in_words(cmd, cmd.add_option("--threads", o.threads, description)->check(whole_number(1, kMaxThreads)), "N",
                 whole_number_words(1, kMaxThreads));
}

Scenario load(const CommonOptions& o) {
  std::vector<Override> overrides;
  for (const auto& s : o.sets) overrides.push_back(parse_override(s));
  return load_scenario_file(o.file, overrides);
}

ProgressCallback progress_callback(ProgressBar& bar) {
  return [&bar](std::uint64_t done, std::uint64_t total) { bar.update(done, total); };
}

SimulationSettings simulation_settings(const CommonOptions& o, const Scenario& s, ProgressBar& bar) {
  SimulationSettings settings;
  settings.draws = o.draws > 0 ? o.draws : s.simulation.draws;
  settings.seed = o.seed.value_or(s.simulation.seed);
  settings.threads = o.threads;
  settings.progress = progress_callback(bar);
  return settings;
}

std::size_t terminal_width() {
  winsize size{};
  if (::isatty(STDOUT_FILENO) == 1 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return kDefaultWidth;
}

void emit(const CommonOptions& o, const std::string& text) {
  // The reports copy scenario strings into tables and CSV; the loader refuses
  // control characters, and this keeps any that slip through off the terminal.
  // Under MPI every rank computes the same result; rank 0 alone writes it.
  if (cluster().rank() != 0) return;
  const std::string clean = printable(text);
  if (o.out.empty()) {
    errno = 0;
    const std::size_t written = std::fwrite(clean.data(), 1, clean.size(), stdout);
    if (written != clean.size() || std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
      throw std::runtime_error(std::string("cannot write to standard output") +
                               (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()));
    }
  } else {
    write_file_atomically(o.out, clean);
  }
}

void print_error(std::string_view what) noexcept {
  try {
    std::cerr << "parley: error: " << printable(what) << "\n";
  } catch (...) {
    std::fputs("parley: error: internal error\n", stderr);
  }
}

int finish_output(int status) {
  errno = 0;
  std::cout.flush();
  const bool failed = !std::cout.good() || std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
  if (failed && status == 0) {
    const int error = errno;
    std::fprintf(stderr, "parley: error: cannot write to standard output%s%s\n", error != 0 ? ": " : "",
                 error != 0 ? std::strerror(error) : "");
    return kExitFailure;
  }
  return status;
}

namespace {
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// printable(), on one line: for quoting an argument in a message.
std::string one_line(std::string_view text) {
  std::string out;
  for (char c : printable(text)) {
    if (c == '\n' || c == '\t') {
      out += kReplacement;
    } else {
      out += c;
    }
  }
  return out;
}
}  // namespace

void check_arguments(int argc, const char* const* argv) {
  for (int k = 1; k < argc; ++k) {
    const std::string_view argument = argv[k];
    const std::string problem = text_problem(argument);
    if (problem.empty()) continue;
    // Name the option the value belongs to: `--set X`, `--set=X` or a positional FILE.
    std::string where;
    if (argument.rfind("--", 0) == 0 && argument.find('=') != std::string_view::npos) {
      where = ", " + std::string(argument.substr(0, argument.find('=')));
    } else if (k > 1 && argv[k - 1][0] == '-') {
      where = std::string(", after ") + argv[k - 1];
    }
    throw InputError(
        fmt::format("command-line argument '{}' (argument {}{}): {}", one_line(argument), k, one_line(where), problem));
  }
}

}  // namespace parley::cli
