#pragma once
// Output files are written atomically: a temporary file beside the target,
// flushed, then renamed over it. An interrupted run never leaves a
// half-written result.

#include <string>
#include <string_view>

namespace parley {

/// Throws std::runtime_error (naming the path and the reason) on failure;
/// the target is then untouched.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace parley
