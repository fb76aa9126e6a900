#pragma once
// What an enum's name table is built from: a constexpr function naming each
// value (a switch with no default, so that -Wswitch flags a value without a
// name) and the values in the order they are listed to users. Parsing and the
// list of names are derived from those two; lists_every_named_value() checks,
// at compile time, that the list and the switch agree.

#include <array>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace parley::detail {

/// Whether `values` lists every value that `name` names, each once, and no
/// value without a name. Checked over the whole range of an 8-bit enum.
template <class Enum, std::size_t N, class Name>
constexpr bool lists_every_named_value(const std::array<Enum, N>& values, Name name) {
  using Underlying = std::underlying_type_t<Enum>;
  static_assert(sizeof(Underlying) == 1, "the check runs over every value of an 8-bit enum");
  for (unsigned u = 0; u <= std::numeric_limits<Underlying>::max(); ++u) {
    const auto value = static_cast<Enum>(u);
    std::size_t listed = 0;
    for (const Enum v : values) listed += v == value ? 1 : 0;
    if (listed != (name(value).empty() ? 0U : 1U)) return false;
  }
  return true;
}

/// The value named `text`, if any.
template <class Enum, std::size_t N, class Name>
std::optional<Enum> parse_name(std::string_view text, const std::array<Enum, N>& values, Name name) {
  for (const Enum v : values) {
    if (name(v) == text) return v;
  }
  return std::nullopt;
}

/// The names of `values`, in order.
template <class Enum, std::size_t N, class Name>
std::vector<std::string> names_of(const std::array<Enum, N>& values, Name name) {
  std::vector<std::string> names;
  names.reserve(N);
  for (const Enum v : values) names.emplace_back(name(v));
  return names;
}

}  // namespace parley::detail
