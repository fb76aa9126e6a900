#include "usage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <memory>
#include <string_view>

#include "parley/report/text_layout.hpp"
#include "parley/io/diagnostics.hpp"

namespace parley::cli {

namespace {

// The help is read in a terminal or a pager; 80 columns fit both.
constexpr std::size_t kHelpWidth = 80;
constexpr std::size_t kOptionColumn = 28;
constexpr std::size_t kCommandColumn = 12;

// The left column and the wrapped description; a left column too wide for
// its place gets a line of its own.
std::string lay_out(const std::string& left, const std::string& description, std::size_t column) {
  const std::string indent(column, ' ');
  if (description.empty()) return left + "\n";
  if (text::display_width(left) + 1 > column) return left + "\n" + text::wrap(description, kHelpWidth, indent, indent);
  return text::wrap(description, kHelpWidth, text::pad(left, column), indent);
}

std::string quoted_list(const std::vector<std::string>& words) {
  std::vector<std::string> quoted;
  quoted.reserve(words.size());
  for (const auto& w : words) quoted.push_back("'" + w + "'");
  return or_list(quoted);
}

// The names a user may type for the app's options (`--draws`, `-h`).
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (const auto& n : opt->get_lnames()) names.push_back("--" + n);
    for (const auto& n : opt->get_snames()) names.push_back("-" + n);
  }
  return names;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

// A typo (closest_match), else the only candidate the word begins (`--prop`
// for `--proposal`).
std::string suggestion(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best = closest_match(word, candidates);
  if (!best.empty() || word.size() < 3) return best;
  for (const auto& c : candidates) {
    if (c.rfind(word, 0) == 0) {
      if (!best.empty()) return "";
      best = c;
    }
  }
  return best;
}

std::string with_suggestion(std::string message, const std::string& best) {
  return best.empty() ? message : message + "; did you mean '" + best + "'?";
}

// The command being parsed: the last subcommand CLI11 selected, else the app.
const CLI::App* selected(const CLI::App& app) {
  const CLI::App* current = &app;
  for (;;) {
    const auto chosen = current->get_subcommands();
    if (chosen.empty()) return current;
    current = chosen.front();
  }
}

std::string hint_for(const CLI::App& app, const CLI::App* command) {
  if (command == &app) return fmt::format("Run '{} help' for the list of commands.", app.get_name());
  return fmt::format("Run '{} help {}' for its options.", app.get_name(), command->get_name());
}

}  // namespace

const std::vector<CommandGroup>& command_groups() {
  static const std::vector<CommandGroup> groups = {
      {"Simulate", {"run", "sweep"}},    {"Study what the answer hinges on", {"tornado", "sobol", "morris"}},
      {"Bargain", {"bargain", "solve"}}, {"Inspect", {"validate", "explain", "graph", "selftest"}},
      {"Teach", {"exercises", "report"}},          {"Output", {"plot"}},
  };
  return groups;
}

std::string HelpFormatter::make_option(const CLI::Option* opt, bool is_positional) const {
  return lay_out("  " + make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt),
                 kOptionColumn);
}

std::string HelpFormatter::make_option_opts(const CLI::Option* opt) const {
  // A positional is its own name; an option names its value, if it takes one.
  if (!opt->nonpositional()) return "";
  if (opt->get_type_size() == 0) return "";
  std::string out;
  if (!opt->get_type_name().empty()) out += " " + opt->get_type_name();
  if (opt->get_expected_max() == CLI::detail::expected_max_vector_size) out += " ...";
  return out;
}

std::string HelpFormatter::make_option_desc(const CLI::Option* opt) const {
  std::string out = opt->get_description();
  const auto words = value_words_.find(opt);
  if (words != value_words_.end()) {
    const std::string metavar = opt->nonpositional() ? opt->get_type_name() : opt->get_name();
    out += fmt::format("; {} is {}", metavar, words->second);
  }
  if (opt->get_required()) out += "; required";
  if (opt->get_expected_max() == CLI::detail::expected_max_vector_size && opt->nonpositional()) {
    out += "; repeatable";
  }
  return out;
}

std::string HelpFormatter::make_description(const CLI::App* app) const {
  std::string out;
  const std::string description = app->get_description();
  std::size_t start = 0;
  while (start < description.size()) {
    std::size_t end = description.find('\n', start);
    if (end == std::string::npos) end = description.size();
    out += text::wrap(description.substr(start, end - start), kHelpWidth);
    start = end + 1;
  }
  return out;
}

std::string HelpFormatter::make_subcommand(const CLI::App* sub) const {
  return lay_out("  " + sub->get_name(), sub->get_description(), kCommandColumn);
}

