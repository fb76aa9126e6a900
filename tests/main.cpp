// Catch2 v2 supplies main(); each test file holds one concept's tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
