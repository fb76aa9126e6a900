#pragma once
// A checked scenario: plain data produced by the loader (parley_io) after
// validation. Everything here is in the units of the scenario file.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/core/distribution.hpp"

namespace parley {

/// A place in a scenario file; line and column are 1-based (0 when unknown).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

/// A model parameter: a number or a distribution, and the path that names it
/// as an uncertain input (e.g. `actors.ukraine.reservation`).
struct Parameter {
  Distribution dist;
  std::string path;
  Interval allowed;  // the parameter's domain; draws are conditioned on it
  SourceLocation where;
  [[nodiscard]] bool is_uncertain() const { return !dist.is_fixed(); }
};

struct Source {
  std::string id, outlet, date, title, file, url, note;
};

enum class IssueType : std::uint8_t { continuous, binary };

/// "continuous" or "binary": the type's name in scenario files and outputs.
std::string_view name_of(IssueType type);
std::optional<IssueType> parse_issue_type(std::string_view name);
std::vector<std::string> issue_type_names();

struct Issue {
  std::string id, label, unit, group, note;
  IssueType type = IssueType::continuous;
  double lo = 0.0;
  double hi = 1.0;
  /// The issue value normalised to [0, 1] by its range.
  [[nodiscard]] double normalise(double value) const { return (value - lo) / (hi - lo); }
  [[nodiscard]] double denormalise(double z) const { return lo + z * (hi - lo); }
};

struct Position {
  std::size_t issue = 0;  // index into Scenario::issues
  Parameter ideal;        // in issue units
  Parameter salience;     // >= 0, normalised per actor and draw
  std::string source, quote, note;
};

struct Actor {
  std::string id, name, note;
  bool veto = false;
  bool mediator = false;
  Parameter capability;   // > 0
  Parameter rationality;  // logit precision lambda > 0
  Parameter rho;          // loss curvature >= 1
  Parameter reservation;  // utility of no deal, [0, 1]
  // Used by the bargaining game only (not by `run` or the sensitivity analyses):
  Parameter drift{Distribution::fixed(0.0), "", {-1.0, 1.0}, {}};    // change of the reservation per round
  Parameter discount{Distribution::fixed(1.0), "", {0.0, 1.0}, {}};  // per-round discount factor, (0, 1]
  std::vector<Position> positions;
};

/// A directed edge `from -> to`: `to`'s stance is pulled toward `from`'s.
struct Relation {
  std::size_t from = 0;
  std::size_t to = 0;
  Parameter weight;  // signed, |w| < 1
  std::string kind, source, note;
};

struct Proposal {
  std::string id, label, source, note;
  std::vector<double> terms;  // one value per issue, in issue units
};

/// One `--set`-style change an exercise makes: the value at `path` becomes
/// `value` (YAML scalar text, as on the command line).
struct ExerciseChange {
  std::string path, value;
  SourceLocation where;
};

/// A classroom exercise (the `exercises:` list): a question about the
/// scenario, optionally with a proposal to look at and changes to try.
struct Exercise {
  std::string title, question, hint;
  std::string proposal;  // a proposal id, or empty
  std::vector<ExerciseChange> changes;
  SourceLocation where;
};

/// The most rounds a bargaining game may have (a file's or --rounds).
inline constexpr std::size_t kMaxBargainingRounds = 10000;

enum class BargainingProtocol : std::uint8_t { mediated, alternating };

/// "mediated" or "alternating": the protocol's name in scenario files, on the
/// command line and in the outputs.
std::string_view name_of(BargainingProtocol protocol);
/// The protocol named `name`, if any.
std::optional<BargainingProtocol> parse_bargaining_protocol(std::string_view name);
/// Every protocol's name, in the order they are listed ("expected one of").
std::vector<std::string> bargaining_protocol_names();

/// Defaults of `parley bargain` (the `bargaining:` section); the command line
/// overrides them.
struct BargainingDefaults {
  BargainingProtocol protocol = BargainingProtocol::mediated;
  std::size_t rounds = 20;
  double step = 0.25;    // the mediator's concession step, (0, 1]
  std::string proposal;  // where the mediator starts; empty: the first proposal
};

struct SimulationDefaults {
  std::uint64_t draws = 100000;
  std::uint64_t seed = 1;
};

struct Scenario {
  std::string file;  // where it was read from
  int schema = 1;
  std::string title, as_of, description;
  std::vector<Source> sources;
  std::vector<Issue> issues;
  std::vector<Actor> actors;
  std::vector<Relation> relations;
  std::vector<Proposal> proposals;
  SimulationDefaults simulation;
  BargainingDefaults bargaining;
  std::vector<Exercise> exercises;
  /// Named groups of uncertain inputs (by path) for sensitivity analyses.
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;

  [[nodiscard]] std::optional<std::size_t> find_actor(const std::string& id) const;
  [[nodiscard]] std::optional<std::size_t> find_issue(const std::string& id) const;
  [[nodiscard]] std::optional<std::size_t> find_proposal(const std::string& id) const;
  /// Every parameter of the scenario in a fixed order (actors, then relations).
  [[nodiscard]] std::vector<const Parameter*> parameters() const;
};

}  // namespace parley
