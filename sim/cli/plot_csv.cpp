// Reading `parley plot`'s CSV: every line and field checked by hand against
// what parley writes, within stated limits, and reshaped for its gnuplot
// script. Separate from running gnuplot so that it can be fuzzed
// (tests/fuzz/fuzz_plot_csv.cpp).

#include "plot_csv.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/core/errors.hpp"
#include "parley/io/utf8.hpp"

namespace parley::cli {

std::string gnuplot_string(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

namespace {

// What plot reads (docs/analyses.md, Plots). The largest CSV parley writes, a 2-D sweep
// at its grid limit, is well below the file limit for any sensible number of
// actors; ids and input names are far shorter than a field may be.
constexpr std::size_t kMaxLineBytes = std::size_t{16} * 1024;
constexpr std::size_t kMaxFieldBytes = 1024;
constexpr std::uint64_t kMaxCsvBytes = std::uint64_t{256} << 20;

// The first bytes of a field for a message, never a control character.
std::string shown(std::string_view text) {
  constexpr std::size_t kShown = 40;
  return text.size() <= kShown ? printable(text) : printable(text.substr(0, kShown)) + "…";
}

// Reads the lines of a CSV, refusing a line or a file longer than the limits
// before holding it in memory.
class CsvReader {
 public:
  CsvReader(std::FILE* file, std::string name) : name_(std::move(name)), file_(file) {}

  // False at the end of the file.
  bool next(std::string& line) {
    line.clear();
    bool any = false;
    for (int c = 0; (c = getc_unlocked(file_)) != EOF;) {
      any = true;
      if (++bytes_ > kMaxCsvBytes) {
        throw InputError(fmt::format("plot: {}: expected a CSV of at most {} MiB, found a larger file",
                                     printable(name_), kMaxCsvBytes >> 20));
      }
      if (c == '\n') break;
      if (line.size() == kMaxLineBytes) {
        throw InputError(fmt::format("plot: {}:{}: expected a line of at most {} bytes, found a longer one",
                                     printable(name_), number_ + 1, kMaxLineBytes));
      }
      line.push_back(static_cast<char>(c));
    }
    if (std::ferror(file_) != 0) {
      throw std::runtime_error(fmt::format("plot: cannot read '{}': {}", printable(name_), std::strerror(errno)));
    }
    if (any) ++number_;
    return any;
  }

  [[nodiscard]] std::size_t line_number() const { return number_; }
  [[nodiscard]] std::string where() const { return fmt::format("{}:{}", printable(name_), number_); }

 private:
  std::string name_;
  std::FILE* file_;
  std::uint64_t bytes_ = 0;
  std::size_t number_ = 0;
};

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (std::size_t at = line.find(','); at != std::string_view::npos; at = line.find(',', start)) {
    fields.push_back(line.substr(start, at - start));
    start = at + 1;
  }
  fields.push_back(line.substr(start));
  return fields;
}

// Every field of a parley CSV is a number, an id or input name of
// [a-z0-9_.], `group NAME`/`actor ID`, true/false or empty.
bool field_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '+' || c == '-' || c == ' ';
}

// The fields of a line, each checked; throws InputError naming the line and field.
std::vector<std::string_view> checked_fields(const CsvReader& reader, std::string_view line, std::size_t columns) {
  std::vector<std::string_view> fields = split(line);
  if (columns != 0 && fields.size() != columns) {
    throw InputError(fmt::format("plot: {}: is not as parley writes it: expected {} fields as in the header, found {}",
                                 reader.where(), columns, fields.size()));
  }
  std::size_t column = 1;
  for (std::size_t k = 0; k < fields.size(); ++k) {
    const std::string_view f = fields[k];
    if (f.size() > kMaxFieldBytes) {
      throw InputError(
          fmt::format("plot: {}:{}: is not as parley writes it: expected a field of at most {} bytes, "
                      "found {} bytes",
                      reader.where(), column, kMaxFieldBytes, f.size()));
    }
    for (std::size_t at = 0; at < f.size(); ++at) {
      if (!field_character(f[at])) {
        throw InputError(
            fmt::format("plot: {}:{}: is not as parley writes it: expected numbers and ids (letters, "
                        "digits, _ . + - and spaces) in field {}, found '{}'",
                        reader.where(), column + at, k + 1, shown(f)));
      }
    }
    column += f.size() + 1;
  }
  return fields;
}

// `# HYPOTHETICAL ... parley VERSION KIND; scenario "TITLE" (FILE); seed ...`:
// the kind and the title, or nothing when the line is not of that form.
std::optional<std::pair<std::string, std::string>> kind_and_title(std::string_view line) {
  constexpr std::string_view kLabel = "# HYPOTHETICAL";
  constexpr std::string_view kScenario = "; scenario \"";
  if (line.substr(0, kLabel.size()) != kLabel) return std::nullopt;
  const std::size_t scenario = line.find(kScenario);
  if (scenario == std::string_view::npos) return std::nullopt;
  const std::size_t kind_space = line.rfind(' ', scenario - 1);
  if (kind_space == std::string_view::npos || kind_space < kLabel.size()) return std::nullopt;
  const std::string_view kind = line.substr(kind_space + 1, scenario - kind_space - 1);
  const std::size_t version_space = line.rfind(' ', kind_space - 1);
  constexpr std::string_view kParley = " parley";
  if (kind.empty() || version_space == std::string_view::npos || version_space + 1 == kind_space ||
      version_space < kParley.size() || line.substr(version_space - kParley.size(), kParley.size()) != kParley) {
    return std::nullopt;
  }
  for (char c : kind) {
    if (c < 'a' || c > 'z') return std::nullopt;
  }
  const std::size_t title_start = scenario + kScenario.size();
  const std::size_t seed = line.rfind("; seed");
  const std::size_t title_end = seed == std::string_view::npos ? seed : line.rfind("\" (", seed);
  if (title_end == std::string_view::npos || title_end < title_start) return std::nullopt;
  // The CSV header doubles the title's quotes (csv_header); undo that.
  std::string title;
  const std::string_view quoted = line.substr(title_start, title_end - title_start);
  for (std::size_t at = 0; at < quoted.size(); ++at) {
    title += quoted[at];
    if (quoted[at] == '"' && at + 1 < quoted.size() && quoted[at + 1] == '"') ++at;
  }
  return std::make_pair(std::string(kind), title);
}

double number(const CsvReader& reader, std::string_view field) {
  double value = 0.0;
  const auto result = std::from_chars(field.data(), field.data() + field.size(), value);
  if (field.empty() || result.ec != std::errc() || result.ptr != field.data() + field.size()) {
    throw InputError(fmt::format("plot: {}: is not as parley writes it: expected a number, found '{}'", reader.where(),
                                 shown(field)));
  }
  return value;
}

using Prepared = PlotData;

// Each kind's rows, reshaped for its script (the layouts are in the scripts).
class Preparer {
 public:
  virtual ~Preparer() = default;
  virtual void row(const CsvReader& reader, const std::vector<std::string_view>& f) = 0;
  virtual Prepared finish(const CsvReader& reader) = 0;
};

// A name as a label: no commas or double quotes (gnuplot reads it as a data
// field or a word of a list), at most `width` code points, cut with an ellipsis.
std::string label(const std::string& name, std::size_t width) {
  std::string out;
  std::size_t points = 0;
  for (const char c : name) {
    const bool starts = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts && ++points > width) return out + "\xe2\x80\xa6";
    out += c == ',' ? ';' : c == '"' ? '\'' : c;
  }
  return out;
}

