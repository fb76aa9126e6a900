#include "plot.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>
#include <vector>

#include "parley/sweep.hpp"

namespace parley::cli {

namespace {
// A gnuplot string literal in single quotes ('' stands for one quote).
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::filesystem::path plots_directory() {
  if (const char* env = std::getenv("PARLEY_PLOTS"); env != nullptr && *env != '\0') return env;
  return PARLEY_PLOTS_DIR;
}
}  // namespace

void plot_csv(const std::string& csv, const std::string& out, const std::string& title) {
  std::ifstream in(csv);
  if (!in) throw InputError("plot: cannot read '" + csv + "': expected a CSV file written by parley");
  std::string first, header;
  std::getline(in, first);
  std::getline(in, header);
  std::smatch m;
  static const std::regex kind_pattern(R"(^# HYPOTHETICAL.* parley \S+ ([a-z]+); )");
  if (!std::regex_search(first, m, kind_pattern)) {
    throw InputError("plot: '" + csv +
                     "' is not a CSV written by parley: expected a first line '# HYPOTHETICAL ... parley VERSION "
                     "KIND; ...'");
  }
  const std::string kind = m[1];
  std::string script;
  if (kind == "sweep") {
    // 1-D: ISSUE,measure,...; 2-D: ISSUE,ISSUE2,measure,...
    script = header.find(",measure,") == header.find(',') ? "sweep_curves.gp" : "sweep_heatmap.gp";
  } else if (kind == "tornado") {
    script = "tornado.gp";
  } else if (kind == "sobol") {
    script = "sobol.gp";
  } else {
    throw InputError("plot: no plot for the CSV of '" + kind + "': expected the CSV of sweep, tornado or sobol");
  }
  const std::filesystem::path target(out);
  const std::string extension = target.extension().string();
  if (extension != ".svg" && extension != ".png") {
    throw InputError("plot: --out '" + out + "': expected a file name ending in .svg or .png");
  }
  const std::filesystem::path directory = plots_directory();
  if (!std::filesystem::exists(directory / script)) {
    throw std::runtime_error("plot: the gnuplot script '" + (directory / script).string() +
                             "' is missing (set PARLEY_PLOTS to the plots/ directory)");
  }
  // Render beside the target, then rename: no half-written image.
  const std::filesystem::path absolute_out = std::filesystem::absolute(target);
  const std::filesystem::path temp = absolute_out.parent_path() / ("." + absolute_out.stem().string() + ".partial-" +
                                                                   std::to_string(::getpid()) + extension);
  std::string variables = "csv=" + quoted(std::filesystem::absolute(csv).string()) + "; out=" + quoted(temp.string());
  if (!title.empty()) variables += "; title=" + quoted(title);

  const pid_t child = ::fork();
  if (child < 0) throw std::runtime_error("plot: cannot start gnuplot");
  if (child == 0) {
    if (::chdir(directory.c_str()) != 0) ::_exit(126);
    ::execlp("gnuplot", "gnuplot", "-e", variables.c_str(), script.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);  // exec failed: gnuplot is not installed
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  std::error_code ignored;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::filesystem::remove(temp, ignored);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
      throw std::runtime_error("plot: gnuplot not found: install it (Debian: gnuplot-nox; `make deps` does)");
    }
    throw std::runtime_error("plot: gnuplot failed on '" + csv + "' (script " + script + ")");
  }
  if (!std::filesystem::exists(temp) || std::filesystem::file_size(temp) == 0) {
    std::filesystem::remove(temp, ignored);
    throw std::runtime_error("plot: gnuplot wrote no image for '" + csv + "'");
  }
  std::filesystem::rename(temp, absolute_out);
}

}  // namespace parley::cli
