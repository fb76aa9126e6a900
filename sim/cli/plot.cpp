#include "plot.hpp"

#include "plot_csv.hpp"

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "common.hpp"
#include "parley/core/errors.hpp"
#include "parley/io/atomic_file.hpp"

namespace parley::cli {

namespace {

std::filesystem::path plots_directory() {
  if (const char* env = std::getenv("PARLEY_PLOTS"); env != nullptr && *env != '\0') return env;
  return PARLEY_PLOTS_DIR;
}

void write_all(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  out.close();
  if (!out) throw std::runtime_error("plot: cannot write the temporary file '" + printable(path) + "'");
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Runs gnuplot (no shell) in `directory` on the script; its exit status, or
// -1 when it died of a signal.
int run_gnuplot(const std::filesystem::path& directory, const std::string& variables,
                const std::filesystem::path& script) {
  // What the child needs, built before fork: it may then only exec.
  const std::string dir = directory.string();
  const std::string script_path = script.string();
  const pid_t child = ::fork();
  if (child < 0) throw std::runtime_error("plot: cannot start gnuplot: " + std::string(std::strerror(errno)));
  if (child == 0) {
    if (::chdir(dir.c_str()) != 0) ::_exit(126);
    ::execlp("gnuplot", "gnuplot", "-e", variables.c_str(), script_path.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);  // exec failed: gnuplot is not installed
  }
  set_temporary_child(child);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  set_temporary_child(0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

void plot_csv(const std::string& csv, const std::string& out, const std::string& title, const std::string& chart) {
  if (const std::string problem = text_problem(title); !problem.empty()) {
    throw InputError("plot: --title: expected printable UTF-8, got text that " + problem);
  }
  const PlotData prepared = read_plot_csv(csv, chart);
  const std::string& scenario_title = prepared.title;

  const std::filesystem::path target(out);
  const std::string extension = target.extension().string();
  if (extension != ".svg" && extension != ".png") {
    throw InputError("plot: --out '" + printable(out) + "': expected a file name ending in .svg or .png");
  }
  const std::filesystem::path absolute_out = std::filesystem::absolute(target);
  if (!std::filesystem::is_directory(absolute_out.parent_path())) {
    throw std::runtime_error("cannot write '" + printable(out) + "': No such directory");
  }
  const std::filesystem::path directory = std::filesystem::absolute(plots_directory());
  if (!std::filesystem::exists(directory / prepared.script)) {
    throw std::runtime_error("plot: the gnuplot script '" + printable((directory / prepared.script).string()) +
                             "' is missing (set PARLEY_PLOTS to the plots/ directory)");
  }

  // A private directory of our own naming: gnuplot runs in it and sees only
  // the names data.csv and image.EXT, whatever TMPDIR or --out hold; no path
  // reaches gnuplot's parser or a shell.
  std::string pattern = (std::filesystem::temp_directory_path() / "parley-plot-XXXXXX").string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  if (::mkdtemp(name.data()) == nullptr) {
    throw std::runtime_error("plot: cannot create a temporary directory in '" +
                             printable(std::filesystem::temp_directory_path().string()) + "': " + std::strerror(errno));
  }
  const TemporaryPath work(name.data(), true);
  const TemporaryPath data((std::filesystem::path(work.path()) / "data.csv").string(), false);
  const TemporaryPath image((std::filesystem::path(work.path()) / ("image" + extension)).string(), false);
  write_all(data.path(), prepared.data);

  std::string variables = "csv='data.csv'; out=" + gnuplot_string("image" + extension) +
                          "; title=" + gnuplot_string(title.empty() ? scenario_title : title);
  for (const auto& [variable, value] : prepared.variables) variables += "; " + variable + "=" + value;
  // `load "common.gp"` finds the shared settings on gnuplot's load path.
  ::setenv("GNUPLOT_LIB", directory.c_str(), 1);

  const int status = run_gnuplot(work.path(), variables, directory / prepared.script);
  if (status == 127) {
    throw std::runtime_error("plot: gnuplot not found: install it (Debian: gnuplot-nox; `make deps` does)");
  }
  if (status != 0) {
    throw std::runtime_error("plot: gnuplot failed on '" + printable(csv) + "' (script " + prepared.script + ")");
  }
  const std::string bytes = read_all(image.path());
  if (bytes.empty()) throw std::runtime_error("plot: gnuplot wrote no image for '" + printable(csv) + "'");
  write_file_atomically(absolute_out.string(), bytes);
}

}  // namespace parley::cli
