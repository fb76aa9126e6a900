#pragma once
// Errors that point at the file: `file:line:column: error: message`.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "parley/core/scenario.hpp"

namespace parley {

struct Diagnostic {
  SourceLocation where;
  std::string message;
};

/// `file:line:column: error: message` (without line and column when unknown).
std::string format_diagnostic(const Diagnostic& d);

/// The candidate a mistyped word most likely meant, or "" when none is close
/// enough to be a typo: at most max(1, length / 3) edits (insertions,
/// deletions, substitutions, transpositions of neighbours), and fewer edits
/// than the word has characters (so 'c' does not suggest 'a', nor 'ban'
/// 'land'). Candidates whose length alone is too far are skipped, so the cost
/// stays linear in the candidates.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// Every problem found in a scenario, reported together.
class ScenarioError : public std::runtime_error {
 public:
  /// `total`: how many problems were found, when only some are listed.
  explicit ScenarioError(std::vector<Diagnostic> diagnostics, std::size_t total = 0);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  /// The number of problems found (diagnostics() may list only the first).
  [[nodiscard]] std::size_t total() const { return total_; }

 private:
  std::vector<Diagnostic> diagnostics_;
  std::size_t total_ = 0;
};

}  // namespace parley
