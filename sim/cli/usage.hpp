#pragma once
// How parley talks about its command line: the help text (commands in
// groups, option values in words, wrapped to 80 columns), validators whose
// messages say what was expected, and usage errors that name the mistake and
// suggest the likely intent.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parley::cli {

/// A heading of `parley --help` and its commands, in the order listed.
struct CommandGroup {
  std::string title;
  std::vector<std::string> commands;
};

/// The commands of `parley --help`, grouped by what they are for.
const std::vector<CommandGroup>& command_groups();

/// CLI11's formatter with parley's layout: the commands under the headings of
/// command_groups(), each option's value named by a short metavariable and
/// described in words after its description, descriptions wrapped to 80
/// columns. Install it on the main app before adding subcommands (they share it).
class HelpFormatter : public CLI::Formatter {
 public:
  /// Shown after the option's description: "METAVAR is WORDS".
  void describe_value(const CLI::Option* option, std::string words) { value_words_[option] = std::move(words); }

  std::string make_option(const CLI::Option* opt, bool is_positional) const override;
  std::string make_option_opts(const CLI::Option* opt) const override;
  std::string make_option_desc(const CLI::Option* opt) const override;
  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_description(const CLI::App* app) const override;

 private:
  std::map<const CLI::Option*, std::string> value_words_;
};

/// Names an option's value (`--draws N`) and, when `words` is not empty, says
/// in the help what it may be ("N is a whole number from 1 to 10^12").
CLI::Option* value_in_words(CLI::App& cmd, CLI::Option* option, const std::string& metavar,
                            const std::string& words = "");

/// "a whole number from LO to HI" (10^k for round powers of ten from 10^6).
std::string whole_number_words(std::uint64_t lo, std::uint64_t hi);

/// A whole number in [lo, hi]; refuses anything else with "expected a whole
/// number from LO to HI, got 'TEXT'".
CLI::Validator whole_number(std::uint64_t lo, std::uint64_t hi);

/// One of the words; refuses anything else with "expected one of A, B or C,
/// got 'TEXT'", suggesting a near miss.
CLI::Validator one_of(const std::vector<std::string>& words);

/// "A, B or C".
std::string or_list(const std::vector<std::string>& words);

/// `help [COMMAND]`: the same text as `parley --help` or `parley COMMAND --help`.
std::string help_text(const CLI::App& app, const std::string& command);

/// The message of a usage error (after `parley: error: `) and the hint line
/// that follows it.
struct UsageError {
  std::string message;
  std::string hint;
};

/// `unknown command 'rnu'; did you mean 'run'?` when the first word that is
/// not an option names no command (CLI11 would only say that a subcommand is
/// required); nothing when it does or when there is none.
std::optional<UsageError> command_word_error(const CLI::App& app, int argc, const char* const* argv);

/// What went wrong in CLI11's words, in parley's: unknown options with a
/// suggestion, missing values and commands.
UsageError usage_error(const CLI::App& app, const CLI::ParseError& error);

}  // namespace parley::cli
