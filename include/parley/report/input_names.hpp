#pragma once
// Names for people of the paths that identify a scenario's uncertain inputs.

#include <string>

#include "parley/core/scenario.hpp"

namespace parley {

/// The input at `path` in words, from the scenario's actor names, issue labels
/// and relations: `actors.ukraine.reservation` -> "Ukraine: outside option",
/// `actors.russia.positions.army_cap.ideal` -> "Russia, ideal: <the label>",
/// `relations.0.weight` -> "United States → Ukraine leverage (weight)".
/// Also names the groups of `sobol`/`morris --group` (an actor id, "actor X",
/// "group G"). A path it does not know comes back unchanged.
std::string input_name(const Scenario& scenario, const std::string& path);

}  // namespace parley
