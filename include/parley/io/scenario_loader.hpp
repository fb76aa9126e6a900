#pragma once
// Reads a scenario file (YAML, schema version 1), applies `--set` overrides
// and validates it: every error in the file is collected and thrown at once.

#include <span>
#include <string>
#include <string_view>

#include "parley/io/diagnostics.hpp"
#include "parley/core/scenario.hpp"

namespace parley {

/// A `--set PATH=VALUE` override of one scalar in the scenario file.
struct Override {
  std::string path;   // e.g. actors.ukraine.reservation.mean
  std::string value;  // parsed as YAML, so 0.5, true and "text" mean what they do in the file
};

/// Parses `PATH=VALUE`; throws ScenarioError naming the option when malformed.
Override parse_override(std::string_view text);

/// Loads and validates a scenario; throws ScenarioError with every problem.
Scenario load_scenario_file(const std::string& path, std::span<const Override> overrides = {});

/// The same for text already in memory; `file_name` is used in messages.
Scenario load_scenario_text(std::string_view text, const std::string& file_name,
                            std::span<const Override> overrides = {});

}  // namespace parley
