// Scenario loading: YAML (yaml-cpp) -> plain data, with strict validation that
// collects every problem before failing (pbrt's FileLoc / ReportUnused idea).

#include "parley/io/scenario_loader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "parley/io/diagnostics.hpp"
#include "parley/core/influence.hpp"
#include "parley/io/input_limits.hpp"
#include "parley/io/utf8.hpp"
#include "yaml_document.hpp"

namespace parley {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Upper bounds that keep every sum in the model finite (a lognormal can
// otherwise draw inf): capability, rationality and salience are relative
// weights, for which a million to one is already extreme; rho is a power.
constexpr double kRelativeMax = 1e6;
constexpr double kRhoMax = 100.0;

// The length of the well-formed UTF-8 sequence at text[i], or 0.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  return decode_utf8(text, i).second;
}

// The offset of the first byte that is not well-formed UTF-8, if any.
std::optional<std::size_t> invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

// User text as it appears in a message: control characters escaped (the
// loader reports them; they must not reach the terminal raw) and long text cut.
std::string shown(std::string_view text, std::size_t max_length = 60) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size() && out.size() < max_length) {
    const std::size_t length = utf8_sequence_length(text, i);
    const auto c = static_cast<unsigned char>(text[i]);
    if (length == 0 || (length == 1 && is_control(c))) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
    } else {
      out += text.substr(i, length);
      i += length;
    }
  }
  if (i < text.size()) out += "...";
  return out;
}

// " (did you mean 'x'?)" when a candidate is close enough to be a typo
// (closest_match). Words longer than any id are no typo of one.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > limits::kIdLength) return "";
  const std::string best = closest_match(word, candidates);
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

// A list for "expected one of ...": the first 20 items, then how many in all.
std::string join(const std::vector<std::string>& items) {
  constexpr std::size_t kShown = 20;
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < kShown; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > kShown) out += fmt::format(", ... ({} in all)", items.size());
  return out;
}

std::string number_text(double x) {
  if (x == kInf) return "inf";
  if (x == -kInf) return "-inf";
  return fmt::format("{}", x);
}

std::string interval_text(Interval i, bool open_lo = false, bool open_hi = false) {
  return (open_lo ? "(" : "[") + number_text(i.lo) + ", " + number_text(i.hi) + (open_hi ? ")" : "]");
}

// What a node holds, for "got ..." in messages.
std::string describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return fmt::format("a list of {} item{}", node.size(), node.size() == 1 ? "" : "s");
  const std::string text = shown(node.Scalar(), 40);
  return node.Tag() == "!" ? "the string \"" + text + "\"" : "'" + text + "'";
}

// The domain of a parameter: an interval, each end open or closed.
struct Domain {
  Interval range;
  bool open_lo = false;
  bool open_hi = false;
  [[nodiscard]] bool contains(double x) const {
    return (open_lo ? x > range.lo : x >= range.lo) && (open_hi ? x < range.hi : x <= range.hi);
  }
  [[nodiscard]] std::string text() const { return interval_text(range, open_lo, open_hi); }
};

// Ids in file order with a hashed look-up: relations between thousands of
// actors resolve in linear time.
class IdIndex {
 public:
  IdIndex() = default;
  explicit IdIndex(std::vector<std::string> names) : names_(std::move(names)) {
    for (std::size_t i = 0; i < names_.size(); ++i) index_.emplace(names_[i], i);
  }
  [[nodiscard]] std::optional<std::size_t> find(const std::string& id) const {
    const auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }
  [[nodiscard]] const std::vector<std::string>& names() const { return names_; }
  [[nodiscard]] const std::string& operator[](std::size_t i) const { return names_[i]; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::size_t> index_;
};

class Loader {
 public:
  Loader(std::string file, std::span<const Override> overrides) : file_(std::move(file)) {
    for (const auto& o : overrides) overrides_.push_back(o);
  }

  Scenario load(std::string_view text) {
    if (!check_encoding(text)) fail();
    io::YamlDocument document = io::read_yaml_document(text);
    if (document.problem) {
      report_at(document.problem->mark, document.problem->message);
      fail();
    }
    empty_value_keys_ = std::move(document.empty_value_keys);
    const YAML::Node root = document.root;
    if (!root.IsDefined() || root.IsNull()) {
      errors_.push_back({{file_, 1, 1}, "the file is empty: expected a scenario, a map starting with 'parley: 1'"});
      fail();
    }
    if (!root.IsMap()) {
      report(root, "", "expected a scenario, a map starting with 'parley: 1', got " + describe(root));
      fail();
    }
    apply_overrides(root);
    Scenario s = read(root);
    if (!errors_.empty()) fail();
    return s;
  }

 private:
  // did_you_mean() within a budget: a file of thousands of dangling
  // references to thousands of ids would otherwise spend minutes on
  // suggestions, most of them never listed.
  std::string suggest(std::string_view word, const std::vector<std::string>& candidates) {
    if (errors_.size() >= limits::kReportedErrors) return "";
    std::size_t cost = 0;
    for (const auto& c : candidates) cost += (word.size() + 1) * (c.size() + 1);
    if (cost > suggestion_budget_) return "";
    suggestion_budget_ -= cost;
    return did_you_mean(word, candidates);
  }

  // Throws every error found, the first limits::kReportedErrors of them listed.
  [[noreturn]] void fail() {
    const std::size_t total = errors_.size();
    if (total > limits::kReportedErrors) {
      const std::size_t more = total - limits::kReportedErrors;
      errors_.resize(limits::kReportedErrors);
      errors_.push_back({{file_, 0, 0}, fmt::format("{} more error{} not listed", more, more == 1 ? "" : "s")});
    }
    throw ScenarioError(errors_, total);
  }

  // ---- locations and reporting ------------------------------------------

  // Where a node came from: the file, or the `--set` option that put it there.
  // Overridden values are found by node identity, so a path written with an
  // index (actors.0.rho) and one written with an id (actors.a.rho) both work.
  SourceLocation location(const YAML::Node& node, const std::string& path) const {
    if (node.IsDefined()) {
      for (const auto& o : applied_) {
        if (node.is(o.value) || (o.key.IsDefined() && node.is(o.key))) return {"--set " + o.text, 0, 0};
      }
      const YAML::Mark mark = node.Mark();
      if (node.IsNull()) {
        if (const auto key = empty_value_keys_.find(mark.pos); key != empty_value_keys_.end()) {
          return {file_, key->second.line + 1, key->second.column + 1};
        }
      }
      if (mark.line >= 0) return {file_, mark.line + 1, mark.column + 1};
    } else {
      for (const auto& o : applied_) {
        if (path == o.path) return {"--set " + o.text, 0, 0};
      }
    }
    return {file_, 0, 0};
  }

