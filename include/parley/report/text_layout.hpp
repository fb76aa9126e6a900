#pragma once
// Text layout shared by the reports and the CLI's help: fitting UTF-8 text
// into terminal columns and quoting CSV fields.

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace parley::text {

/// A CSV field, quoted as in RFC 4180 when it holds a comma, a quote or a newline.
inline std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

/// A number in a CSV or a JSON-like text field: up to 10 significant digits.
inline std::string csv_number(double x) {
  return fmt::format("{:.10g}", x);
}

/// Cuts a UTF-8 string to at most `width` code points, marking the cut.
inline std::string fit(const std::string& s, std::size_t width) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (points == width) {
        // Back up one code point to make room for the ellipsis.
        std::size_t cut = i - 1;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
        return s.substr(0, cut) + "\xe2\x80\xa6";
      }
      ++points;
    }
  }
  return s;
}

/// Code points in a UTF-8 string (one column each for the text parley prints).
inline std::size_t display_width(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// Pads with blanks on the right to `width` columns.
inline std::string pad(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

/// Width of a table's first column of names: the longest name (or `header`),
/// but no more than what a terminal `width` columns wide leaves beside the
/// `others` columns of the rest of a row, and no less than `minimum`.
inline std::size_t name_column(const std::vector<std::string>& names, const std::string& header, std::size_t width,
                               std::size_t others, std::size_t minimum = 20) {
  std::size_t longest = display_width(header);
  for (const auto& n : names) longest = std::max(longest, display_width(n));
  const std::size_t room = width > others + minimum ? width - others : minimum;
  return std::min(longest, room);
}

/// Breaks a paragraph into lines of at most `width` columns at its spaces
/// (a longer word gets a line of its own); the first line starts with
/// `first_indent`, the others with `indent`. Ends with a newline.
inline std::string wrap(const std::string& paragraph, std::size_t width, const std::string& first_indent = "",
                        const std::string& indent = "") {
  std::string out;
  std::string line = first_indent;
  std::size_t line_width = display_width(first_indent);
  bool line_has_word = false;
  std::size_t start = 0;
  while (start <= paragraph.size()) {
    std::size_t end = paragraph.find(' ', start);
    if (end == std::string::npos) end = paragraph.size();
    const std::string word = paragraph.substr(start, end - start);
    const std::size_t word_width = display_width(word);
    if (line_has_word && line_width + 1 + word_width > width) {
      out += line + "\n";
      line = indent;
      line_width = display_width(indent);
      line_has_word = false;
    }
    if (line_has_word) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += word_width;
    line_has_word = true;
    start = end + 1;
  }
  return out + line + "\n";
}

/// Removes blanks at the ends of lines: editors strip them and diffs then show noise.
inline std::string trim_line_ends(const std::string& text) {
  std::string trimmed;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::size_t last = end;
    while (last > start && text[last - 1] == ' ') --last;
    trimmed.append(text, start, last - start);
    if (end < text.size()) trimmed += '\n';
    start = end + 1;
  }
  return trimmed;
}

}  // namespace parley::text
