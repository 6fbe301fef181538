#pragma once
// One include for Catch2 2.13 (Debian 12) and Catch2 3; tests use only the common macros.
#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
using Catch::Approx;
#else
#include <catch2/catch.hpp>
#endif