// At most `width` code points of `text`, cut with an ellipsis.
std::string cut(const std::string& text, std::size_t width) {
  std::string out;
  std::size_t points = 0;
  for (const char c : text) {
    const bool starts = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts && ++points > width) return out + "\xe2\x80\xa6";
    out += c;
  }
  return out;
}

// The longest axis labels that fit the plots: across the bottom and up the
// side of a 1000 x 650 image at the scripts' font size.
constexpr std::size_t kLongAxis = 100;
constexpr std::size_t kShortAxis = 60;

// tornado and sobol: the rows as they are, the input's name for people (the
// last column, when the CSV has it) in place of its path; the scripts draw the
// first 15.
class AllRows : public Preparer {
 public:
  AllRows(std::string script, std::size_t label) : script_(std::move(script)), label_(label) {}
  void row(const CsvReader&, const std::vector<std::string_view>& f) override {
    for (std::size_t k = 0; k < f.size(); ++k) {
      data_ += k == 0 && !name_.empty() ? name_ : std::string(f[k]);
      data_ += k + 1 < f.size() ? ',' : '\n';
    }
  }
  // The name of the next row (a gnuplot data field), cut to fit the plot's margin.
  void name(const std::string& name) { name_ = label(name, label_); }
  Prepared finish(const CsvReader&) override { return {script_, std::move(data_), {}}; }

