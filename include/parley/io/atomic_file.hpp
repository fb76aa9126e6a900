#pragma once
// Output files are written atomically: a temporary file beside the target,
// flushed, then renamed over it. An interrupted run never leaves a
// half-written result, nor its temporary file: every temporary path is
// registered, and SIGINT, SIGTERM and SIGHUP remove the registered paths
// before the process dies of the signal.

#include <sys/types.h>

#include <string>
#include <string_view>

namespace parley {

/// Throws std::runtime_error (naming the path and the reason) on failure;
/// the target is then untouched and the temporary file removed.
void write_file_atomically(const std::string& path, std::string_view content);

/// Installs the handlers of SIGINT, SIGTERM and SIGHUP that remove the
/// registered temporary paths (and stop a registered child process), then
/// re-raise the signal with its default action. Call once, early in main.
void install_temporary_cleanup();

/// A temporary file or directory, registered for removal on a signal while
/// it lives and removed (a directory with its contents) when destroyed,
/// unless kept.
class TemporaryPath {
 public:
  TemporaryPath(std::string path, bool directory);
  ~TemporaryPath();
  TemporaryPath(const TemporaryPath&) = delete;
  TemporaryPath& operator=(const TemporaryPath&) = delete;

  const std::string& path() const { return path_; }
  /// The path has been renamed into place: neither a signal nor the
  /// destructor removes it any more.
  void keep();

 private:
  std::string path_;
  bool directory_ = false;
  int slot_ = -1;
};

/// A child process (gnuplot) that a signal stops before the temporary paths
/// are removed; 0 for none.
void set_temporary_child(pid_t child);

}  // namespace parley
