#include <catch2/catch.hpp>
#include <limits>

#include "parley/analysis/selftest.hpp"

TEST_CASE("every selftest check passes", "[selftest]") {
  const auto checks = parley::run_selftest(2);
  CHECK(checks.size() >= 20);
  for (const auto& c : checks) {
    INFO(c.name << ": expected " << c.expected << ", obtained " << c.obtained);
    CHECK(c.passed());
  }
}

TEST_CASE("a selftest check fails outside its tolerance and on NaN", "[selftest]") {
  CHECK_FALSE(parley::SelfCheck{"x", 1.0, 1.1, 0.05}.passed());
  CHECK(parley::SelfCheck{"x", 1.0, 1.04, 0.05}.passed());
  CHECK_FALSE(parley::SelfCheck{"x", 1.0, std::numeric_limits<double>::quiet_NaN(), 1e9}.passed());
}