 private:
  std::string script_;
  std::size_t label_;
  std::string data_;
  std::string name_;
};

// The last field of a line whose first `before` fields hold no comma: the
// name column of tornado and sobol, unquoted (RFC 4180). Cuts it off `line`.
std::string cut_name(const CsvReader& reader, std::string_view& line, std::size_t before) {
  std::size_t at = 0;
  for (std::size_t k = 0; k < before; ++k) {
    at = line.find(',', at);
    if (at == std::string_view::npos) {
      throw InputError(fmt::format("plot: {}: is not as parley writes it: expected {} fields before the name",
                                   reader.where(), before));
    }
    ++at;
  }
  std::string_view field = line.substr(at);
  line = line.substr(0, at - 1);
  std::string name;
  if (field.size() >= 2 && field.front() == '"' && field.back() == '"') {
    field = field.substr(1, field.size() - 2);
    for (std::size_t k = 0; k < field.size(); ++k) {
      name += field[k];
      if (field[k] == '"' && k + 1 < field.size() && field[k + 1] == '"') ++k;
    }
  } else {
    name = std::string(field);
  }
  if (name.size() > kMaxFieldBytes || !text_problem(name).empty()) {
    throw InputError(fmt::format("plot: {}: is not as parley writes it: expected a name of printable UTF-8, found '{}'",
                                 reader.where(), shown(name)));
  }
  return name;
}

// A 1-D sweep: block 0 holds P(deal), block k the acceptance of the k-th
// actor; each line x,mean,ci95_low,ci95_high.
class SweepCurves : public Preparer {
 public:
  // `issue`: how the x axis is named (the issue's label, or its id).
  explicit SweepCurves(std::string issue) : issue_(std::move(issue)) {}
  void row(const CsvReader& reader, const std::vector<std::string_view>& f) override {
    const std::string line = fmt::format("{},{},{},{}\n", f[0], f[3], f[5], f[6]);
    if (f[1] == "deal") {
      deal_ += line;
    } else if (f[1] == "accept") {
      if (f[2].empty() || f[2].find(' ') != std::string_view::npos) {
        throw InputError(fmt::format("plot: {}: is not as parley writes it: expected an actor id, found '{}'",
                                     reader.where(), shown(f[2])));
      }
      auto [it, added] = index_.try_emplace(std::string(f[2]), actors_.size());
      if (added) {
        actors_.emplace_back(f[2], std::string());
        names_.push_back(name_.empty() ? std::string(f[2]) : name_);
      }
      actors_[it->second].second += line;
    }
  }
  Prepared finish(const CsvReader& reader) override {
    if (deal_.empty()) {
      throw InputError(fmt::format("plot: {}: expected rows of P(deal) (measure 'deal'), found none", reader.where()));
    }
    Prepared p{"sweep_curves.gp", deal_, {{"issue", gnuplot_string(issue_)}}};
    // The legend: one title per actor, in a gnuplot word list ("..." quotes each).
    std::string names;
    for (std::size_t k = 0; k < actors_.size(); ++k) {
      p.data += "\n\n" + actors_[k].second;
      names += (names.empty() ? "" : " ") + ("\"" + label(names_[k], 28) + "\"");
    }
    p.variables.emplace_back("actors", gnuplot_string(names));
    return p;
  }
  // The actor's name on the next row (the CSV's name column), if it has one.
  void name(std::string name) { name_ = std::move(name); }

