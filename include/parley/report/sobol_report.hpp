#pragma once
// The `sobol` and `morris` analyses as tables, JSON and CSV.

#include <nlohmann/json.hpp>
#include <string>

#include "parley/analysis/sobol_analysis.hpp"
#include "parley/core/scenario.hpp"
#include "parley/report/common.hpp"

namespace parley {

std::string sobol_table(const Scenario& scenario, const SobolAnalysis& analysis);
nlohmann::ordered_json sobol_json(const Scenario& scenario, const SobolAnalysis& analysis);
std::string sobol_csv(const Scenario& scenario, const SobolAnalysis& analysis);

std::string morris_table(const Scenario& scenario, const MorrisAnalysis& analysis);
nlohmann::ordered_json morris_json(const Scenario& scenario, const MorrisAnalysis& analysis);
std::string morris_csv(const Scenario& scenario, const MorrisAnalysis& analysis);

}  // namespace parley
