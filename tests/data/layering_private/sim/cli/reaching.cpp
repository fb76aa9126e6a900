// A CLI source that includes a private header of the report library: refused.
#include "../report/handout_parts.hpp"
