#include "plot.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
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

namespace {
// Every field of a parley CSV is a number, an id or path of [a-z0-9_.],
// `group NAME`/`actor ID`, true/false or empty. Checking this before gnuplot
// sees the file keeps hand-edited text (quotes, $, ...) out of the scripts'
// shell pipes.
bool safe_field(const std::string& field) {
  static const std::regex pattern(R"(^[A-Za-z0-9_.+\- ]*$)");
  return std::regex_match(field, pattern);
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  for (char c : line) {
    if (c == ',') {
      fields.push_back(field);
      field.clear();
    } else {
      field += c;
    }
  }
  fields.push_back(field);
  return fields;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

void plot_csv(const std::string& csv, const std::string& out, const std::string& title, const std::string& chart) {
  std::ifstream in(csv);
  if (!in) throw InputError("plot: cannot read '" + csv + "': expected a CSV file written by parley");
  std::string first, header;
  std::getline(in, first);
  std::getline(in, header);
  std::smatch m;
  static const std::regex kind_pattern(R"re(^# HYPOTHETICAL.* parley \S+ ([a-z]+); scenario "(.*)" \(.*\); seed)re");
  if (!std::regex_search(first, m, kind_pattern)) {
    throw InputError("plot: '" + csv +
                     "' is not a CSV written by parley: expected a first line '# HYPOTHETICAL ... parley VERSION "
                     "KIND; ...'");
  }
  const std::string kind = m[1];
  const std::string scenario_title = m[2];
  std::string script;
  bool header_ok = false;
  if (kind == "sweep") {
    // 1-D: ISSUE,measure,...; 2-D: ISSUE,ISSUE2,measure,...
    header_ok = ends_with(header, ",measure,actor,mean,se,ci95_low,ci95_high");
    script = header.find(",measure,") == header.find(',') ? "sweep_curves.gp" : "sweep_heatmap.gp";
  } else if (kind == "tornado") {
    header_ok = header == "input,low,high,swing,low_se,high_se,low_value,high_value";
    script = "tornado.gp";
  } else if (kind == "sobol") {
    header_ok = header == "input,S1,S1_low,S1_high,ST,ST_low,ST_high";
    script = "sobol.gp";
  } else if (kind == "bargain") {
    header_ok = header == "measure,round,issue,actor,value,se,ci95_low,ci95_high";
    script = chart == "terms" ? "bargain_terms.gp" : "bargain_agreement.gp";
  } else {
    throw InputError("plot: no plot for the CSV of '" + kind +
                     "': expected the CSV of sweep, tornado, sobol or bargain");
  }
  if (!chart.empty() && kind != "bargain") {
    throw InputError("plot: --chart " + chart + ": only the CSV of bargain has charts to choose from, got the CSV of " +
                     kind);
  }
  const std::size_t columns = split(header).size();
  if (!header_ok || !safe_field(header.substr(0, header.find(',')))) {
    throw InputError("plot: '" + csv + "' does not have the columns of a " + kind + " CSV (see the README): got '" +
                     header + "'");
  }
  // Copy the data to a file of our own naming, checking every field.
  std::string content = first + "\n" + header + "\n";
  std::size_t rows = 0;
  for (std::string line; std::getline(in, line);) {
    const std::vector<std::string> fields = split(line);
    const bool quoted_group = fields.size() == columns + 1;  // never written by parley: refuse below
    if (fields.size() != columns || quoted_group ||
        !std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return safe_field(f); })) {
      throw InputError("plot: '" + csv + "' row " + std::to_string(rows + 1) +
                       " is not as parley writes it: expected " + std::to_string(columns) +
                       " fields of numbers and ids, got '" + line.substr(0, 60) + "'");
    }
    content += line + "\n";
    ++rows;
  }
  if (rows == 0) throw InputError("plot: '" + csv + "' has no data rows: expected the output of " + kind);

  const std::filesystem::path target(out);
  const std::string extension = target.extension().string();
  if (extension != ".svg" && extension != ".png") {
    throw InputError("plot: --out '" + out + "': expected a file name ending in .svg or .png");
  }
  const std::filesystem::path absolute_out = std::filesystem::absolute(target);
  if (!std::filesystem::is_directory(absolute_out.parent_path())) {
    throw std::runtime_error("cannot write '" + out + "': No such directory");
  }
  const std::filesystem::path directory = plots_directory();
  if (!std::filesystem::exists(directory / script)) {
    throw std::runtime_error("plot: the gnuplot script '" + (directory / script).string() +
                             "' is missing (set PARLEY_PLOTS to the plots/ directory)");
  }
  // The checked copy, under a name of our own, is what gnuplot reads.
  std::string data_name = (std::filesystem::temp_directory_path() / "parley-plot-XXXXXX").string();
  std::vector<char> name_buffer(data_name.begin(), data_name.end());
  name_buffer.push_back('\0');
  const int fd = ::mkstemp(name_buffer.data());
  if (fd < 0) throw std::runtime_error("plot: cannot create a temporary file");
  const std::string data(name_buffer.data());
  const bool written = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
  ::close(fd);
  std::error_code ignored;
  if (!written) {
    std::filesystem::remove(data, ignored);
    throw std::runtime_error("plot: cannot write a temporary file");
  }

  // Render beside the target, then rename: no half-written image.
  const std::filesystem::path temp = absolute_out.parent_path() / ("." + absolute_out.stem().string() + ".partial-" +
                                                                   std::to_string(::getpid()) + extension);
  std::string variables = "csv=" + quoted(data) + "; out=" + quoted(temp.string()) +
                          "; title=" + quoted(title.empty() ? scenario_title : title);

  const pid_t child = ::fork();
  if (child < 0) {
    std::filesystem::remove(data, ignored);
    throw std::runtime_error("plot: cannot start gnuplot");
  }
  if (child == 0) {
    if (::chdir(directory.c_str()) != 0) ::_exit(126);
    ::execlp("gnuplot", "gnuplot", "-e", variables.c_str(), script.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);  // exec failed: gnuplot is not installed
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  std::filesystem::remove(data, ignored);
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
