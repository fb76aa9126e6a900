#pragma once
// The largest inputs parley reads. Every limit is checked before the work it
// bounds, so no file or option can make parley hang or exhaust memory; each
// is stated in docs/input-limits.md with the error it gives.

#include <cstddef>

namespace parley::limits {

/// A scenario file (and any `--set` value), in bytes.
inline constexpr std::size_t kFileBytes = 32 * 1024 * 1024;
/// YAML nodes written in the file (scalars, lists, maps, aliases). The
/// loader's tree holds about 200 bytes a node: a million nodes take about
/// 200 MB and 1.3 s to read.
inline constexpr std::size_t kNodes = 1'000'000;
/// Nodes a reader would visit with every alias expanded: an alias counts the
/// size of the node it refers to, which stops "billion laughs" alias bombs.
inline constexpr std::size_t kExpandedNodes = 2'000'000;
/// Lists and maps inside one another; a scenario needs about 6.
inline constexpr std::size_t kNestingDepth = 64;

/// Ids of actors, issues, sources, proposals and groups, in characters.
inline constexpr std::size_t kIdLength = 64;
/// Short text: titles, names, labels, units, outlets, kinds, urls.
inline constexpr std::size_t kShortText = 1'000;
/// Long text: descriptions, quotes and notes.
inline constexpr std::size_t kLongText = 20'000;

inline constexpr std::size_t kActors = 20'000;
inline constexpr std::size_t kIssues = 1'000;
inline constexpr std::size_t kRelations = 100'000;
inline constexpr std::size_t kProposals = 1'000;
/// Exercises: each one with `set:` changes is checked by reading the file again.
inline constexpr std::size_t kExercises = 50;
inline constexpr std::size_t kSources = 10'000;

/// Errors listed for one file; the count of the rest follows them.
inline constexpr std::size_t kReportedErrors = 200;

}  // namespace parley::limits
