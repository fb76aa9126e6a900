#pragma once
// The `explain` analysis as a table, JSON and CSV.

#include <nlohmann/json.hpp>
#include <string>

#include "parley/analysis/explain.hpp"
#include "parley/core/scenario.hpp"
#include "parley/report/common.hpp"

namespace parley {

std::string explain_table(const Scenario& scenario, const Explanation& explanation);
nlohmann::ordered_json explain_json(const Scenario& scenario, const Explanation& explanation);
std::string explain_csv(const Scenario& scenario, const Explanation& explanation);

}  // namespace parley
