// `parley exercises FILE`: the scenario's classroom exercises, in words.

#include "parley/report/exercises_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "parley/report/common.hpp"
#include "parley/report/text_layout.hpp"
#include "parley/version.hpp"

namespace parley {

namespace {

// A word for a POSIX shell: as it is when it holds only safe characters,
// else in single quotes.
std::string shell_word(const std::string& word) {
  const bool safe = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("_-./=:,+").find(c) != std::string_view::npos;
  });
  if (safe) return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

}  // namespace

std::string exercise_command(const Scenario& scenario, const Exercise& exercise) {
  std::string command = "parley run " + shell_word(scenario.file);
  if (!exercise.proposal.empty()) command += " --proposal " + shell_word(exercise.proposal);
  for (const ExerciseChange& c : exercise.changes) command += " --set " + shell_word(c.path + "=" + c.value);
  return command;
}

std::string exercises_text(const Scenario& scenario, std::size_t width) {
  width = std::max<std::size_t>(width, 40);
  std::string out;
  auto para = [&](const std::string& text, const std::string& first = "", const std::string& rest = "") {
    out += text::wrap(one_line(text), width, first, rest);
  };
  para(scenario.title);
  para(kDisclaimer);
  para(fmt::format("parley {} exercises: {}", kVersion, scenario.file));
  if (scenario.exercises.empty()) {
    out += "\n";
    para("This scenario has no exercises (add an `exercises:` list; see docs/scenario-format.md).");
    return text::trim_line_ends(out);
  }
  for (std::size_t k = 0; k < scenario.exercises.size(); ++k) {
    const Exercise& e = scenario.exercises[k];
    out += "\n";
    const std::string number = fmt::format("{}. ", k + 1);
    const std::string indent(number.size(), ' ');
    para(e.title, number, indent);
    para(e.question, indent, indent);
    if (!e.proposal.empty()) {
      const auto p = scenario.find_proposal(e.proposal);
      para("Proposal: " + (p ? scenario.proposals[*p].label + " (" + e.proposal + ")" : e.proposal), indent,
           indent + "  ");
    }
    for (const ExerciseChange& c : e.changes) para("Change: " + c.path + " = " + c.value, indent, indent + "  ");
    if (!e.hint.empty()) para("Hint: " + e.hint, indent, indent + "  ");
    if (!e.changes.empty()) para("Try: " + exercise_command(scenario, e), indent, indent + "  ");
  }
  return text::trim_line_ends(out);
}

}  // namespace parley
