#include "plot_csv.hpp"

#include <algorithm>
#include <vector>

#include "parley/sweep.hpp"

namespace parley::cli {

namespace {

bool safe_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '+' || c == '-' || c == ' ';
}

bool safe_field(std::string_view field) {
  return std::all_of(field.begin(), field.end(), safe_char);
}

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    const std::size_t comma = line.find(',', start);
    fields.push_back(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) return fields;
    start = comma + 1;
  }
}

std::string shown(std::string_view s) {
  return std::string(s.substr(0, 60)) + (s.size() > 60 ? "..." : "");
}

[[noreturn]] void not_parley(std::string_view file_name) {
  throw InputError("plot: '" + std::string(file_name) +
                   "' is not a CSV written by parley: expected a first line '# HYPOTHETICAL ... parley VERSION KIND; "
                   "scenario \"TITLE\" (FILE); seed ...'");
}

// `# HYPOTHETICAL ... parley VERSION KIND; scenario "TITLE" (FILE); seed N...`
void parse_first_line(std::string_view line, std::string_view file_name, PlotCsv& csv) {
  constexpr std::string_view lead = "# HYPOTHETICAL", parley = " parley ", scenario = "; scenario \"", file_open = " (",
                             seed = "); seed ";
  if (line.substr(0, lead.size()) != lead) not_parley(file_name);
  std::size_t at = line.find(parley, lead.size());
  if (at == std::string_view::npos) not_parley(file_name);
  at += parley.size();
  const std::size_t version_end = line.find(' ', at);
  if (version_end == std::string_view::npos || version_end == at) not_parley(file_name);
  at = version_end + 1;
  const std::size_t kind_begin = at;
  while (at < line.size() && line[at] >= 'a' && line[at] <= 'z') ++at;
  if (at == kind_begin || line.substr(at, scenario.size()) != scenario) not_parley(file_name);
  csv.kind = std::string(line.substr(kind_begin, at - kind_begin));
  // The title, with its quotes doubled as csv_header writes them.
  for (at += scenario.size();; ++at) {
    if (at >= line.size()) not_parley(file_name);
    if (line[at] == '"') {
      if (at + 1 < line.size() && line[at + 1] == '"') {
        csv.title += '"';
        ++at;
        continue;
      }
      break;
    }
    csv.title += line[at];
  }
  ++at;  // the closing quote
  if (line.substr(at, file_open.size()) != file_open) not_parley(file_name);
  at += file_open.size();
  const std::size_t seed_at = line.rfind(seed);
  if (seed_at == std::string_view::npos || seed_at < at) not_parley(file_name);
  const std::size_t digits = seed_at + seed.size();
  if (digits >= line.size() || line[digits] < '0' || line[digits] > '9') not_parley(file_name);
}

// The header of each kind; a sweep's starts with the one or two varied issues.
void check_header(std::string_view header, std::string_view file_name, PlotCsv& csv) {
  const std::vector<std::string_view> fields = split(header);
  bool ok = std::all_of(fields.begin(), fields.end(), [](std::string_view f) { return !f.empty() && safe_field(f); });
  if (csv.kind == "sweep") {
    constexpr std::string_view tail = ",measure,actor,mean,se,ci95_low,ci95_high";
    const std::size_t measure = header.find(",measure,");
    const std::size_t issues = measure == std::string_view::npos ? 0 : split(header.substr(0, measure)).size();
    ok = ok && measure != std::string_view::npos && header.substr(measure) == tail && (issues == 1 || issues == 2);
    csv.issues = issues;
  } else if (csv.kind == "tornado") {
    ok = ok && header == "input,low,high,swing,low_se,high_se,low_value,high_value";
  } else if (csv.kind == "sobol") {
    ok = ok && header == "input,S1,S1_low,S1_high,ST,ST_low,ST_high";
  } else if (csv.kind == "bargain") {
    ok = ok && header == "measure,round,issue,actor,value,se,ci95_low,ci95_high";
  } else {
    throw InputError("plot: no plot for the CSV of '" + csv.kind +
                     "': expected the CSV of sweep, tornado, sobol or bargain");
  }
  if (!ok) {
    throw InputError("plot: '" + std::string(file_name) + "' does not have the columns of a " + csv.kind +
                     " CSV (see the README): got '" + shown(header) + "'");
  }
  csv.columns = fields.size();
}

}  // namespace

PlotCsv check_plot_csv(std::string_view text, std::string_view file_name) {
  if (text.size() > kMaxPlotCsvBytes) {
    throw InputError("plot: '" + std::string(file_name) + "' is larger than " + std::to_string(kMaxPlotCsvBytes >> 20) +
                     " MiB: expected a CSV written by parley");
  }
  PlotCsv csv;
  std::size_t line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.size() > kMaxPlotCsvLine) {
      throw InputError("plot: '" + std::string(file_name) + "' line " + std::to_string(line_number) +
                       " is longer than " + std::to_string(kMaxPlotCsvLine) +
                       " bytes: expected a CSV written by parley");
    }
    if (line_number == 1) {
      parse_first_line(line, file_name, csv);
    } else if (line_number == 2) {
      check_header(line, file_name, csv);
    } else {
      const std::vector<std::string_view> fields = split(line);
      if (fields.size() != csv.columns || !std::all_of(fields.begin(), fields.end(), safe_field)) {
        throw InputError("plot: '" + std::string(file_name) + "' row " + std::to_string(csv.rows + 1) +
                         " is not as parley writes it: expected " + std::to_string(csv.columns) +
                         " fields of numbers and ids, got '" + shown(line) + "'");
      }
      ++csv.rows;
    }
  }
  if (line_number == 0) not_parley(file_name);
  if (line_number == 1) check_header({}, file_name, csv);
  if (csv.rows == 0) {
    throw InputError("plot: '" + std::string(file_name) + "' has no data rows: expected the output of " + csv.kind);
  }
  return csv;
}

}  // namespace parley::cli
