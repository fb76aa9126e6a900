#pragma once
// A core header that includes an analysis header: the layering check must refuse it.
#include "parley/analysis/run.hpp"
