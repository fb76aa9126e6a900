#include "parley/core/scenario.hpp"

namespace parley {

namespace {
template <class T>
std::optional<std::size_t> find_by_id(const std::vector<T>& items, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) return i;
  }
  return std::nullopt;
}
}  // namespace

std::optional<std::size_t> Scenario::find_actor(const std::string& id) const {
  return find_by_id(actors, id);
}
std::optional<std::size_t> Scenario::find_issue(const std::string& id) const {
  return find_by_id(issues, id);
}
std::optional<std::size_t> Scenario::find_proposal(const std::string& id) const {
  return find_by_id(proposals, id);
}

std::vector<const Parameter*> Scenario::parameters() const {
  std::vector<const Parameter*> all;
  for (const auto& a : actors) {
    all.insert(all.end(), {&a.capability, &a.rationality, &a.rho, &a.reservation});
    for (const auto& p : a.positions) all.insert(all.end(), {&p.ideal, &p.salience});
  }
  for (const auto& r : relations) all.push_back(&r.weight);
  return all;
}

}  // namespace parley
