#include "parley/io/utf8.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace parley {
namespace {
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
}  // namespace

std::pair<char32_t, std::size_t> decode_utf8(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t code = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, code = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code = lead & 0x07, minimum = 0x10000;
  } else {
    return {0, 0};
  }
  if (at + length > text.size()) return {0, 0};
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return {0, 0};
    code = (code << 6) | (byte(k) & 0x3F);
  }
  if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {0, 0};
  return {code, length};
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const auto [code, length] = decode_utf8(text, at);
    if (length == 0) {
      out += kReplacement;
      ++at;
      continue;
    }
    if (is_control(code) && code != '\n' && code != '\t') {
      out += kReplacement;
    } else {
      out.append(text.substr(at, length));
    }
    at += length;
  }
  return out;
}

std::string text_problem(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const auto [code, length] = decode_utf8(text, at);
    if (length == 0) return "not valid UTF-8";
    if (is_control(code)) return fmt::format("holds the control character U+{:04X}", static_cast<std::uint32_t>(code));
    at += length;
  }
  return {};
}

}  // namespace parley
