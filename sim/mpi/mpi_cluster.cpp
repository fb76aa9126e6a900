#include "parley/mpi/mpi_cluster.hpp"

#include <mpi.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>

namespace parley {

namespace {

// Set by the launchers: Open MPI's mpirun, PMIx (Open MPI 4+, srun
// --mpi=pmix) and PMI-1/2 (srun --mpi=pmi2, MPICH's Hydra).
bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

class MpiCluster final : public Cluster {
 public:
  MpiCluster(int& argc, char**& argv) {
    // Only the main thread calls MPI; the thread pool never does.
    int provided = 0;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
  ~MpiCluster() override { MPI_Finalize(); }
  MpiCluster(const MpiCluster&) = delete;
  MpiCluster& operator=(const MpiCluster&) = delete;

  [[nodiscard]] int rank() const override { return rank_; }
  [[nodiscard]] int size() const override { return size_; }

  // The sizes first, then the bytes in rounds of at most INT_MAX / size a
  // process, since MPI counts are ints.
  std::vector<std::string> all_gather(const std::string& mine) override {
    const auto n = static_cast<std::size_t>(size_);
    const auto length = static_cast<std::uint64_t>(mine.size());
    std::vector<std::uint64_t> lengths(n);
    MPI_Allgather(&length, 1, MPI_UINT64_T, lengths.data(), 1, MPI_UINT64_T, MPI_COMM_WORLD);
    std::vector<std::string> all(n);
    for (std::size_t r = 0; r < n; ++r) all[r].resize(static_cast<std::size_t>(lengths[r]));
    const std::uint64_t piece = static_cast<std::uint64_t>(INT_MAX) / n;
    const std::uint64_t longest = *std::max_element(lengths.begin(), lengths.end());
    std::vector<int> counts(n), displacements(n);
    std::string received;
    for (std::uint64_t offset = 0; offset < longest; offset += piece) {
      int total = 0;
      for (std::size_t r = 0; r < n; ++r) {
        counts[r] = static_cast<int>(std::min(piece, lengths[r] - std::min(lengths[r], offset)));
        displacements[r] = total;
        total += counts[r];
      }
      received.resize(static_cast<std::size_t>(total));
      const auto me = static_cast<std::size_t>(rank_);
      MPI_Allgatherv(mine.data() + std::min<std::uint64_t>(offset, length), counts[me], MPI_BYTE, received.data(),
                     counts.data(), displacements.data(), MPI_BYTE, MPI_COMM_WORLD);
      for (std::size_t r = 0; r < n; ++r) {
        std::copy_n(received.data() + displacements[r], counts[r], all[r].data() + offset);
      }
    }
    return all;
  }

 private:
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace

bool built_with_mpi() {
  return true;
}

std::unique_ptr<Cluster> start_mpi_cluster(int& argc, char**& argv) {
  if (!launched_by_mpi()) return nullptr;
  return std::make_unique<MpiCluster>(argc, argv);
}

}  // namespace parley
