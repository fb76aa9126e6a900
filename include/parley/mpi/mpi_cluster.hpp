#pragma once
// The processes of an MPI job as a parley Cluster (core/cluster.hpp). Only
// sim/mpi includes <mpi.h>: the core and the analyses see the interface.

#include <memory>

#include "parley/core/cluster.hpp"

namespace parley {

/// True when parley was built with MPI (PARLEY_MPI).
bool built_with_mpi();

/// When the process was started by an MPI launcher (mpirun, mpiexec, srun
/// with PMI or PMIx), starts MPI and returns MPI_COMM_WORLD as a cluster
/// (MPI is finalised when it is destroyed); otherwise, or when parley was
/// built without MPI, null: a plain process never initialises MPI.
std::unique_ptr<Cluster> start_mpi_cluster(int& argc, char**& argv);

}  // namespace parley