 private:
  std::string issue_;
  std::string deal_;
  std::string name_;
  std::vector<std::string> names_;
  std::vector<std::pair<std::string, std::string>> actors_;
  std::map<std::string, std::size_t> index_;
};

// A 2-D sweep: x,y,P(deal), a blank line whenever x changes (grid scans).
class SweepHeatmap : public Preparer {
 public:
  SweepHeatmap(std::string x, std::string y) : x_(std::move(x)), y_(std::move(y)) {}
  void row(const CsvReader&, const std::vector<std::string_view>& f) override {
    if (f[2] != "deal") return;
    if (!data_.empty() && f[0] != last_x_) data_ += '\n';
    last_x_ = f[0];
    data_ += fmt::format("{},{},{}\n", f[0], f[1], f[4]);
  }
  Prepared finish(const CsvReader& reader) override {
    if (data_.empty()) {
      throw InputError(fmt::format("plot: {}: expected rows of P(deal) (measure 'deal'), found none", reader.where()));
    }
    return {"sweep_heatmap.gp", std::move(data_), {{"xissue", gnuplot_string(x_)}, {"yissue", gnuplot_string(y_)}}};
  }

 private:
  std::string x_, y_, last_x_;
  std::string data_;
};

// What a sweep CSV says about itself between its first line and its header
// (since issue 11): `# proposal ID: LABEL` and one `# axis ID: LABEL` per
// axis, LABEL in printable UTF-8.
struct SweepDescription {
  std::string proposal;
  std::map<std::string, std::string> axes;

  // Reads one such line; throws InputError naming what it expected.
  void read(const CsvReader& reader, std::string_view line) {
    constexpr std::string_view kProposal = "# proposal ";
    constexpr std::string_view kAxis = "# axis ";
    const bool is_proposal = line.substr(0, kProposal.size()) == kProposal;
    const bool is_axis = !is_proposal && line.substr(0, kAxis.size()) == kAxis;
    const std::size_t colon = line.find(": ");
    const std::size_t start = is_proposal ? kProposal.size() : kAxis.size();
    if ((!is_proposal && !is_axis) || colon == std::string_view::npos || colon <= start) {
      throw InputError(fmt::format(
          "plot: {}: is not as parley writes it: expected '# proposal ID: LABEL', '# axis ID: LABEL' or the "
          "header, found '{}'",
          reader.where(), shown(line)));
    }
    const std::string_view id = line.substr(start, colon - start);
    const std::string text(line.substr(colon + 2));
    for (const char c : id) {
      if (!field_character(c) || c == ' ') {
        throw InputError(
            fmt::format("plot: {}: is not as parley writes it: expected an id, found '{}'", reader.where(), shown(id)));
      }
    }
    if (text.size() > kMaxFieldBytes || !text_problem(text).empty()) {
      throw InputError(
          fmt::format("plot: {}: is not as parley writes it: expected a label of printable UTF-8, found '{}'",
                      reader.where(), shown(text)));
    }
    if (is_proposal) {
      proposal = text;
    } else {
      axes[std::string(id)] = text;
    }
  }
  // The axis's label cut to `width` code points (" (assumed)" is kept at the
  // end of a cut label), or its id when the CSV does not describe it.
  [[nodiscard]] std::string axis(const std::string& id, std::size_t width) const {
    const auto it = axes.find(id);
    if (it == axes.end()) return id;
    constexpr std::string_view kAssumed = " (assumed)";
    const std::string& text = it->second;
    const bool assumed = text.size() > kAssumed.size() && text.substr(text.size() - kAssumed.size()) == kAssumed;
    const std::string body = assumed ? text.substr(0, text.size() - kAssumed.size()) : text;
    return cut(body, assumed ? width - kAssumed.size() : width) + (assumed ? std::string(kAssumed) : "");
  }
};

// bargain, P(agreement by round t): round,p,ci95_low,ci95_high.
class BargainAgreement : public Preparer {
 public:
  void row(const CsvReader&, const std::vector<std::string_view>& f) override {
    if (f[0] != "agreement_by_round") return;
    data_ += fmt::format("{},{},{},{}\n", f[1], f[4], f[6], f[7]);
    ++rounds_;
  }
  Prepared finish(const CsvReader& reader) override {
    if (rounds_ == 0) {
      throw InputError(fmt::format("plot: {}: expected rows of agreement_by_round, found none", reader.where()));
    }
    return {"bargain_agreement.gp", std::move(data_), {{"rounds", std::to_string(rounds_)}}};
  }

