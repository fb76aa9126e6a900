// Every bad input is answered fast: each file of tests/data/bad, and the bad
// `--set` options below, make `parley validate` exit with status 2 and a
// located message, within 2 s and 200 MB (issue 10). A hang is killed after
// 20 s and fails the test instead of blocking the suite.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "process.hpp"

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// The sanitizers' shadow memory and checks cost time and memory of their own.
constexpr double kMaxSeconds = kSanitized ? 10.0 : 2.0;
constexpr long kMaxKilobytes = (kSanitized ? 600L : 200L) * 1024L;
constexpr double kKillAfterSeconds = 20.0;

struct Answer {
  int status = -1;          // exit status, or -1 when killed or crashed
  double seconds = 0.0;     // wall time
  long max_kilobytes = 0;   // peak resident memory
  std::string first_error;  // the first line of standard error
};

// Runs parley with `args` from the source directory, stdout discarded.
Answer answer_of(const std::vector<std::string>& args) {
  const std::filesystem::path err_file =
      std::filesystem::temp_directory_path() / ("parley_bad_input_" + std::to_string(::getpid()));
  const auto start = std::chrono::steady_clock::now();
  std::fflush(nullptr);  // else the child flushes our buffered output a second time
  const pid_t child = ::fork();
  if (child == 0) {
    if (::chdir(PARLEY_SOURCE_DIR) != 0) ::_exit(126);
    if (std::freopen("/dev/null", "w", stdout) == nullptr) ::_exit(126);
    if (std::freopen(err_file.c_str(), "w", stderr) == nullptr) ::_exit(126);
    std::vector<char*> argv;
    std::string binary = PARLEY_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copies = args;
    for (auto& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  Answer answer;
  int raw = 0;
  rusage usage{};
  for (;;) {
    const pid_t done = ::wait4(child, &raw, WNOHANG, &usage);
    if (done == child) break;
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    if (elapsed.count() > kKillAfterSeconds) {
      ::kill(child, SIGKILL);
      ::wait4(child, &raw, 0, &usage);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  answer.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  answer.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  answer.max_kilobytes = usage.ru_maxrss;
  const std::string err = parley::testing::read_file(err_file);
  answer.first_error = err.substr(0, err.find('\n'));
  std::filesystem::remove(err_file);
  return answer;
}

void check_fast_and_located(const Answer& a, const std::string& where) {
  INFO("first error: " << a.first_error);
  CHECK(a.status == 2);
  CHECK(a.seconds < kMaxSeconds);
  CHECK(a.max_kilobytes < kMaxKilobytes);
  // file:line:column (or --set ...: for an option) and then the message.
  CHECK_THAT(a.first_error, Catch::Matchers::StartsWith(where));
  CHECK_THAT(a.first_error, Catch::Matchers::Contains(": error: "));
}

}  // namespace

TEST_CASE("every file in tests/data/bad is refused fast, with its location", "[cli][limits]") {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PARLEY_SOURCE_DIR) + "/tests/data/bad")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 30);
  for (const auto& file : files) {
    const std::string relative = "tests/data/bad/" + file.filename().string();
    SECTION(file.filename().string()) {
      const Answer a = answer_of({"validate", relative});
      check_fast_and_located(a, relative + ":");
      // Every file error here has a line: only a missing or unreadable file has none.
      CHECK_THAT(a.first_error, Catch::Matchers::Matches(".*\\.yaml:[0-9]+:[0-9]+: error: .*"));
    }
  }
}

TEST_CASE("bad --set options are refused fast, naming the option", "[cli][limits]") {
  // The option and how its message starts: the loader names the option; the
  // command line refuses text that is not UTF-8 before it reads any file.
  const std::vector<std::pair<std::string, std::string>> options = {
      {"actors.99999999999999999999999.rho=2", "--set "},  // an index past any list
      {"title=a\xff\xfe", "parley: error: "},              // not UTF-8
      {"title=,", "--set "},                               // a stray comma
      {"title=\"a\\0b\"", "--set "},                       // a NUL character
      {"title=" + std::string(100000, '['), "--set "},     // deep nesting
      {"actors.northfield.name=" + std::string(5000, 'x'), "--set "},
  };
  for (const auto& [option, where] : options) {
    SECTION(option.substr(0, 40)) {
      check_fast_and_located(answer_of({"validate", "scenarios/classroom-two-party.yaml", "--set", option}), where);
    }
  }
}
