#include "parley/io/diagnostics.hpp"

#include <algorithm>

namespace parley {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.where.file;
  if (d.where.line > 0) out += ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column);
  return out + ": error: " + d.message;
}

namespace {
// Optimal string alignment distance: insertions, deletions, substitutions and
// transpositions of neighbours ("dsit" -> "dist") each cost 1. Three rows of
// the dynamic programme (the transposition looks two back), not the matrix.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1);
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string join_all(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) text += format_diagnostic(d) + "\n";
  return text;
}
}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  const std::size_t n = word.size();
  const std::size_t limit = n <= 1 ? 0 : std::max<std::size_t>(1, n / 3);
  std::size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    if ((c.size() > n ? c.size() - n : n - c.size()) >= best_distance) continue;
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics, std::size_t total)
    : std::runtime_error(join_all(diagnostics)),
      diagnostics_(std::move(diagnostics)),
      total_(std::max(total, diagnostics_.size())) {}

}  // namespace parley
