#pragma once
// Where test inputs live. FW_SOURCE_DIR is set by tests/CMakeLists.txt.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace fw::test {

inline std::filesystem::path source_dir() {
    return FW_SOURCE_DIR;
}
inline std::filesystem::path test_data(const std::string& rel) {
    return source_dir() / "tests" / "data" / rel;
}
inline std::filesystem::path bundled_data() {
    return source_dir() / "data";
}

/// ../shared beside the checkout, or nullopt on a user's clone (tests then skip with a WARN).
/// FW_SHARED_DIR overrides the place; naming a folder without corpus/ (e.g. /nonexistent) means
/// "absent", so the whole suite can be run as a user's clone would run it, ../shared or not.
inline std::optional<std::filesystem::path> shared_dir() {
    if (const char* env = std::getenv("FW_SHARED_DIR"); env != nullptr && *env != '\0') {
        const std::filesystem::path p(env);
        if (std::filesystem::is_directory(p / "corpus")) {
            return p;
        }
        return std::nullopt;
    }
    auto p = source_dir().parent_path() / "shared";
    if (std::filesystem::is_directory(p / "corpus")) {
        return p;
    }
    return std::nullopt;
}

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace fw::test

/// Use at the top of a test that reads ../shared: skips (with a message) when it is absent.
#define FW_REQUIRE_SHARED(var)                                                   \
    const auto var##_opt = ::fw::test::shared_dir();                             \
    if (!var##_opt) {                                                            \
        WARN("skipped: ../shared is absent (a user's clone); nothing to check"); \
        return;                                                                  \
    }                                                                            \
    const std::filesystem::path var = *var##_opt
