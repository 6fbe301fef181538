// The repository ships only what the project wrote: no file of the checkout may be a byte copy of a
// file under ../shared/corpus or ../shared/datasets (real third-party data is read there, in place,
// by the tests). Files are first matched by size, so only the few candidates are read and compared
// byte for byte (exact, and cheaper than hashing both trees).

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "support/catch.h"
#include "support/paths.h"

namespace fs = std::filesystem;

namespace {

using BySize = std::map<std::uintmax_t, std::vector<fs::path>>;

// Regular non-empty files under `root`, by size. `skip` names top-level folders left out.
BySize files_by_size(const fs::path& root, const std::set<std::string>& skip_top, bool skip_build_dirs) {
    BySize out;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto& entry = *it;
        if (it.depth() == 0 && entry.is_directory(ec)) {
            const auto name = entry.path().filename().string();
            if (skip_top.count(name) == 1 || (skip_build_dirs && name.rfind("build", 0) == 0)) {
                it.disable_recursion_pending();
                continue;
            }
        }
        if (entry.is_symlink(ec) || !entry.is_regular_file(ec)) {
            continue;
        }
        const auto size = entry.file_size(ec);
        if (!ec && size > 0) {  // an empty file copies nothing
            out[size].push_back(entry.path());
        }
    }
    return out;
}

}  // namespace

TEST_CASE("no repository file is a byte copy of a file under ../shared/corpus or ../shared/datasets",
          "[ingest][repository]") {
    FW_REQUIRE_SHARED(shared);
    BySize third_party;
    for (const char* part : {"corpus", "datasets"}) {
        for (auto& [size, paths] : files_by_size(shared / part, {}, false)) {
            auto& slot = third_party[size];
            slot.insert(slot.end(), paths.begin(), paths.end());
        }
    }
    REQUIRE_FALSE(third_party.empty());

    // Outputs the build, the demo and the tools write (all in .gitignore) are not repository files.
    const auto ours = files_by_size(fw::test::source_dir(), {".git", "out", "frontierwatch-demo"}, true);
    std::vector<std::string> copies;
    int compared = 0;
    for (const auto& [size, paths] : ours) {
        const auto match = third_party.find(size);
        if (match == third_party.end()) {
            continue;
        }
        for (const auto& mine : paths) {
            const std::string bytes = fw::test::read_file(mine);
            for (const auto& theirs : match->second) {
                ++compared;
                if (bytes == fw::test::read_file(theirs)) {
                    copies.push_back(fs::relative(mine, fw::test::source_dir()).string() + " is a copy of " +
                                     fs::relative(theirs, shared).string());
                }
            }
        }
    }
    for (const auto& c : copies) {
        UNSCOPED_INFO(c);
    }
    INFO(compared << " same-size pairs compared");
    CHECK(copies.empty());
}
