#pragma once
// UTF-8 text as parley accepts and prints it: one decoder for the scenario
// loader, the command line and every output.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace parley {

/// The code point of the UTF-8 sequence at text[at] and its length in bytes,
/// or a length of 0 when it is not well-formed UTF-8 (RFC 3629: overlong
/// forms, surrogates and code points above U+10FFFF included).
std::pair<char32_t, std::size_t> decode_utf8(std::string_view text, std::size_t at);

/// A control character: C0, DEL or C1.
constexpr bool is_control(char32_t code) {
  return code < 0x20 || (code >= 0x7F && code <= 0x9F);
}

/// The text with every byte sequence that is not valid UTF-8 and every
/// control character other than tab and newline (C0, DEL, C1) replaced by
/// U+FFFD: no output carries raw terminal escapes, NULs or broken UTF-8.
std::string printable(std::string_view text);

/// Empty when the text is valid UTF-8 without control characters; else what
/// is wrong with it ("not valid UTF-8", "holds the control character U+001B").
std::string text_problem(std::string_view text);

}  // namespace parley
