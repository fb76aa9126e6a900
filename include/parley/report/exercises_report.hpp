#pragma once
// The scenario's classroom exercises in the terminal (`parley exercises`).

#include <cstddef>
#include <string>

#include "parley/core/scenario.hpp"

namespace parley {

/// The command that shows an exercise's numbers: `parley run FILE` with the
/// exercise's proposal (`--proposal P`) and changes (`--set PATH=VALUE`),
/// quoted for a POSIX shell where needed.
std::string exercise_command(const Scenario& scenario, const Exercise& exercise);

/// Every exercise of the scenario, numbered from 1: title, question, hint,
/// proposal, the changes it makes and the command that runs it. Plain text
/// wrapped to `width` columns (at least 40), with the HYPOTHETICAL label.
std::string exercises_text(const Scenario& scenario, std::size_t width);

}  // namespace parley
