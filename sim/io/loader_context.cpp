// Where a node came from (the file or a `--set` option), and the errors found,
// collected so that every problem in a file is reported at once.

#include <fmt/format.h>

#include <algorithm>

#include "loader_context.hpp"

namespace parley::io {

// did_you_mean() within a budget: a file of thousands of dangling
// references to thousands of ids would otherwise spend minutes on
// suggestions, most of them never listed.
std::string Loader::suggest(std::string_view word, const std::vector<std::string>& candidates) {
  if (errors_.size() >= limits::kReportedErrors) return "";
  std::size_t cost = 0;
  for (const auto& c : candidates) cost += (word.size() + 1) * (c.size() + 1);
  if (cost > suggestion_budget_) return "";
  suggestion_budget_ -= cost;
  return did_you_mean(word, candidates);
}

// Throws every error found, the first limits::kReportedErrors of them listed.
void Loader::fail() {
  const std::size_t total = errors_.size();
  if (total > limits::kReportedErrors) {
    const std::size_t more = total - limits::kReportedErrors;
    errors_.resize(limits::kReportedErrors);
    errors_.push_back({{file_, 0, 0}, fmt::format("{} more error{} not listed", more, more == 1 ? "" : "s")});
  }
  throw ScenarioError(errors_, total);
}

// Where a node came from: the file, or the `--set` option that put it there.
// Overridden values are found by node identity, so a path written with an
// index (actors.0.rho) and one written with an id (actors.a.rho) both work.
SourceLocation Loader::location(const YamlNode& node, const std::string& path) const {
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

void Loader::report(const YamlNode& node, const std::string& path, std::string message) {
  SourceLocation where = location(node, path);
  // A problem with a map or list that holds an overridden value: point at the
  // file, and say that the override took part.
  if (where.file == file_ && node.IsDefined()) {
    for (const auto& o : applied_) {
      if (std::any_of(o.ancestors.begin(), o.ancestors.end(), [&](const YamlNode& a) { return node.is(a); })) {
        message += " (after --set " + o.text + ")";
        break;
      }
    }
  }
  errors_.push_back({std::move(where), std::move(message)});
}

void Loader::report_at(const YAML::Mark& mark, std::string message) {
  if (mark.line < 0) {
    errors_.push_back({{file_, 0, 0}, std::move(message)});
  } else {
    errors_.push_back({{file_, mark.line + 1, mark.column + 1}, std::move(message)});
  }
}

}  // namespace parley::io
