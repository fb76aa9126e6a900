// An io source that includes an analysis header with angle brackets: refused too.
#include <parley/analysis/run.hpp>
