#pragma once
// Runs the parley executable for end-to-end tests.

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace parley::testing {

struct Outcome {
  int status = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

/// Runs `parley ARGS` from the source directory; ARGS is passed to the shell,
/// after PREFIX (e.g. `ulimit -f 1;` or `TMPDIR=... `).
inline Outcome run_parley(const std::string& args, const std::string& prefix = "") {
  static int counter = 0;
  const std::filesystem::path err_file =
      std::filesystem::temp_directory_path() /
      ("parley_test_err_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  const std::string command = std::string("cd '") + PARLEY_SOURCE_DIR + "' && " + prefix + "'" + PARLEY_BINARY + "' " +
                              args + " 2>'" + err_file.string() + "'";
  Outcome o;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return o;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) o.out.append(buffer.data(), n);
  const int raw = ::pclose(pipe);
  o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::ifstream in(err_file);
  std::stringstream ss;
  ss << in.rdbuf();
  o.err = ss.str();
  std::filesystem::remove(err_file);
  return o;
}

/// The text as one word of the shell, in single quotes.
inline std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace parley::testing
