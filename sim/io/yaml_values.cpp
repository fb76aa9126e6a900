// Maps, lists and scalars of the types a scenario expects: each reader reports
// what it expected and what it got, and returns nothing usable on a mismatch.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "loader_context.hpp"
#include "parley/io/utf8.hpp"

namespace parley::io {
namespace {
bool is_id_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}
}  // namespace

// "actor 'b'" when the item has a plain id, else "actor 1".
std::string Loader::item_name(const std::string& what, std::size_t k, const YamlNode& item) {
  if (item.IsMap()) {
    const YamlNode id = item["id"];
    if (id.IsDefined() && id.IsScalar() && !id.Scalar().empty()) return what + " '" + id.Scalar() + "'";
  }
  return what + " " + std::to_string(k);
}

// Checks the keys of a map: unknown keys (with a suggestion), duplicates and
// missing required keys. Returns false when the node is not a map.
bool Loader::check_map(const YamlNode& node, const std::string& path, const std::string& what,
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
      report(
          it->first, key_path,
          "unknown key '" + shown(key) + "' in " + what + suggest(key, allowed) + ": expected one of " + join(allowed));
    }
  }
  for (const auto& key : required) {
    if (!seen.contains(key)) report(node, path, "missing required key '" + key + "' in " + what);
  }
  return true;
}

// Checks that a list key holds a list; empty lists are errors when required.
bool Loader::list(const YamlNode& node, const std::string& path, bool required_nonempty, const std::string& item,
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

std::optional<double> Loader::number(const YamlNode& node, const std::string& path, const std::string& expected) {
  if (node.IsScalar() && node.Tag() != "!") {
    const std::optional<double> x = scalar_to_double(node.Scalar());
    if (x && std::isfinite(*x)) return x;
  }
  report(node, path, "'" + path + "': expected " + expected + ", got " + describe(node));
  return std::nullopt;
}

std::optional<double> Loader::number_in(const YamlNode& node, const std::string& path, const Domain& domain,
                                        const std::string& what) {
  auto x = number(node, path, what + " in " + domain.text());
  if (x && !domain.contains(*x)) {
    report(node, path, "'" + path + "': expected " + what + " in " + domain.text() + ", got " + number_text(*x));
    return std::nullopt;
  }
  return x;
}

std::optional<std::uint64_t> Loader::integer(const YamlNode& node, const std::string& path, std::uint64_t minimum) {
  const std::string expected = fmt::format("a whole number >= {}", minimum);
  if (node.IsScalar() && node.Tag() != "!" && !node.Scalar().empty() && node.Scalar()[0] != '-') {
    const std::optional<std::uint64_t> x = scalar_to_unsigned(node.Scalar());
    if (x && *x >= minimum) return x;
  }
  report(node, path, "'" + path + "': expected " + expected + ", got " + describe(node));
  return std::nullopt;
}

std::optional<bool> Loader::boolean(const YamlNode& node, const std::string& path) {
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
std::string Loader::text(const YamlNode& node, const std::string& path, std::size_t max_length, bool multi_line) {
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
                         multi_line ? " but line breaks and tabs" : " (on one line)", static_cast<std::uint32_t>(code),
                         characters));
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

std::string Loader::long_text(const YamlNode& node, const std::string& path) {
  return text(node, path, limits::kLongText, true);
}

std::string Loader::identifier(const YamlNode& node, const std::string& path) {
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
std::string Loader::date(const YamlNode& node, const std::string& path) {
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

}  // namespace parley::io