 private:
  std::string data_;
  std::size_t rounds_ = 0;
};

// bargain, the final terms: one line per issue that has them,
// id,lo,hi,start,mean,q05,q50,q95, the terms on the issue's 0..1 scale.
class BargainTerms : public Preparer {
 public:
  void row(const CsvReader& reader, const std::vector<std::string_view>& f) override {
    if (f[2].empty()) return;
    auto [it, added] = index_.try_emplace(std::string(f[2]), issues_.size());
    if (added) issues_.push_back({std::string(f[2]), {}});
    issues_[it->second].second[std::string(f[0])] = number(reader, f[4]);
  }
  Prepared finish(const CsvReader&) override {
    Prepared p{"bargain_terms.gp", {}, {}};
    std::size_t agreed = 0;
    for (const auto& entry : issues_) {
      // Not a structured binding: clang 14 cannot capture one in a lambda.
      const std::string& issue = entry.first;
      const std::map<std::string, double>& values = entry.second;
      if (values.count("term_q05") == 0) continue;
      const auto value = [&values](const char* key) {
        const auto it = values.find(key);
        return it == values.end() ? std::nan("") : it->second;
      };
      const double lo = value("issue_lo");
      const double hi = value("issue_hi");
      const auto scaled = [&](const char* key) { return fmt::format("{:.6g}", (value(key) - lo) / (hi - lo)); };
      p.data += fmt::format("{},{:g},{:g},{},{},{},{},{}\n", issue, lo, hi, scaled("term_start"), scaled("term_mean"),
                            scaled("term_q05"), scaled("term_q50"), scaled("term_q95"));
      ++agreed;
    }
    // gnuplot refuses an empty file: the script draws its message instead.
    if (agreed == 0) p.data = "none,0,1,0,0,0,0,0\n";
    p.variables.emplace_back("agreed", std::to_string(agreed));
    return p;
  }