  void report(const YAML::Node& node, const std::string& path, std::string message) {
    SourceLocation where = location(node, path);
    // A problem with a map or list that holds an overridden value: point at the
    // file, and say that the override took part.
    if (where.file == file_ && node.IsDefined()) {
      for (const auto& o : applied_) {
        if (std::any_of(o.ancestors.begin(), o.ancestors.end(), [&](const YAML::Node& a) { return node.is(a); })) {
          message += " (after --set " + o.text + ")";
          break;
        }
      }
    }
    errors_.push_back({std::move(where), std::move(message)});
  }

  void report_at(const YAML::Mark& mark, std::string message) {
    if (mark.line < 0) {
      errors_.push_back({{file_, 0, 0}, std::move(message)});
    } else {
      errors_.push_back({{file_, mark.line + 1, mark.column + 1}, std::move(message)});
    }
  }

  // ---- encoding ------------------------------------------------------------

  bool check_encoding(std::string_view text) {
    int line = 1;
    int column = 1;
    std::size_t i = 0;
    while (i < text.size()) {
      const auto c = static_cast<unsigned char>(text[i]);
      const std::size_t length = utf8_sequence_length(text, i);
      const bool valid = length > 0;
      if (!valid) {
        errors_.push_back({{file_, line, column},
                           fmt::format("the file is not valid UTF-8: expected UTF-8 text, got the byte 0x{:02x}", c)});
        return false;
      }
      // YAML allows no control characters but tab and line breaks (YAML 1.2,
      // c-printable); yaml-cpp would pass a NUL byte on into titles.
      const char32_t code = decode_utf8(text, i).first;
      if (is_control(code) && code != '\t' && code != '\n' && code != '\r') {
        errors_.push_back({{file_, line, column},
                           fmt::format("the file contains the control character U+{:04X}: expected text",
                                       static_cast<std::uint32_t>(code))});
        return false;
      }
      if (c == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
      i += length;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      errors_.push_back({{file_, 1, 1}, "the file is empty: expected a scenario, a map starting with 'parley: 1'"});
      return false;
    }
    return true;
  }

  // ---- --set overrides -------------------------------------------------------

  void apply_overrides(YAML::Node root) {
    for (const auto& o : overrides_) {
      const std::string text = shown(o.path + "=" + o.value, 200);
      const SourceLocation where{"--set " + text, 0, 0};
      if (const auto bad = invalid_utf8(o.path + "=" + o.value)) {
        errors_.push_back({where, fmt::format("expected UTF-8 text, got the byte 0x{:02x}",
                                              static_cast<unsigned char>((o.path + "=" + o.value)[*bad]))});
        continue;
      }
      std::vector<std::string> parts;
      std::stringstream split(o.path);
      for (std::string part; std::getline(split, part, '.');) parts.push_back(part);
      if (parts.empty() || o.path.back() == '.' ||
          std::any_of(parts.begin(), parts.end(), [](const auto& p) { return p.empty(); })) {
        errors_.push_back({where, "'" + o.path + "': expected a path of keys separated by dots, got an empty key"});
        continue;
      }
      const io::YamlDocument parsed = io::read_yaml_document(o.value);
      if (parsed.problem) {
        std::string_view reason = parsed.problem->message;
        if (reason.starts_with("YAML syntax error: ")) reason.remove_prefix(19);
        errors_.push_back({where, "'" + shown(o.path) + "': the value is not valid YAML: " + std::string(reason)});
        continue;
      }
      const YAML::Node value = parsed.root;
      if (!value.IsScalar()) {
        errors_.push_back({where, "'" + o.path + "': expected a scalar value, got " + describe(value)});
        continue;
      }
      // Walk to the parent of the last key; sequences are entered by id or index.
      Applied applied{o.path, text, value, YAML::Node(YAML::NodeType::Undefined), {}};
      YAML::Node node = root;
      std::string walked;
      bool ok = true;
      for (std::size_t k = 0; k + 1 < parts.size() && ok; ++k) {
        YAML::Node next = child(node, parts[k]);
        const std::string parent = walked.empty() ? "the scenario" : "'" + walked + "'";
        walked += (k ? "." : "") + parts[k];
        if (!next.IsDefined()) {
          errors_.push_back({where, "'" + o.path + "': " + parent + " has no " + missing_child(node, parts[k])});
          ok = false;
        } else if (!(next.IsMap() || next.IsSequence())) {
          errors_.push_back(
              {where, "'" + o.path + "': expected '" + walked + "' to be a map or list, got " + describe(next)});
          ok = false;
        } else {
          applied.ancestors.push_back(next);
        }
        node.reset(next);
      }
      if (!ok) continue;
      const std::string& last = parts.back();
      if (node.IsSequence()) {
        YAML::Node target = child(node, last);
        if (!target.IsDefined()) {
          errors_.push_back({where, "'" + o.path + "': '" + walked + "' has no " + missing_child(node, last)});
          continue;
        }
        std::size_t index = 0;
        for (auto it = node.begin(); it != node.end(); ++it, ++index) {
          if (it->is(target)) break;
        }
        node[index] = value;
      } else {
        node[last] = value;
        // Remember the key too: a new key that the scenario does not know is
        // reported at the key.
        for (auto it = node.begin(); it != node.end(); ++it) {
          if (it->first.IsScalar() && it->first.Scalar() == last) applied.key = it->first;
        }
      }
      applied_.push_back(std::move(applied));
    }
  }

  // "key 'x' (did you mean 'y'?)" or "element 'x': expected an id (a, b) or an index 0..1".
  std::string missing_child(const YAML::Node& node, const std::string& key) {
    if (node.IsSequence()) {
      std::vector<std::string> ids;
      for (auto item : node) {
        if (item.IsMap() && item["id"].IsDefined() && item["id"].IsScalar()) ids.push_back(item["id"].Scalar());
      }
      if (node.size() == 0) return "element '" + shown(key) + "': expected an id or an index, got an empty list";
      const std::string expected = ids.empty()
                                       ? fmt::format("an index 0..{}", node.size() - 1)
                                       : fmt::format("an id ({}) or an index 0..{}", join(ids), node.size() - 1);
      return "element '" + shown(key) + "'" + suggest(key, ids) + ": expected " + expected;
    }
    std::vector<std::string> keys;
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (it->first.IsScalar()) keys.push_back(it->first.Scalar());
    }
    return "key '" + shown(key) + "'" + suggest(key, keys) + ": expected one of " + join(keys);
  }

