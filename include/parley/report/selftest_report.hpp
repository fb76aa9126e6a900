#pragma once
// `parley selftest` as a table and as JSON: each analytic check's expected
// and obtained value, its tolerance and whether it passed.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/analysis/selftest.hpp"
#include "parley/report/common.hpp"

namespace parley {

std::string selftest_table(const std::vector<SelfCheck>& checks);
nlohmann::ordered_json selftest_json(const std::vector<SelfCheck>& checks);

}  // namespace parley