 private:
  std::vector<std::pair<std::string, std::map<std::string, double>>> issues_;
  std::map<std::string, std::size_t> index_;
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

PlotData read_plot_csv(std::FILE* file, const std::string& csv, const std::string& chart) {
  CsvReader reader(file, csv);
  std::string first;
  std::string header;
  reader.next(first);
  const auto kind_title = kind_and_title(first);
  if (!kind_title) {
    throw InputError(
        fmt::format("plot: {}: is not a CSV written by parley: expected a first line '# HYPOTHETICAL "
                    "... parley VERSION KIND; scenario \"TITLE\" (FILE); seed ...', found '{}'",
                    reader.where(), shown(first)));
  }
  const auto& [kind, title] = *kind_title;
  if (const std::string problem = text_problem(title); !problem.empty()) {
    throw InputError(fmt::format("plot: {}: expected a scenario title of printable UTF-8, found one that {}",
                                 reader.where(), problem));
  }
  reader.next(header);
  SweepDescription described;
  while (kind == "sweep" && header.substr(0, 2) == "# ") {
    described.read(reader, header);
    if (!reader.next(header)) header.clear();  // no header: refused below
  }
  const std::vector<std::string_view> names = checked_fields(reader, header, 0);
  const std::size_t columns = names.size();
  std::unique_ptr<Preparer> preparer;
  AllRows* named = nullptr;            // tornado and sobol with their name column
  SweepCurves* sweep_names = nullptr;  // a 1-D sweep with its name column
  std::size_t before_name = 0;         // the columns before the name column, if any
  bool header_ok = false;
  if (kind == "sweep") {
    // 1-D: ISSUE,measure,...; 2-D: ISSUE,ISSUE2,measure,...
    // 1-D: ISSUE,measure,...; 2-D: ISSUE,ISSUE2,measure,...; then `name` (since issue 11)
    const bool with_name = ends_with(header, ",ci95_high,name");
    const std::size_t base = with_name ? columns - 1 : columns;
    header_ok = ends_with(header, with_name ? ",measure,actor,mean,se,ci95_low,ci95_high,name"
                                            : ",measure,actor,mean,se,ci95_low,ci95_high") &&
                (base == 7 || base == 8) && !names[0].empty() && !names[base - 7].empty();
    if (header_ok && base == 7) {
      auto curves = std::make_unique<SweepCurves>(described.axis(std::string(names[0]), kLongAxis));
      if (with_name) sweep_names = curves.get();
      preparer = std::move(curves);
    }
    if (header_ok && base == 8) {
      preparer = std::make_unique<SweepHeatmap>(described.axis(std::string(names[0]), kLongAxis),
                                                described.axis(std::string(names[1]), kShortAxis));
    }
    if (with_name) before_name = base;
  } else if (kind == "tornado") {
    constexpr std::string_view kColumns = "input,low,high,swing,low_se,high_se,low_value,high_value";
    header_ok = header == kColumns || header == std::string(kColumns) + ",name";
    auto rows = std::make_unique<AllRows>("tornado.gp", 48);
    if (header != kColumns) named = rows.get(), before_name = 8;
    preparer = std::move(rows);
  } else if (kind == "sobol") {
    constexpr std::string_view kColumns = "input,S1,S1_low,S1_high,ST,ST_low,ST_high";
    header_ok = header == kColumns || header == std::string(kColumns) + ",name";
    auto rows = std::make_unique<AllRows>("sobol.gp", 30);
    if (header != kColumns) named = rows.get(), before_name = 7;
    preparer = std::move(rows);
  } else if (kind == "bargain") {
    header_ok = header == "measure,round,issue,actor,value,se,ci95_low,ci95_high";
    if (chart == "terms") {
      preparer = std::make_unique<BargainTerms>();
    } else {
      preparer = std::make_unique<BargainAgreement>();
    }
  } else {
    throw InputError("plot: no plot for the CSV of '" + kind +
                     "': expected the CSV of sweep, tornado, sobol or bargain");
  }
  if (!chart.empty() && kind != "bargain") {
    throw InputError("plot: --chart " + chart + ": only the CSV of bargain has charts to choose from, got the CSV of " +
                     kind);
  }
  if (!header_ok) {
    throw InputError(fmt::format("plot: {}: does not have the columns of a {} CSV (see docs/analyses.md): got '{}'",
                                 reader.where(), kind, shown(header)));
  }
  std::size_t rows = 0;
  for (std::string line; reader.next(line);) {
    std::string_view fields = line;
    if (before_name != 0) {
      std::string name = cut_name(reader, fields, before_name);
      if (named != nullptr) named->name(name);
      if (sweep_names != nullptr) sweep_names->name(std::move(name));
    }
    preparer->row(reader, checked_fields(reader, fields, before_name != 0 ? before_name : columns));
    ++rows;
  }
  if (rows == 0) throw InputError("plot: '" + printable(csv) + "' has no data rows: expected the output of " + kind);
  PlotData data = preparer->finish(reader);
  if (!described.proposal.empty()) {
    data.variables.emplace_back("subtitle", gnuplot_string("Varying the terms of the proposal: " + described.proposal));
  }
  data.kind = kind;
  data.title = title;
  return data;
}

PlotData read_plot_csv(const std::string& csv, const std::string& chart) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(csv.c_str(), "rb"), &std::fclose);
  if (!file) {
    throw InputError(fmt::format("plot: cannot read '{}': {}; expected a CSV file written by parley", printable(csv),
                                 std::strerror(errno)));
  }
  // fopen opens a directory; reading it then fails with EISDIR, which is
  // the user's mistake (exit status 2), not a failure while running.
  struct stat info {};
  if (::fstat(::fileno(file.get()), &info) == 0 && S_ISDIR(info.st_mode)) {
    throw InputError(fmt::format("plot: cannot read '{}': {}; expected a CSV file written by parley", printable(csv),
                                 std::strerror(EISDIR)));
  }
  return read_plot_csv(file.get(), csv, chart);
}

}  // namespace parley::cli
