#pragma once
// How the loader quotes a scenario in its messages (internal to parley_io):
// user text escaped and cut, numbers, intervals, lists and "did you mean".

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/core/distribution.hpp"
#include "yaml_document.hpp"

namespace parley::io {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

/// The length of the well-formed UTF-8 sequence at text[i], or 0.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

/// The offset of the first byte that is not well-formed UTF-8, if any.
std::optional<std::size_t> invalid_utf8(std::string_view text);

/// User text as it appears in a message: control characters escaped and long
/// text cut after `max_length` bytes.
std::string shown(std::string_view text, std::size_t max_length = 60);

/// " (did you mean 'x'?)" when a candidate is close enough to be a typo, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// A list for "expected one of ...": the first 20 items, then how many in all.
std::string join(const std::vector<std::string>& items);

/// "a or b", "a, b or c": a short list of alternatives in words.
std::string or_list(const std::vector<std::string>& items);

/// A number as messages print it ("inf" and "-inf" included).
std::string number_text(double x);

/// "[lo, hi]", with "(" or ")" for an open end.
std::string interval_text(Interval i, bool open_lo = false, bool open_hi = false);

/// What a node holds, for "got ..." in messages.
std::string describe(const YamlNode& node);

}  // namespace parley::io
