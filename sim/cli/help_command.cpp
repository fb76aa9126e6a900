// `parley help [COMMAND]`: the text of `parley --help` or `parley COMMAND --help`.

#include <iostream>
#include <memory>

#include "commands.hpp"

namespace parley::cli {

Command add_help_command(CLI::App& app, CommonOptions& /*common*/) {
  auto topic = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("help", "Print the list of commands, or the options of COMMAND");
  cmd->group("");  // not listed: the footer names it
  value_in_words(*cmd, cmd->add_option("COMMAND", *topic, "A command"), "COMMAND");
  return {cmd, [&app, topic] {
            const char* words[] = {"parley", topic->c_str()};
            if (const auto wrong = command_word_error(app, topic->empty() ? 1 : 2, words)) return usage_failure(*wrong);
            std::cout << help_text(app, *topic);
            return 0;
          }};
}

}  // namespace parley::cli