  // A child of a map by key, or of a list by index or by the `id` of its items.
  static YAML::Node child(const YAML::Node& node, const std::string& key) {
    if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == key) return it->second;
      }
      return YAML::Node(YAML::NodeType::Undefined);
    }
    if (node.IsSequence()) {
      for (auto item : node) {
        if (item.IsMap() && item["id"].IsDefined() && item["id"].IsScalar() && item["id"].Scalar() == key) return item;
      }
      // An index too large for any list (99999999999999999999) is simply not there.
      std::size_t index = 0;
      const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), index);
      if (!key.empty() && error == std::errc() && end == key.data() + key.size() && index < node.size()) {
        return node[index];
      }
    }
    return YAML::Node(YAML::NodeType::Undefined);
  }

  // ---- typed reading -------------------------------------------------------

  // "actor 'b'" when the item has a plain id, else "actor 1".
  static std::string item_name(const std::string& what, std::size_t k, const YAML::Node& item) {
    if (item.IsMap()) {
      const YAML::Node id = item["id"];
      if (id.IsDefined() && id.IsScalar() && !id.Scalar().empty()) return what + " '" + id.Scalar() + "'";
    }
    return what + " " + std::to_string(k);
  }

  // Checks the keys of a map: unknown keys (with a suggestion), duplicates and
  // missing required keys. Returns false when the node is not a map.
  bool check_map(const YAML::Node& node, const std::string& path, const std::string& what,
                 const std::vector<std::string>& allowed, const std::vector<std::string>& required) {
    if (!node.IsMap()) {
      report(node, path, "'" + path + "': expected " + what + " (a map), got " + describe(node));
      return false;
    }
    std::map<std::string, int> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!it->first.IsScalar()) {
        report(it->first, path, "'" + path + "': expected keys to be plain names, got " + describe(it->first));
        continue;
      }
      const std::string key = it->first.Scalar();
      const std::string key_path = path.empty() ? key : path + "." + key;
      if (auto [pos, inserted] = seen.emplace(key, it->first.Mark().line + 1); !inserted) {
        report(it->first, key_path,
               fmt::format("duplicate key '{}' in {} (first given on line {})", shown(key), what, pos->second));
      }
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        report(it->first, key_path,
               "unknown key '" + shown(key) + "' in " + what + suggest(key, allowed) + ": expected one of " +
                   join(allowed));
      }
    }
    for (const auto& key : required) {
      if (!seen.contains(key)) report(node, path, "missing required key '" + key + "' in " + what);
    }
    return true;
  }

  std::optional<double> number(const YAML::Node& node, const std::string& path, const std::string& expected) {
    if (node.IsScalar() && node.Tag() != "!") {
      try {
        const double x = node.as<double>();
        if (std::isfinite(x)) return x;
      } catch (const YAML::Exception&) {
      }
    }
    report(node, path, "'" + path + "': expected " + expected + ", got " + describe(node));
    return std::nullopt;
  }

  std::optional<double> number_in(const YAML::Node& node, const std::string& path, const Domain& domain,
                                  const std::string& what = "a number") {
    auto x = number(node, path, what + " in " + domain.text());
    if (x && !domain.contains(*x)) {
      report(node, path, "'" + path + "': expected " + what + " in " + domain.text() + ", got " + number_text(*x));
      return std::nullopt;
    }
    return x;
  }

  std::optional<std::uint64_t> integer(const YAML::Node& node, const std::string& path, std::uint64_t minimum) {
    const std::string expected = fmt::format("a whole number >= {}", minimum);
    if (node.IsScalar() && node.Tag() != "!" && !node.Scalar().empty() && node.Scalar()[0] != '-') {
      try {
        const auto x = node.as<std::uint64_t>();
        if (x >= minimum) return x;
      } catch (const YAML::Exception&) {
      }
    }
    report(node, path, "'" + path + "': expected " + expected + ", got " + describe(node));
    return std::nullopt;
  }

  std::optional<bool> boolean(const YAML::Node& node, const std::string& path) {
    if (node.IsScalar() && node.Tag() != "!") {
      const std::string& s = node.Scalar();
      if (s == "true") return true;
      if (s == "false") return false;
    }
    report(node, path, "'" + path + "': expected true or false, got " + describe(node));
    return std::nullopt;
  }

  // Text of at most `max_length` characters without control characters (a
  // line break or tab only where `multi_line`, as in descriptions and quotes).
  std::string text(const YAML::Node& node, const std::string& path, std::size_t max_length = limits::kShortText,
                   bool multi_line = false) {
    if (!node.IsScalar()) {
      report(node, path, "'" + path + "': expected text, got " + describe(node));
      return {};
    }
    const std::string& value = node.Scalar();
    std::size_t characters = 0;
    for (std::size_t at = 0; at < value.size();) {
      const auto [code, length] = decode_utf8(value, at);
      ++characters;
      if (length == 0) {  // the file and --set values were checked to be UTF-8
        ++at;
        continue;
      }
      if (is_control(code) && !(multi_line && (code == '\n' || code == '\t'))) {
        report(node, path,
               fmt::format("'{}': expected text without control characters{}, got U+{:04X} at character {}", path,
                           multi_line ? " but line breaks and tabs" : " (on one line)",
                           static_cast<std::uint32_t>(code), characters));
        return {};
      }
      at += length;
    }
    if (characters > max_length) {
      report(
          node, path,
          fmt::format("'{}': expected text of at most {} characters, got {} characters", path, max_length, characters));
      return {};
    }
    return value;
  }

  std::string long_text(const YAML::Node& node, const std::string& path) {
    return text(node, path, limits::kLongText, true);
  }

  static bool is_id_character(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

  std::string identifier(const YAML::Node& node, const std::string& path) {
    if (node.IsScalar()) {
      const std::string& id = node.Scalar();
      if (!id.empty() && id.size() <= limits::kIdLength && std::all_of(id.begin(), id.end(), is_id_character)) {
        return id;
      }
      if (id.size() > limits::kIdLength) {
        report(node, path,
               fmt::format("'{}': expected an id of at most {} characters, got {} characters", path, limits::kIdLength,
                           id.size()));
        return {};
      }
    }
    report(node, path, "'" + path + "': expected an id of lower-case letters, digits and '_', got " + describe(node));
    // Keep a malformed id (the error is reported): references to it then
    // resolve instead of repeating the mistake as unknown ids. Not one with
    // control characters, which would go into every later message.
    if (!node.IsScalar()) return {};
    const std::string& id = node.Scalar();
    return text_problem(id).empty() ? id : std::string();
  }

  // YYYY-MM-DD with a month 1..12 and a day 1..31.
  std::string date(const YAML::Node& node, const std::string& path) {
    if (node.IsScalar()) {
      const std::string& s = node.Scalar();
      auto digits = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
          if (s[i] < '0' || s[i] > '9') return -1;
          value = value * 10 + (s[i] - '0');
        }
        return value;
      };
      if (s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(0, 4) >= 0) {
        const int month = digits(5, 2);
        const int day = digits(8, 2);
        if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return s;
      }
    }
    report(node, path, "'" + path + "': expected a date YYYY-MM-DD, got " + describe(node));
    return {};
  }

  // A parameter: a number, or a distribution map {dist: ..., ...}.
  Parameter parameter(const YAML::Node& node, const std::string& path, const Domain& domain, double fallback,
                      bool& ok) {
    Parameter p;
    p.path = path;
    p.allowed = domain.range;
    p.where = location(node, path);
    p.dist = Distribution::fixed(fallback);
    if (!node.IsDefined()) return p;
    if (!node.IsMap()) {
      if (auto x = number_in(node, path, domain, "a number or a distribution")) {
        p.dist = Distribution::fixed(*x);
      } else {
        ok = false;
      }
      return p;
    }
    static const std::map<std::string, std::vector<std::string>> fields = {{"fixed", {"value"}},
                                                                           {"uniform", {"low", "high"}},
                                                                           {"normal", {"mean", "sd"}},
                                                                           {"triangular", {"low", "mode", "high"}},
                                                                           {"beta", {"a", "b", "low", "high"}},
                                                                           {"lognormal", {"mu", "sigma"}}};
    const YAML::Node kind_node = node["dist"];
    if (!kind_node.IsDefined()) {
      // Without the kind the fields cannot be checked, but a misspelt 'dist' can.
      std::vector<std::string> names = {"dist"};
      for (const auto& [kind_name, kind_fields] : fields)
        names.insert(names.end(), kind_fields.begin(), kind_fields.end());
      for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar() || std::find(names.begin(), names.end(), it->first.Scalar()) != names.end()) continue;
        const std::string hint = suggest(it->first.Scalar(), {"dist"});
        if (!hint.empty()) {
          report(it->first, path + "." + it->first.Scalar(),
                 "unknown key '" + it->first.Scalar() + "' in the distribution '" + path + "'" + hint +
                     ": expected 'dist' and the fields of the distribution");
        }
      }
      report(node, path,
             "missing required key 'dist' in the distribution '" + path +
                 "': expected one of fixed, uniform, normal, triangular, beta, lognormal");
      ok = false;
      return p;
    }
    const std::string kind = kind_node.IsScalar() ? kind_node.Scalar() : "";
    const auto found = fields.find(kind);
    if (found == fields.end()) {
      std::vector<std::string> names;
      for (const auto& [name, unused] : fields) names.push_back(name);
      report(kind_node, path + ".dist",
             "'" + path + ".dist': unknown distribution " + describe(kind_node) + suggest(kind, names) +
                 ": expected one of fixed, uniform, normal, triangular, beta, lognormal");
      ok = false;
      return p;
    }
    std::vector<std::string> allowed = found->second;
    allowed.insert(allowed.begin(), "dist");
    std::vector<std::string> required = found->second;
    if (kind == "beta") required = {"a", "b"};
    const std::size_t errors_before = errors_.size();
    check_map(node, path, "the " + kind + " distribution '" + path + "'", allowed, required);
    auto field = [&](const std::string& name, double fallback_value) {
      const YAML::Node f = node[name];
      if (!f.IsDefined()) return fallback_value;
      return number(f, path + "." + name, "a number").value_or(fallback_value);
    };
    Distribution d;
    const Interval r = domain.range;
    auto positive = [&](const std::string& name, double value) {
      if (!(value > 0.0) && node[name].IsDefined()) {
        report(node[name], path + "." + name,
               "'" + path + "." + name + "': expected a number > 0, got " + number_text(value));
      }
    };
    if (kind == "fixed") {
      d = Distribution::fixed(field("value", 0.0));
      if (node["value"].IsDefined() && !domain.contains(d.value)) {
        report(node["value"], path + ".value",
               "'" + path + ".value': expected a number in " + domain.text() + ", got " + number_text(d.value));
      }
    } else if (kind == "uniform" || kind == "triangular") {
      const double low = field("low", r.lo);
      const double high = field("high", r.hi);
      const double mode = kind == "triangular" ? field("mode", low) : low;
      if (!(low < high) && node["low"].IsDefined() && node["high"].IsDefined()) {
        report(node, path,
               "'" + path + "': range inverted: expected low < high, got low " + number_text(low) + " and high " +
                   number_text(high));
      } else if (kind == "triangular" && node["mode"].IsDefined() && !(mode >= low && mode <= high)) {
        report(node["mode"], path + ".mode",
               "'" + path + ".mode': expected a number in [low, high] = " + interval_text({low, high}) + ", got " +
                   number_text(mode));
      }
      d = kind == "uniform" ? Distribution::uniform(low, high) : Distribution::triangular(low, mode, high);
    } else if (kind == "normal") {
      d = Distribution::normal(field("mean", 0.0), field("sd", 1.0));
      positive("sd", d.sd);
    } else if (kind == "lognormal") {
      d = Distribution::lognormal(field("mu", 0.0), field("sigma", 1.0));
      positive("sigma", d.sigma);
    } else if (kind == "beta") {
      d = Distribution::beta(field("a", 1.0), field("b", 1.0), field("low", 0.0), field("high", 1.0));
      positive("a", d.a);
      positive("b", d.b);
      if (!(d.low < d.high)) {
        report(node, path,
               "'" + path + "': range inverted: expected low < high, got low " + number_text(d.low) + " and high " +
                   number_text(d.high));
      }
    }
    if (errors_.size() != errors_before) {
      ok = false;
      return p;
    }
    if (kind != "fixed") {
      try {
        const TruncatedQuantile q(d, domain.range);
        // An open end of the domain is reached only with probability zero, but a
        // distribution entirely at that end is meaningless.
        if ((domain.open_lo && q.range().hi <= domain.range.lo) ||
            (domain.open_hi && q.range().lo >= domain.range.hi)) {
          throw std::domain_error("no mass");
        }
      } catch (const std::domain_error&) {
        report(node, path,
               "'" + path + "': the " + kind + " distribution puts no probability on the allowed range " +
                   domain.text() + ": expected a distribution that reaches it");
        ok = false;
        return p;
      }
    }
    p.dist = d;
    return p;
  }

  // ---- the scenario ------------------------------------------------------------

  Scenario read(const YAML::Node& root) {
    Scenario s;
    s.file = file_;
    check_map(root, "", "the scenario",
              {"parley", "title", "as_of", "description", "sources", "issues", "actors", "relations", "proposals",
               "groups", "simulation", "bargaining"},
              {"parley", "title", "issues", "actors", "proposals"});
    if (const auto v = root["parley"]; v.IsDefined()) {
      if (auto version = integer(v, "parley", 1)) {
        if (*version != 1) {
          report(v, "parley", fmt::format("'parley': unsupported schema version: expected 1, got {}", *version));
        }
      }
    }
    if (const auto v = root["title"]; v.IsDefined()) s.title = text(v, "title");
    if (const auto v = root["as_of"]; v.IsDefined()) s.as_of = date(v, "as_of");
    if (const auto v = root["description"]; v.IsDefined()) s.description = long_text(v, "description");
    read_sources(root["sources"], s);
    read_issues(root["issues"], s);
    read_actors(root["actors"], s);
    read_relations(root["relations"], s);
    read_proposals(root["proposals"], s);
    read_groups(root["groups"], s);
    read_simulation(root["simulation"], s);
    read_bargaining(root["bargaining"], s);
    return s;
  }

  // Checks that a list key holds a list; empty lists are errors when required.
  bool list(const YAML::Node& node, const std::string& path, bool required_nonempty, const std::string& item,
            std::size_t max_items) {
    if (!node.IsDefined()) return false;
    if (!node.IsSequence()) {
      report(node, path, "'" + path + "': expected a list of " + item + ", got " + describe(node));
      return false;
    }
    if (node.size() > max_items) {
      report(node, path,
             fmt::format("'{}': expected at most {} {}{} (see docs/input-limits.md), got {}", path, max_items, item,
                         item.ends_with('s') ? "" : "s", node.size()));
      return false;
    }
    if (required_nonempty && node.size() == 0) {
      report(node, path, "'" + path + "': expected at least one " + item + ", got an empty list");
      return false;
    }
    return true;
  }

  // Registers an id; reports duplicates. Returns false for a duplicate.
  bool unique_id(std::map<std::string, int>& seen, const YAML::Node& node, const std::string& path,
                 const std::string& id, const std::string& what) {
    if (id.empty()) return false;
    if (auto [pos, inserted] = seen.emplace(id, node.Mark().line + 1); !inserted) {
      report(node, path, fmt::format("duplicate {} id '{}' (first defined on line {})", what, id, pos->second));
      return false;
    }
    return true;
  }

  // Resolves a reference to an id in `names`; reports dangling references.
  std::optional<std::size_t> reference(const YAML::Node& node, const std::string& path, const IdIndex& ids,
                                       const std::string& what) {
    if (!node.IsScalar()) {
      report(node, path, "'" + path + "': expected the id of " + what + ", got " + describe(node));
      return std::nullopt;
    }
    const std::string& id = node.Scalar();
    if (const auto found = ids.find(id)) return found;
    const std::vector<std::string>& names = ids.names();
    report(node, path,
           "'" + path + "': unknown " + what + " '" + shown(id) + "'" + suggest(id, names) + ": expected one of " +
               (names.empty() ? std::string("(none defined)") : join(names)));
    return std::nullopt;
  }

  void read_sources(const YAML::Node& node, Scenario& s) {
    if (!list(node, "sources", false, "sources", limits::kSources)) return;
    std::map<std::string, int> seen;
    for (std::size_t k = 0; k < node.size(); ++k) {
      const YAML::Node item = node[k];
      const std::string path = fmt::format("sources.{}", k);
      if (!check_map(item, path, item_name("source", k, item), {"id", "outlet", "date", "title", "file", "url", "note"},
                     {"id"})) {
        continue;
      }
      Source src;
      if (item["id"].IsDefined()) src.id = identifier(item["id"], path + ".id");
      if (!unique_id(seen, item["id"], path + ".id", src.id, "source")) continue;
      if (item["outlet"].IsDefined()) src.outlet = text(item["outlet"], path + ".outlet");
      if (item["date"].IsDefined()) src.date = date(item["date"], path + ".date");
      if (item["title"].IsDefined()) src.title = text(item["title"], path + ".title");
      if (item["file"].IsDefined()) src.file = text(item["file"], path + ".file");
      if (item["url"].IsDefined()) src.url = text(item["url"], path + ".url");
      if (item["note"].IsDefined()) src.note = long_text(item["note"], path + ".note");
      s.sources.push_back(src);
    }
  }

  std::vector<std::string> source_ids(const Scenario& s) const {
    std::vector<std::string> ids;
    for (const auto& src : s.sources) ids.push_back(src.id);
    return ids;
  }

  void read_issues(const YAML::Node& node, Scenario& s) {
    if (!list(node, "issues", true, "issue", limits::kIssues)) return;
    std::map<std::string, int> seen;
    for (std::size_t k = 0; k < node.size(); ++k) {
      const YAML::Node item = node[k];
      std::string path = fmt::format("issues.{}", k);
      if (!check_map(item, path, item_name("issue", k, item), {"id", "label", "unit", "type", "range", "group", "note"},
                     {"id"})) {
        continue;
      }
      Issue issue;
      if (item["id"].IsDefined()) issue.id = identifier(item["id"], path + ".id");
      if (!unique_id(seen, item["id"], path + ".id", issue.id, "issue")) continue;
      path = "issues." + issue.id;
      if (item["label"].IsDefined()) issue.label = text(item["label"], path + ".label");
      if (item["unit"].IsDefined()) issue.unit = text(item["unit"], path + ".unit");
      if (item["group"].IsDefined()) issue.group = identifier(item["group"], path + ".group");
      if (item["note"].IsDefined()) issue.note = long_text(item["note"], path + ".note");
      if (issue.label.empty()) issue.label = issue.id;
      bool type_ok = true;
      if (const auto t = item["type"]; t.IsDefined()) {
        const std::string type = t.IsScalar() ? t.Scalar() : "";
        if (type == "binary") {
          issue.type = IssueType::binary;
        } else if (type != "continuous") {
          report(t, path + ".type",
                 "'" + path + ".type': unknown issue type " + describe(t) + suggest(type, {"continuous", "binary"}) +
                     ": expected continuous or binary");
          type_ok = false;
        }
      }
      // Values on an issue whose range is unusable are not checked against it
      // (that would repeat the one mistake at every position and term).
      bool range_ok = false;
      const YAML::Node range = item["range"];
      if (issue.type == IssueType::binary) {
        range_ok = true;
        if (range.IsDefined()) {
          report(range, path + ".range",
                 "'" + path + ".range': a binary issue takes the values 0 and 1: expected no range, got " +
                     describe(range));
        }
      } else if (!range.IsDefined()) {
        if (type_ok) {
          report(item, path,
                 "missing required key 'range' in issue '" + issue.id +
                     "': expected [lo, hi] for a continuous issue (or 'type: binary')");
        }
      } else if (!range.IsSequence() || range.size() != 2) {
        report(range, path + ".range", "'" + path + ".range': expected [lo, hi], got " + describe(range));
      } else {
        const auto lo = number(range[0], path + ".range", "a number for lo");
        const auto hi = number(range[1], path + ".range", "a number for hi");
        if (lo && hi) {
          if (!(*lo < *hi)) {
            report(range, path + ".range",
                   "'" + path + ".range': range inverted: expected [lo, hi] with lo < hi, got [" + number_text(*lo) +
                       ", " + number_text(*hi) + "]");
          } else if (!std::isfinite(*hi - *lo)) {
            report(range, path + ".range",
                   "'" + path +
                       ".range': the width hi - lo overflows: expected a range whose width is a finite "
                       "number, got [" +
                       number_text(*lo) + ", " + number_text(*hi) + "]");
          } else {
            issue.lo = *lo;
            issue.hi = *hi;
            range_ok = true;
          }
        }
      }
      if (!range_ok) unchecked_ranges_.insert(s.issues.size());
      s.issues.push_back(issue);
    }
  }

  // The values allowed on an issue: its range, or any number when the range
  // itself is in error.
  Domain issue_domain(std::size_t index, const Issue& issue) const {
    if (unchecked_ranges_.contains(index)) return {{-kInf, kInf}};
    return {{issue.lo, issue.hi}};
  }

  std::vector<std::string> issue_ids(const Scenario& s) const {
    std::vector<std::string> ids;
    for (const auto& i : s.issues) ids.push_back(i.id);
    return ids;
  }

  void read_actors(const YAML::Node& node, Scenario& s) {
    if (!list(node, "actors", true, "actor", limits::kActors)) return;
    std::map<std::string, int> seen;
    const std::vector<std::string> issues = issue_ids(s);
    const IdIndex sources(source_ids(s));
    bool any_veto = false;
    for (std::size_t k = 0; k < node.size(); ++k) {
      const YAML::Node item = node[k];
      std::string path = fmt::format("actors.{}", k);
      if (!check_map(item, path, item_name("actor", k, item),
                     {"id", "name", "veto", "mediator", "capability", "rationality", "rho", "reservation", "drift",
                      "discount", "positions", "note"},
                     {"id", "reservation", "positions"})) {
        continue;
      }
      Actor actor;
      if (item["id"].IsDefined()) actor.id = identifier(item["id"], path + ".id");
      if (!unique_id(seen, item["id"], path + ".id", actor.id, "actor")) continue;
      path = "actors." + actor.id;
      actor.name = actor.id;
      if (item["name"].IsDefined()) actor.name = text(item["name"], path + ".name");
      if (item["note"].IsDefined()) actor.note = long_text(item["note"], path + ".note");
      if (item["veto"].IsDefined()) actor.veto = boolean(item["veto"], path + ".veto").value_or(false);
      if (item["mediator"].IsDefined()) actor.mediator = boolean(item["mediator"], path + ".mediator").value_or(false);
      any_veto = any_veto || actor.veto;
      bool ok = true;
      actor.capability =
          parameter(item["capability"], path + ".capability", {{0.0, kRelativeMax}, true, false}, 1.0, ok);
      actor.rationality =
          parameter(item["rationality"], path + ".rationality", {{0.0, kRelativeMax}, true, false}, 1.0, ok);
      actor.rho = parameter(item["rho"], path + ".rho", {{1.0, kRhoMax}, false, false}, 1.0, ok);
      actor.reservation = parameter(item["reservation"], path + ".reservation", {{0.0, 1.0}}, 0.5, ok);
      // The bargaining game's parameters: a reservation that drifts by round
      // and a discount factor for the value of agreeing later.
      actor.drift = parameter(item["drift"], path + ".drift", {{-1.0, 1.0}}, 0.0, ok);
      actor.discount = parameter(item["discount"], path + ".discount", {{0.0, 1.0}, true, false}, 1.0, ok);
      const YAML::Node positions = item["positions"];
      if (positions.IsDefined()) {
        if (check_map(positions, path + ".positions", "the positions of actor '" + actor.id + "'", issues, {})) {
          if (positions.size() == 0) {
            report(positions, path + ".positions",
                   "'" + path + ".positions': expected a position on at least one issue, got an empty map");
          }
          read_positions(positions, path, s, sources, actor);
        }
      }
      s.actors.push_back(std::move(actor));
    }
    if (!any_veto && !s.actors.empty()) {
      report(node, "actors",
             "'actors': no actor has 'veto: true': expected at least one actor whose acceptance a deal needs");
    }
  }

  void read_positions(const YAML::Node& positions, const std::string& actor_path, const Scenario& s,
                      const IdIndex& sources, Actor& actor) {
    double max_salience = 0.0;
    bool saliences_ok = true;
    for (auto it = positions.begin(); it != positions.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      const std::string issue_id = it->first.Scalar();
      const auto issue_index = s.find_issue(issue_id);
      if (!issue_index) continue;  // reported by check_map as an unknown key
      const Issue& issue = s.issues[*issue_index];
      const std::string path = actor_path + ".positions." + issue_id;
      const YAML::Node item = it->second;
      if (!check_map(item, path, "the position of '" + actor.id + "' on '" + issue_id + "'",
                     {"ideal", "salience", "source", "quote", "note"}, {"ideal", "source"})) {
        continue;
      }
      Position pos;
      pos.issue = *issue_index;
      bool ok = true;
      pos.ideal = parameter(item["ideal"], path + ".ideal", issue_domain(*issue_index, issue), issue.lo, ok);
      pos.salience = parameter(item["salience"], path + ".salience", {{0.0, kRelativeMax}, false, false}, 1.0, ok);
      saliences_ok = saliences_ok && ok;
      if (ok) {
        max_salience =
            std::max(max_salience, pos.salience.dist.is_fixed()
                                       ? pos.salience.dist.value
                                       : TruncatedQuantile(pos.salience.dist, pos.salience.allowed).range().hi);
      }
      if (item["source"].IsDefined()) {
        if (auto ref = reference(item["source"], path + ".source", sources, "source")) pos.source = sources[*ref];
      }
      if (item["quote"].IsDefined()) pos.quote = long_text(item["quote"], path + ".quote");
      if (item["note"].IsDefined()) pos.note = long_text(item["note"], path + ".note");
      actor.positions.push_back(std::move(pos));
    }
    if (saliences_ok && !actor.positions.empty() && max_salience <= 0.0) {
      report(positions, actor_path + ".positions",
             "'" + actor_path + ".positions': all saliences of actor '" + actor.id +
                 "' are zero: expected at least one salience > 0");
    }
  }

  void read_relations(const YAML::Node& node, Scenario& s) {
    if (!list(node, "relations", false, "relations", limits::kRelations)) return;
    std::vector<std::string> actor_ids;
    for (const auto& a : s.actors) actor_ids.push_back(a.id);
    const IdIndex actors(std::move(actor_ids));
    const IdIndex sources(source_ids(s));
    std::set<std::pair<std::size_t, std::size_t>> pairs;
    std::vector<YAML::Node> nodes;     // the file's node of each relation kept
    std::vector<std::size_t> indices;  // and its index in the file's list
    for (std::size_t k = 0; k < node.size(); ++k) {
      const YAML::Node item = node[k];
      const std::string path = fmt::format("relations.{}", k);
      if (!check_map(item, path, "relation " + std::to_string(k), {"from", "to", "weight", "kind", "source", "note"},
                     {"from", "to", "weight"})) {
        continue;
      }
      Relation r;
      std::optional<std::size_t> from;
      std::optional<std::size_t> to;
      if (item["from"].IsDefined()) from = reference(item["from"], path + ".from", actors, "actor");
      if (item["to"].IsDefined()) to = reference(item["to"], path + ".to", actors, "actor");
      bool ok = true;
      r.weight = parameter(item["weight"], path + ".weight", {{-1.0, 1.0}, true, true}, 0.0, ok);
      if (item["kind"].IsDefined()) r.kind = text(item["kind"], path + ".kind");
      if (item["note"].IsDefined()) r.note = long_text(item["note"], path + ".note");
      if (item["source"].IsDefined()) {
        if (auto ref = reference(item["source"], path + ".source", sources, "source")) r.source = sources[*ref];
      }
      if (!from || !to || !ok || !item["weight"].IsDefined()) continue;
      if (*from == *to) {
        report(
            item, path,
            "'" + path + "': an actor cannot influence itself: expected from != to, got '" + actors[*from] + "' twice");
        continue;
      }
      if (!pairs.emplace(*from, *to).second) {
        report(item, path,
               "'" + path + "': duplicate relation " + actors[*from] + " -> " + actors[*to] +
                   ": expected at most one edge per ordered pair");
        continue;
      }
      r.from = *from;
      r.to = *to;
      s.relations.push_back(r);
      nodes.push_back(item);
      indices.push_back(k);
    }
    check_influence(s, nodes, indices);
  }

  // a_i = sum_j |W_ij| < 1 for every draw, and I - W non-singular.
  void check_influence(const Scenario& s, const std::vector<YAML::Node>& nodes,
                       const std::vector<std::size_t>& indices) {
    std::vector<double> worst;
    std::vector<double> nominal;
    std::vector<Edge> edges;
    for (const Relation& r : s.relations) {
      const Interval range = r.weight.dist.is_fixed() ? Interval{r.weight.dist.value, r.weight.dist.value}
                                                      : TruncatedQuantile(r.weight.dist, r.weight.allowed).range();
      worst.push_back(std::max(std::fabs(range.lo), std::fabs(range.hi)));
      nominal.push_back(r.weight.dist.is_fixed() ? r.weight.dist.value : r.weight.dist.quantile(0.5));
      edges.push_back({r.from, r.to});
    }
    const InfluenceProblems problems = influence_problems(s.actors.size(), edges, worst, nominal);
    for (const auto& overload : problems.overloaded) {
      std::string list_text;
      bool uncertain = false;
      for (std::size_t e : overload.edges) {
        list_text += (list_text.empty() ? "" : ", ") + s.actors[s.relations[e].from].id;
        uncertain = uncertain || !s.relations[e].weight.dist.is_fixed();
      }
      const std::size_t last = overload.edges.back();
      report(nodes[last], fmt::format("relations.{}", indices[last]),
             fmt::format("influence into '{}' is ill-posed: expected the sum of |weight| over its incoming relations "
                         "(from {}) to stay below 1, got {}{}",
                         s.actors[overload.actor].id, list_text, uncertain ? "up to " : "",
                         number_text(overload.worst_sum)));
    }
    // Reported at the last relation of each cycle.
    for (const auto& cycle : problems.singular) {
      std::vector<std::string> names;
      for (std::size_t i : cycle.members) names.push_back(s.actors[i].id);
      report(nodes[cycle.last_edge], fmt::format("relations.{}", indices[cycle.last_edge]),
             "the influence cycle among " + join(names) +
                 " makes I - W singular: expected weights whose stances have a unique solution, got a singular "
                 "system (lower the weights so that each actor's incoming sum |weight| < 1)");
    }
  }

  void read_proposals(const YAML::Node& node, Scenario& s) {
    if (!list(node, "proposals", true, "proposal", limits::kProposals)) return;
    std::map<std::string, int> seen;
    const std::vector<std::string> issues = issue_ids(s);
    const IdIndex sources(source_ids(s));
    for (std::size_t k = 0; k < node.size(); ++k) {
      const YAML::Node item = node[k];
      std::string path = fmt::format("proposals.{}", k);
      if (!check_map(item, path, item_name("proposal", k, item), {"id", "label", "source", "terms", "note"},
                     {"id", "terms"})) {
        continue;
      }
      Proposal p;
      if (item["id"].IsDefined()) p.id = identifier(item["id"], path + ".id");
      if (!unique_id(seen, item["id"], path + ".id", p.id, "proposal")) continue;
      path = "proposals." + p.id;
      p.label = p.id;
      if (item["label"].IsDefined()) p.label = text(item["label"], path + ".label");
      if (item["note"].IsDefined()) p.note = long_text(item["note"], path + ".note");
      if (item["source"].IsDefined()) {
        if (auto ref = reference(item["source"], path + ".source", sources, "source")) p.source = sources[*ref];
      }
      const YAML::Node terms = item["terms"];
      if (!terms.IsDefined()) continue;
      if (!check_map(terms, path + ".terms", "the terms of proposal '" + p.id + "'", issues, {})) continue;
      p.terms.assign(s.issues.size(), 0.0);
      for (std::size_t i = 0; i < s.issues.size(); ++i) {
        const Issue& issue = s.issues[i];
        const YAML::Node term = terms[issue.id];
        const std::string term_path = path + ".terms." + issue.id;
        if (!term.IsDefined()) {
          report(
              terms, path + ".terms",
              "'" + path + ".terms': missing the term for issue '" + issue.id + "': expected a value for every issue");
          continue;
        }
        if (issue.type == IssueType::binary) {
          const auto x = number(term, term_path, "0 or 1 (binary issue)");
          if (x && *x != 0.0 && *x != 1.0) {
            report(term, term_path, "'" + term_path + "': expected 0 or 1 (binary issue), got " + number_text(*x));
          } else if (x) {
            p.terms[i] = *x;
          }
        } else if (const auto x = number_in(term, term_path, issue_domain(i, issue))) {
          p.terms[i] = *x;
        }
      }
      s.proposals.push_back(p);
    }
  }

  // groups: {name: [input path, ...]} for sensitivity analyses.
  void read_groups(const YAML::Node& node, Scenario& s) {
    if (!node.IsDefined()) return;
    if (!node.IsMap()) {
      report(node, "groups",
             "'groups': expected a map from group names to lists of input paths, got " + describe(node));
      return;
    }
    std::vector<std::string> uncertain;
    std::vector<std::string> fixed;
    for (const Parameter* p : s.parameters()) (p->is_uncertain() ? uncertain : fixed).push_back(p->path);
    std::map<std::string, std::string> owner;  // input path -> group
    for (auto it = node.begin(); it != node.end(); ++it) {
      const std::string name = identifier(it->first, "groups");
      if (name.empty()) continue;
      const std::string path = "groups." + name;
      const YAML::Node members = it->second;
      if (!members.IsSequence() || members.size() == 0) {
        report(members, path,
               "'" + path + "': expected a non-empty list of uncertain input paths, got " + describe(members));
        continue;
      }
      std::vector<std::string> inputs;
      for (std::size_t k = 0; k < members.size(); ++k) {
        const YAML::Node m = members[k];
        if (!m.IsScalar()) {
          report(m, path, "'" + path + "': expected an input path such as actors.ID.reservation, got " + describe(m));
          continue;
        }
        const std::string& input = m.Scalar();
        if (std::find(uncertain.begin(), uncertain.end(), input) == uncertain.end()) {
          if (std::find(fixed.begin(), fixed.end(), input) != fixed.end()) {
            report(m, path,
                   "'" + path + "': '" + shown(input) +
                       "' is a fixed number: expected an uncertain input (a parameter given as a distribution)");
          } else {
            report(m, path,
                   "'" + path + "': unknown input '" + shown(input) + "'" + suggest(input, uncertain) +
                       ": expected the path of an uncertain input");
          }
          continue;
        }
        if (auto [at, inserted] = owner.emplace(input, name); !inserted) {
          report(m, path,
                 "'" + path + "': '" + input + "' is already in group '" + at->second +
                     "': expected each input in at most one group");
          continue;
        }
        inputs.push_back(input);
      }
      s.groups.emplace_back(name, inputs);
    }
  }

  void read_simulation(const YAML::Node& node, Scenario& s) {
    if (!node.IsDefined()) return;
    if (!check_map(node, "simulation", "the simulation settings", {"draws", "seed"}, {})) return;
    if (node["draws"].IsDefined()) {
      s.simulation.draws = integer(node["draws"], "simulation.draws", 1).value_or(s.simulation.draws);
    }
    if (node["seed"].IsDefined()) {
      s.simulation.seed = integer(node["seed"], "simulation.seed", 0).value_or(s.simulation.seed);
    }
  }

  void read_bargaining(const YAML::Node& node, Scenario& s) {
    if (!node.IsDefined()) return;
    if (!check_map(node, "bargaining", "the bargaining settings", {"protocol", "rounds", "step", "proposal"}, {})) {
      return;
    }
    BargainingDefaults& b = s.bargaining;
    if (const auto v = node["protocol"]; v.IsDefined()) {
      const std::string name = v.IsScalar() ? v.Scalar() : "";
      if (name == "mediated") {
        b.protocol = BargainingProtocol::mediated;
      } else if (name == "alternating") {
        b.protocol = BargainingProtocol::alternating;
      } else {
        report(v, "bargaining.protocol",
               "'bargaining.protocol': unknown protocol " + describe(v) + suggest(name, {"mediated", "alternating"}) +
                   ": expected mediated or alternating");
      }
    }
    if (const auto v = node["rounds"]; v.IsDefined()) {
      if (const auto rounds = integer(v, "bargaining.rounds", 1)) {
        if (*rounds > kMaxBargainingRounds) {
          report(v, "bargaining.rounds",
                 fmt::format("'bargaining.rounds': expected a whole number from 1 to {}, got {}", kMaxBargainingRounds,
                             *rounds));
        } else {
          b.rounds = static_cast<std::size_t>(*rounds);
        }
      }
    }
    if (const auto v = node["step"]; v.IsDefined()) {
      if (const auto step = number_in(v, "bargaining.step", {{0.0, 1.0}, true, false})) b.step = *step;
    }
    if (const auto v = node["proposal"]; v.IsDefined()) {
      const std::string id = identifier(v, "bargaining.proposal");
      std::vector<std::string> ids;
      for (const auto& p : s.proposals) ids.push_back(p.id);
      if (!id.empty() && !s.find_proposal(id) && !s.proposals.empty()) {
        report(v, "bargaining.proposal",
               "'bargaining.proposal': unknown proposal '" + shown(id) + "'" + suggest(id, ids) + ": expected one of " +
                   join(ids));
      }
      b.proposal = id;
    }
  }

  std::string file_;
  std::vector<Override> overrides_;
  // An override as applied: the value node put into the tree (and the key
  // node when the key was new), and the maps and lists on the way to it.
  struct Applied {
    std::string path;
    std::string text;  // "path=value"
    YAML::Node value;
    YAML::Node key;
    std::vector<YAML::Node> ancestors;
  };
  std::vector<Applied> applied_;
  std::unordered_map<int, YAML::Mark> empty_value_keys_;  // see io::YamlDocument
  std::set<std::size_t> unchecked_ranges_;                // issues whose range is invalid
  std::size_t suggestion_budget_ = 50'000'000;            // edit-distance cells left for suggestions
  std::vector<Diagnostic> errors_;
};

}  // namespace

Scenario load_scenario_text(std::string_view text, const std::string& file_name, std::span<const Override> overrides) {
  return Loader(file_name, overrides).load(text);
}

Scenario load_scenario_file(const std::string& path, std::span<const Override> overrides) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw ScenarioError({{{path, 0, 0}, "cannot read the scenario: expected a file, got a directory"}});
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const std::string reason = errno != 0 ? std::strerror(errno) : "cannot open";
    throw ScenarioError({{{path, 0, 0}, "cannot open the scenario file (" + reason + "): expected a readable file"}});
  }
  // Read at most one byte past the limit: a device such as /dev/zero never ends.
  std::string content;
  std::array<char, 1 << 16> buffer{};
  while (content.size() <= limits::kFileBytes && in) {
    in.read(buffer.data(), buffer.size());
    content.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw ScenarioError({{{path, 0, 0}, "cannot read the scenario file: expected a readable file"}});
  if (content.size() > limits::kFileBytes) {
    throw ScenarioError({{{path, 0, 0},
                          fmt::format("the file has more than {} bytes: expected a smaller scenario (see "
                                      "docs/input-limits.md)",
                                      limits::kFileBytes)}});
  }
  return load_scenario_text(content, path, overrides);
}

}  // namespace parley
