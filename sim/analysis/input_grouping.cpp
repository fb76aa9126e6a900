// The name table of InputGrouping (parley/core/name_table.hpp).

#include <array>

#include "parley/analysis/sobol_analysis.hpp"
#include "parley/core/name_table.hpp"

namespace parley {

namespace {

constexpr std::string_view grouping_name(InputGrouping grouping) {
  switch (grouping) {
    case InputGrouping::none:
      return "none";
    case InputGrouping::actor:
      return "actor";
    case InputGrouping::issue_group:
      return "issue-group";
    case InputGrouping::scenario:
      return "scenario";
  }
  return {};
}
constexpr std::array kGroupings = {InputGrouping::none, InputGrouping::actor, InputGrouping::issue_group,
                                   InputGrouping::scenario};
static_assert(detail::lists_every_named_value(kGroupings, grouping_name));

}  // namespace

std::string_view name_of(InputGrouping grouping) {
  return grouping_name(grouping);
}
std::optional<InputGrouping> parse_input_grouping(std::string_view name) {
  return detail::parse_name(name, kGroupings, grouping_name);
}
std::vector<std::string> input_grouping_names() {
  return detail::names_of(kGroupings, grouping_name);
}

}  // namespace parley
