#pragma once
// The `tornado` analysis as a table, JSON and CSV.

#include <nlohmann/json.hpp>
#include <string>

#include "parley/analysis/tornado.hpp"
#include "parley/core/scenario.hpp"
#include "parley/report/common.hpp"

namespace parley {

std::string tornado_table(const Scenario& scenario, const TornadoResult& result);
nlohmann::ordered_json tornado_json(const Scenario& scenario, const TornadoResult& result);
std::string tornado_csv(const Scenario& scenario, const TornadoResult& result);

}  // namespace parley
