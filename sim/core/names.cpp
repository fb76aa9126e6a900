// The name tables of the core's enums: each value's name in one switch, the
// order they are listed in one array (parley/core/name_table.hpp).

#include <array>

#include "parley/core/name_table.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/sensitivity.hpp"

namespace parley {

namespace {

constexpr std::string_view protocol_name(BargainingProtocol protocol) {
  switch (protocol) {
    case BargainingProtocol::mediated:
      return "mediated";
    case BargainingProtocol::alternating:
      return "alternating";
  }
  return {};
}
constexpr std::array kProtocols = {BargainingProtocol::mediated, BargainingProtocol::alternating};
static_assert(detail::lists_every_named_value(kProtocols, protocol_name));

constexpr std::string_view sampling_name(BaseSampling sampling) {
  switch (sampling) {
    case BaseSampling::philox:
      return "philox";
    case BaseSampling::sobol:
      return "sobol";
  }
  return {};
}
// The default first.
constexpr std::array kSamplings = {BaseSampling::sobol, BaseSampling::philox};
static_assert(detail::lists_every_named_value(kSamplings, sampling_name));

constexpr std::string_view issue_type_name(IssueType type) {
  switch (type) {
    case IssueType::continuous:
      return "continuous";
    case IssueType::binary:
      return "binary";
  }
  return {};
}
constexpr std::array kIssueTypes = {IssueType::continuous, IssueType::binary};
static_assert(detail::lists_every_named_value(kIssueTypes, issue_type_name));

}  // namespace

std::string_view name_of(IssueType type) {
  return issue_type_name(type);
}
std::optional<IssueType> parse_issue_type(std::string_view name) {
  return detail::parse_name(name, kIssueTypes, issue_type_name);
}
std::vector<std::string> issue_type_names() {
  return detail::names_of(kIssueTypes, issue_type_name);
}

std::string_view name_of(BargainingProtocol protocol) {
  return protocol_name(protocol);
}
std::optional<BargainingProtocol> parse_bargaining_protocol(std::string_view name) {
  return detail::parse_name(name, kProtocols, protocol_name);
}
std::vector<std::string> bargaining_protocol_names() {
  return detail::names_of(kProtocols, protocol_name);
}

std::string_view name_of(BaseSampling sampling) {
  return sampling_name(sampling);
}
std::optional<BaseSampling> parse_base_sampling(std::string_view name) {
  return detail::parse_name(name, kSamplings, sampling_name);
}
std::vector<std::string> base_sampling_names() {
  return detail::names_of(kSamplings, sampling_name);
}

}  // namespace parley
