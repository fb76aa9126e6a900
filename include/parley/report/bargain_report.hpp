#pragma once
// The `bargain` analysis as a table, JSON and CSV.

#include <nlohmann/json.hpp>
#include <string>

#include "parley/analysis/bargain.hpp"
#include "parley/core/scenario.hpp"
#include "parley/report/common.hpp"

namespace parley {

/// The bargaining game over the draws; with a traced draw, its rounds in words
/// (table) or in full (JSON, under "trace").
std::string bargain_table(const Scenario& scenario, const BargainResult& result);
nlohmann::ordered_json bargain_json(const Scenario& scenario, const BargainResult& result);
std::string bargain_csv(const Scenario& scenario, const BargainResult& result);

}  // namespace parley
