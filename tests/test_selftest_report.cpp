// `parley selftest` as a table and JSON (parley/report/selftest_report.hpp).

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "parley/report/selftest_report.hpp"

using namespace parley;

namespace {
std::vector<SelfCheck> two_checks(bool second_passes) {
  return {{"one plus one", 2.0, 2.0, 1e-9}, {"a half", 0.5, second_passes ? 0.5 : 0.75, 1e-3}};
}
}  // namespace

TEST_CASE("the selftest table lists every check and counts those that passed", "[report][selftest]") {
  const std::string table = selftest_table(two_checks(false));
  CHECK_THAT(table, Catch::Contains("HYPOTHETICAL"));
  CHECK_THAT(table, Catch::Contains("one plus one"));
  CHECK_THAT(table, Catch::Contains("FAIL"));
  CHECK_THAT(table, Catch::EndsWith("\n1 of 2 checks passed.\n"));
  CHECK_THAT(selftest_table(two_checks(true)), Catch::EndsWith("\n2 of 2 checks passed.\n"));
}

TEST_CASE("the selftest JSON passes only when every check does", "[report][selftest]") {
  const auto failing = selftest_json(two_checks(false));
  CHECK(failing["command"] == "selftest");
  CHECK(failing["passed"] == false);
  REQUIRE(failing["checks"].size() == 2);
  CHECK(failing["checks"][1]["check"] == "a half");
  CHECK(failing["checks"][1]["passed"] == false);
  CHECK(selftest_json(two_checks(true))["passed"] == true);
}
