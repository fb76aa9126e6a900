// The name tables of the enums the command line and the outputs spell out:
// each name reads back to its value, and the lists are in the order the help
// and the "expected one of" messages give them.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "parley/analysis/sobol_analysis.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/sensitivity.hpp"

using namespace parley;

namespace {
template <class Enum, class Parse>
void check_round_trip(const std::vector<std::string>& names, Parse parse) {
  for (const auto& name : names) {
    INFO(name);
    const auto value = parse(name);
    REQUIRE(value.has_value());
    CHECK(name_of(static_cast<Enum>(*value)) == name);
  }
  CHECK_FALSE(parse("").has_value());
  CHECK_FALSE(parse("no-such-name").has_value());
  CHECK_FALSE(parse(names.front() + " ").has_value());
}
}  // namespace

TEST_CASE("every bargaining protocol's name reads back to the protocol", "[names]") {
  CHECK(bargaining_protocol_names() == std::vector<std::string>{"mediated", "alternating"});
  check_round_trip<BargainingProtocol>(bargaining_protocol_names(), parse_bargaining_protocol);
  CHECK(parse_bargaining_protocol("alternating") == BargainingProtocol::alternating);
  CHECK_FALSE(parse_bargaining_protocol("Mediated").has_value());
}

TEST_CASE("every input grouping's name reads back to the grouping", "[names]") {
  CHECK(input_grouping_names() == std::vector<std::string>{"none", "actor", "issue-group", "scenario"});
  check_round_trip<InputGrouping>(input_grouping_names(), parse_input_grouping);
  CHECK(parse_input_grouping("issue-group") == InputGrouping::issue_group);
  CHECK_FALSE(parse_input_grouping("issue_group").has_value());
}

TEST_CASE("every base sampling's name reads back to the sampling, the default first", "[names]") {
  CHECK(base_sampling_names() == std::vector<std::string>{"sobol", "philox"});
  CHECK(base_sampling_names().front() == name_of(SobolSettings{}.sampling));
  check_round_trip<BaseSampling>(base_sampling_names(), parse_base_sampling);
  CHECK(parse_base_sampling("philox") == BaseSampling::philox);
}
