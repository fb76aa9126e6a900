// parley built without MPI (PARLEY_MPI=OFF, or no MPI found): one process.

#include "parley/mpi/mpi_cluster.hpp"

namespace parley {

bool built_with_mpi() {
  return false;
}

std::unique_ptr<Cluster> start_mpi_cluster(int& /*argc*/, char**& /*argv*/) {
  return nullptr;
}

}  // namespace parley
