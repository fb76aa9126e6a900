#pragma once
// Builds small scenarios in code for model and engine tests.

#include <limits>
#include <string>

#include "parley/core/scenario.hpp"

namespace parley::testing {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

inline Parameter param(Distribution d, std::string path, Interval allowed) {
  Parameter p;
  p.dist = d;
  p.path = std::move(path);
  p.allowed = allowed;
  return p;
}

inline Parameter fixed(double v, Interval allowed = {-kInf, kInf}) {
  return param(Distribution::fixed(v), "", allowed);
}

/// An actor with fixed parameters and no positions yet.
inline Actor actor(const std::string& id, double reservation, double rationality, bool veto = true,
                   double capability = 1.0, double rho = 1.0) {
  Actor a;
  a.id = id;
  a.name = id;
  a.veto = veto;
  a.capability = param(Distribution::fixed(capability), "actors." + id + ".capability", {0, kInf});
  a.rationality = param(Distribution::fixed(rationality), "actors." + id + ".rationality", {0, kInf});
  a.rho = param(Distribution::fixed(rho), "actors." + id + ".rho", {1, kInf});
  a.reservation = param(Distribution::fixed(reservation), "actors." + id + ".reservation", {0, 1});
  return a;
}

inline Position position(std::size_t issue, Distribution ideal, Distribution salience, Interval range = {0, 1}) {
  Position p;
  p.issue = issue;
  p.ideal = param(ideal, "ideal" + std::to_string(issue), range);
  p.salience = param(salience, "salience" + std::to_string(issue), {0, kInf});
  return p;
}

inline Issue issue(const std::string& id, double lo = 0.0, double hi = 1.0) {
  Issue i;
  i.id = id;
  i.label = id;
  i.lo = lo;
  i.hi = hi;
  return i;
}

inline Relation relation(std::size_t from, std::size_t to, Distribution weight) {
  Relation r;
  r.from = from;
  r.to = to;
  r.weight = param(weight, "relations.weight", {-1, 1});
  return r;
}

inline Proposal proposal(const std::string& id, std::vector<double> terms) {
  Proposal p;
  p.id = id;
  p.label = id;
  p.terms = std::move(terms);
  return p;
}

}  // namespace parley::testing