std::string HelpFormatter::make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const {
  if (mode != CLI::AppFormatMode::Normal) return CLI::Formatter::make_subcommands(app, mode);
  std::string out;
  std::vector<std::string> listed;
  auto section = [&](const std::string& title, const std::vector<const CLI::App*>& subs) {
    if (subs.empty()) return;
    out += "\n" + title + ":\n";
    for (const CLI::App* sub : subs) {
      out += make_subcommand(sub);
      listed.push_back(sub->get_name());
    }
  };
  for (const CommandGroup& group : command_groups()) {
    std::vector<const CLI::App*> subs;
    for (const auto& name : group.commands) {
      for (const CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; })) {
        if (sub->get_name() == name && !sub->get_group().empty()) subs.push_back(sub);
      }
    }
    section(group.title, subs);
  }
  // A command missing from command_groups() still shows, last.
  std::vector<const CLI::App*> others;
  for (const CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; })) {
    if (!sub->get_group().empty() && std::find(listed.begin(), listed.end(), sub->get_name()) == listed.end()) {
      others.push_back(sub);
    }
  }
  section("Other commands", others);
  return out;
}

CLI::Option* value_in_words(CLI::App& cmd, CLI::Option* option, const std::string& metavar, const std::string& words) {
  option->type_name(metavar);
  if (!words.empty()) {
    if (auto formatter = std::dynamic_pointer_cast<HelpFormatter>(cmd.get_formatter())) {
      formatter->describe_value(option, words);
    }
  }
  return option;
}

std::string whole_number_words(std::uint64_t lo, std::uint64_t hi) {
  auto shown = [](std::uint64_t x) {
    int power = 0;
    std::uint64_t y = x;
    while (y >= 10 && y % 10 == 0) {
      y /= 10;
      ++power;
    }
    if (x == std::numeric_limits<std::uint64_t>::max()) return std::string("2^64 - 1");
    return y == 1 && power >= 6 ? fmt::format("10^{}", power) : fmt::format("{}", x);
  };
  return fmt::format("a whole number from {} to {}", shown(lo), shown(hi));
}

CLI::Validator whole_number(std::uint64_t lo, std::uint64_t hi) {
  const std::string words = whole_number_words(lo, hi);
  // The description stays empty: the help gives the words (value_in_words),
  // and CLI11 would append a description to the metavariable.
  return {[lo, hi, words](std::string& text) -> std::string {
            std::uint64_t value = 0;
            const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
            if (text.empty() || result.ec != std::errc() || result.ptr != text.data() + text.size() || value < lo ||
                value > hi) {
              return fmt::format("expected {}, got '{}'", words, text);
            }
            return {};
          },
          ""};
}

CLI::Validator one_of(const std::vector<std::string>& words) {
  return {[words](std::string& text) -> std::string {
            if (std::find(words.begin(), words.end(), text) != words.end()) return {};
            return with_suggestion(
                fmt::format("expected {}, got '{}'",
                            words.size() == 2 ? "either " + quoted_list(words) : "one of " + quoted_list(words), text),
                suggestion(text, words));
          },
          ""};
}

std::string or_list(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (k > 0) out += k + 1 == words.size() ? " or " : ", ";
    out += words[k];
  }
  return out;
}

std::string help_text(const CLI::App& app, const std::string& command) {
  if (command.empty()) return app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
  // As CLI11 prints `parley COMMAND --help`.
  return app.get_subcommand(command)->help(app.get_name());
}

std::optional<UsageError> command_word_error(const CLI::App& app, int argc, const char* const* argv) {
  for (int k = 1; k < argc; ++k) {
    const std::string word = argv[k];
    if (word.empty() || word[0] == '-') continue;
    const std::vector<std::string> names = command_names(app);
    if (std::find(names.begin(), names.end(), word) != names.end()) return std::nullopt;
    return UsageError{with_suggestion(fmt::format("unknown command '{}'", word), suggestion(word, names)),
                      hint_for(app, &app)};
  }
  return std::nullopt;
}

UsageError usage_error(const CLI::App& app, const CLI::ParseError& error) {
  const CLI::App* command = selected(app);
  const std::string hint = hint_for(app, command);
  // Without a command, CLI11 reports the missing command before the option it
  // did not know (`parley --frob`).
  const bool unexpected = dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr ||
                          (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr && command == &app);
  if (unexpected) {
    const std::vector<std::string> extras = command->remaining();
    // An unknown option first: it explains the arguments around it too (the
    // value of `--draw 5` then reads as a second FILE).
    for (const auto& extra : extras) {
      if (extra.size() < 2 || extra[0] != '-' || (extra[1] >= '0' && extra[1] <= '9')) continue;
      const std::string name = extra.substr(0, extra.find('='));
      return {with_suggestion(fmt::format("unknown option '{}'", name), suggestion(name, option_names(*command))),
              hint};
    }
    if (!extras.empty()) {
      return {fmt::format("unexpected argument '{}'", extras.front()), hint};
    }
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr && command == &app) {
    return {"expected a command", hint};
  }
  std::string message = error.what();
  // CLI11: "--draws: 1 required N missing".
  const std::size_t required = message.find(": 1 required ");
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr && required != std::string::npos &&
      message.size() > 8 && message.compare(message.size() - 8, 8, " missing") == 0) {
    message = message.substr(0, required) + ": expected a value";
  }
  return {message, hint};
}

}  // namespace parley::cli
