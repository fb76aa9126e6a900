#pragma once
// Errors that point at the file: `file:line:column: error: message`.

#include <stdexcept>
#include <string>
#include <vector>

#include "parley/scenario.hpp"

namespace parley {

struct Diagnostic {
  SourceLocation where;
  std::string message;
};

/// `file:line:column: error: message` (without line and column when unknown).
std::string format_diagnostic(const Diagnostic& d);

/// Every problem found in a scenario, reported together.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace parley
