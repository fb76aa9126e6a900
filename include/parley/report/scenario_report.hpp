#pragma once
// The scenario in words (`validate --explain`).

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "parley/core/scenario.hpp"
#include "parley/report/common.hpp"

namespace parley {

/// The scenario as a reader sees it (`parley validate --explain`): title, as
/// of, sources; each actor's positions (issue, ideal with unit, salience,
/// quote and source); and every value a note marks as an assumption
/// ("assumption: ..."), by its path. Plain text wrapped to `width` columns
/// (at least 40), with the HYPOTHETICAL label.
std::string scenario_explanation(const Scenario& scenario, std::size_t width);

}  // namespace parley
