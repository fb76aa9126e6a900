// How the loader quotes a scenario in its messages.

#include "message_text.hpp"

#include <fmt/format.h>

#include "parley/io/diagnostics.hpp"
#include "parley/io/input_limits.hpp"
#include "parley/io/utf8.hpp"

namespace parley::io {

// The length of the well-formed UTF-8 sequence at text[i], or 0.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  return decode_utf8(text, i).second;
}

// The offset of the first byte that is not well-formed UTF-8, if any.
std::optional<std::size_t> invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

// User text as it appears in a message: control characters escaped (the
// loader reports them; they must not reach the terminal raw) and long text cut.
std::string shown(std::string_view text, std::size_t max_length) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size() && out.size() < max_length) {
    const std::size_t length = utf8_sequence_length(text, i);
    const auto c = static_cast<unsigned char>(text[i]);
    if (length == 0 || (length == 1 && is_control(c))) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
    } else {
      out += text.substr(i, length);
      i += length;
    }
  }
  if (i < text.size()) out += "...";
  return out;
}

// " (did you mean 'x'?)" when a candidate is close enough to be a typo
// (closest_match). Words longer than any id are no typo of one.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > limits::kIdLength) return "";
  const std::string best = closest_match(word, candidates);
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

// A list for "expected one of ...": the first 20 items, then how many in all.
std::string join(const std::vector<std::string>& items) {
  constexpr std::size_t kShown = 20;
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < kShown; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > kShown) out += fmt::format(", ... ({} in all)", items.size());
  return out;
}

std::string or_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    out += (k == 0 ? "" : k + 1 == items.size() ? " or " : ", ") + items[k];
  }
  return out;
}

std::string number_text(double x) {
  if (x == kInf) return "inf";
  if (x == -kInf) return "-inf";
  return fmt::format("{}", x);
}

std::string interval_text(Interval i, bool open_lo, bool open_hi) {
  return (open_lo ? "(" : "[") + number_text(i.lo) + ", " + number_text(i.hi) + (open_hi ? ")" : "]");
}

// What a node holds, for "got ..." in messages.
std::string describe(const YamlNode& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return fmt::format("a list of {} item{}", node.size(), node.size() == 1 ? "" : "s");
  const std::string text = shown(node.Scalar(), 40);
  return node.Tag() == "!" ? "the string \"" + text + "\"" : "'" + text + "'";
}

}  // namespace parley::io
