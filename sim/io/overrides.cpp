#include <string>

#include "parley/io/scenario_loader.hpp"

namespace parley {

Override parse_override(std::string_view text) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == text.size()) {
    throw ScenarioError(
        {{{"--set", 0, 0},
          "expected PATH=VALUE (e.g. actors.ukraine.reservation.mean=0.5), got '" + std::string(text) + "'"}});
  }
  return {std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
}

}  // namespace parley
