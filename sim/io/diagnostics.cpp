#include "parley/diagnostics.hpp"

namespace parley {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.where.file;
  if (d.where.line > 0) out += ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column);
  return out + ": error: " + d.message;
}

namespace {
std::string join_all(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) text += format_diagnostic(d) + "\n";
  return text;
}
}  // namespace

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_all(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace parley
