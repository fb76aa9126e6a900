#include "parley/io/atomic_file.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <vector>

namespace parley {

namespace {

// The registry the signal handler reads: fixed storage and lock-free atomics
// only, as a handler may touch nothing else (POSIX async-signal safety).
constexpr int kSlots = 8;
constexpr std::size_t kPathBytes = 4096;
enum SlotState : int { kFree = 0, kFilling = 1, kReady = 2 };
struct Slot {
  std::atomic<int> state{kFree};
  bool directory = false;
  std::array<char, kPathBytes> path{};
};
std::array<Slot, kSlots> slots;
std::atomic<pid_t> child_process{0};
static_assert(std::atomic<int>::is_always_lock_free && std::atomic<pid_t>::is_always_lock_free);

extern "C" void remove_temporaries_and_die(int signal_number) {
  const pid_t child = child_process.load();
  if (child > 0) ::kill(child, SIGTERM);
  // Files first, then the directories that held them.
  for (const bool directories : {false, true}) {
    for (Slot& slot : slots) {
      if (slot.state.load() != kReady || slot.directory != directories) continue;
      if (directories) {
        ::rmdir(slot.path.data());
      } else {
        ::unlink(slot.path.data());
      }
    }
  }
  // Die of the signal as if there had been no handler (the exit status
  // tells the shell what happened).
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

int register_path(const std::string& path, bool directory) {
  if (path.size() >= kPathBytes) return -1;  // removed by the destructor only
  for (int k = 0; k < kSlots; ++k) {
    int expected = kFree;
    if (!slots[k].state.compare_exchange_strong(expected, kFilling)) continue;
    std::memcpy(slots[k].path.data(), path.c_str(), path.size() + 1);
    slots[k].directory = directory;
    slots[k].state.store(kReady);
    return k;
  }
  return -1;
}

void unregister_path(int slot) {
  if (slot >= 0) slots[slot].state.store(kFree);
}

// Tests interrupt a write between its temporary file and the rename.
void stall_for_tests() {
  if (std::getenv("PARLEY_TEST_STALL_BEFORE_RENAME") != nullptr) ::sleep(30);
}

}  // namespace

void install_temporary_cleanup() {
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    // A signal ignored by whoever started parley (nohup, a background job)
    // stays ignored.
    struct sigaction current {};
    if (::sigaction(signal_number, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
    struct sigaction action {};
    action.sa_handler = remove_temporaries_and_die;
    sigemptyset(&action.sa_mask);
    // Block the other cleanup signals while one is handled.
    for (const int other : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&action.sa_mask, other);
    ::sigaction(signal_number, &action, nullptr);
  }
}

void set_temporary_child(pid_t child) {
  child_process.store(child);
}

TemporaryPath::TemporaryPath(std::string path, bool directory)
    : path_(std::move(path)), directory_(directory), slot_(register_path(path_, directory)) {}

TemporaryPath::~TemporaryPath() {
  const int slot = slot_;
  keep();
  if (slot == -2) return;  // kept
  std::error_code ignored;
  if (directory_) {
    std::filesystem::remove_all(path_, ignored);
  } else {
    std::filesystem::remove(path_, ignored);
  }
}

void TemporaryPath::keep() {
  unregister_path(slot_);
  slot_ = -2;
}

void write_file_atomically(const std::string& path, std::string_view content) {
  const std::filesystem::path target(path);
  if (path.empty()) throw std::runtime_error("cannot write '': expected a file name");
  // A rename would replace a device, a link or a directory with a plain file.
  std::error_code error;
  const auto status = std::filesystem::symlink_status(target, error);
  if (!error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    throw std::runtime_error("cannot write '" + path +
                             "': it exists and is not a regular file (a link, device or directory); parley replaces "
                             "only regular files");
  }
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  // No signal between creating the file and registering it.
  sigset_t cleanup_signals;
  sigset_t previous;
  sigemptyset(&cleanup_signals);
  for (const int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&cleanup_signals, s);
  ::pthread_sigmask(SIG_BLOCK, &cleanup_signals, &previous);
  const int fd = ::mkstemp(name.data());
  const int mkstemp_errno = errno;
  std::optional<TemporaryPath> temp;
  if (fd >= 0) {
    try {
      temp.emplace(std::string(name.data()), false);
    } catch (...) {
      ::unlink(name.data());
      ::close(fd);
      ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
      throw;
    }
  }
  ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  if (fd < 0) throw std::runtime_error("cannot write '" + path + "': " + std::strerror(mkstemp_errno));
  // From here every failure path, exceptions included, removes the file (~TemporaryPath).
  bool open = true;
  auto fail = [&](const char* what) {
    const std::string reason = std::strerror(errno);
    if (open) ::close(fd);
    throw std::runtime_error("cannot write '" + path + "': " + what + ": " + reason);
  };
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write");
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp creates 0600; results are ordinary files.
  if (::fchmod(fd, 0644) != 0) fail("chmod");
  stall_for_tests();
  if (::fsync(fd) != 0) fail("fsync");
  open = false;
  if (::close(fd) != 0) fail("close");
  if (std::rename(temp->path().c_str(), path.c_str()) != 0) fail("rename");
  temp->keep();
}

}  // namespace parley
