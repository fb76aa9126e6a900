#include "parley/analysis/lookup.hpp"

namespace parley {

std::size_t require_proposal(const Scenario& scenario, const std::string& id) {
  if (const auto index = scenario.find_proposal(id)) return *index;
  std::string known;
  for (const auto& p : scenario.proposals) known += (known.empty() ? "" : ", ") + p.id;
  throw InputError("--proposal: unknown proposal '" + id + "': expected one of " + known);
}

std::size_t require_actor(const Scenario& scenario, const std::string& id) {
  if (const auto index = scenario.find_actor(id)) return *index;
  std::string known;
  for (const auto& a : scenario.actors) known += (known.empty() ? "" : ", ") + a.id;
  throw InputError("--actor: unknown actor '" + id + "': expected one of " + known);
}

}  // namespace parley
