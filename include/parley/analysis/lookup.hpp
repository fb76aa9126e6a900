#pragma once
// Names on the command line resolved against the scenario, with an
// InputError naming the known ones when a name is not there.

#include <cstddef>
#include <string>

#include "parley/core/errors.hpp"
#include "parley/core/scenario.hpp"

namespace parley {

/// The index of proposal `id`; throws InputError naming the known ones.
std::size_t require_proposal(const Scenario& scenario, const std::string& id);

/// The index of actor `id`; throws InputError naming the known ones.
std::size_t require_actor(const Scenario& scenario, const std::string& id);

}  // namespace parley
