#pragma once
// The processes a computation is split over: MPI ranks under mpirun or srun
// (sim/mpi), one process otherwise. The core sees only this interface, so it
// neither includes nor links MPI. The deterministic loops of parallel.hpp
// split their chunks over the processes and all-gather the partial results;
// every process then merges them in chunk order and holds the same result
// (docs/cluster.md). A process that fails tells the others at the next
// exchange, so that every process ends with the same exit status, never a
// hang.

#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace parley {

/// What a failed process reports: its exit status and the text it would print.
struct ProcessFailure {
  int status = 1;
  std::string message;
};

/// Thrown on the processes that did not fail, when another one did: carries
/// the failure of the lowest-ranked process that failed.
class PeerFailure : public std::runtime_error {
 public:
  explicit PeerFailure(ProcessFailure failure) : std::runtime_error(failure.message), failure_(std::move(failure)) {}
  [[nodiscard]] const ProcessFailure& failure() const { return failure_; }

 private:
  ProcessFailure failure_;
};

class Cluster {
 public:
  Cluster() = default;
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;
  virtual ~Cluster() = default;

  [[nodiscard]] virtual int rank() const = 0;
  [[nodiscard]] virtual int size() const = 0;
  /// Collective: every process's buffer, in rank order. All processes call
  /// it the same number of times.
  virtual std::vector<std::string> all_gather(const std::string& mine) = 0;

  /// Collective: all_gather of the payloads when no process failed. When
  /// `failure` is set (this process's exception) or another process failed,
  /// every process throws: its own exception, or PeerFailure.
  std::vector<std::string> exchange(const std::string& payload, std::exception_ptr failure = nullptr);

  /// Collective, once at the end of a run, unless an exchange has already
  /// agreed on a failure: every process's exit status. Returns the failure of
  /// the lowest-ranked process that failed, if any (its message included,
  /// for rank 0 to print when it did not fail itself).
  std::optional<ProcessFailure> conclude(const ProcessFailure& mine);

  /// The failure an exchange agreed on, if one did (then every process ends
  /// with its status, and none calls conclude).
  [[nodiscard]] const std::optional<ProcessFailure>& agreed_failure() const { return agreed_; }

  /// How this process describes an exception to the others (the CLI's exit
  /// status and message); by default InputError is status 2, anything else 1.
  void set_describer(std::function<ProcessFailure(std::exception_ptr)> describe) { describe_ = std::move(describe); }

  /// True when a loop should be split over the processes: more than one
  /// process, and not already inside a split loop (a loop nested in a chunk
  /// runs where the chunk runs).
  [[nodiscard]] bool distributing() const { return size() > 1 && depth_.load() == 0; }

  /// Marks the work of this process's own chunks, during which nested loops
  /// stay local.
  class Local {
   public:
    explicit Local(Cluster& cluster) : cluster_(cluster) { ++cluster_.depth_; }
    ~Local() { --cluster_.depth_; }
    Local(const Local&) = delete;
    Local& operator=(const Local&) = delete;

   private:
    Cluster& cluster_;
  };

 private:
  std::function<ProcessFailure(std::exception_ptr)> describe_;
  std::optional<ProcessFailure> agreed_;
  std::atomic<int> depth_{0};
};

/// One process: rank 0 of 1.
class SingleProcess final : public Cluster {
 public:
  [[nodiscard]] int rank() const override { return 0; }
  [[nodiscard]] int size() const override { return 1; }
  std::vector<std::string> all_gather(const std::string& mine) override { return {mine}; }
};

/// The process's cluster: a SingleProcess unless `use_cluster` set another
/// (the executable does, under mpirun). Like the thread pool, one per process.
Cluster& cluster();
/// Makes `c` the process's cluster (null: back to one process). `c` must
/// outlive its use.
void use_cluster(Cluster* c);

/// Items [lo, hi) of `count` items that process `rank` of `size` takes:
/// contiguous blocks in rank order, sizes differing by at most one.
inline std::pair<std::uint64_t, std::uint64_t> block_of(std::uint64_t count, int rank, int size) {
  const auto r = static_cast<std::uint64_t>(rank);
  const auto n = static_cast<std::uint64_t>(size);
  return {count * r / n, count * (r + 1) / n};
}

}  // namespace parley
