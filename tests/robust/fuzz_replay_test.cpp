// Replays every committed fuzz seed (fuzz/seeds/<target>/) and every input a fuzzing run found
// (tests/data/fuzz-regressions/<target>/) through the same target bodies libFuzzer runs, so a
// fixed crash stays fixed in every build, without clang or libFuzzer. A target's broken
// invariant aborts the test binary: the failure is loud by design.
#include <filesystem>
#include <string>

#include "fuzz/targets.h"
#include "ingest/encoding.h"
#include "ingest/feed_parser.h"
#include "ingest/hf_adapter.h"
#include "support/catch.h"
#include "support/paths.h"

namespace fs = std::filesystem;

namespace {

const char* const kTargets[] = {"feed", "date", "csv", "hf", "html"};

int replay_dir(const fs::path& dir, fw::fuzz::TargetFn fn) {
    int n = 0;
    if (!fs::is_directory(dir))
        return 0;
    for (const auto& f : fs::recursive_directory_iterator(dir)) {
        if (!f.is_regular_file() || f.path().filename() == "README.md")
            continue;
        INFO(f.path().string());
        fn(fw::test::read_file(f.path()));
        ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("every committed fuzz seed runs through its target without breaking an invariant", "[robust][unit][fuzz]") {
    int total = 0;
    for (const char* t : kTargets) {
        const auto fn = fw::fuzz::target_by_name(t);
        REQUIRE(fn != nullptr);
        total += replay_dir(fw::test::source_dir() / "fuzz" / "seeds" / t, fn);
    }
    CHECK(total >= 10);
}

TEST_CASE("every fuzz regression input runs through its target without breaking an invariant", "[robust][unit][fuzz]") {
    int total = 0;
    for (const char* t : kTargets) {
        total += replay_dir(fw::test::test_data("fuzz-regressions") / t, fw::fuzz::target_by_name(t));
    }
    // Zero is fine: nothing has been found yet, or it was found and fixed by its owner.
    SUCCEED("replayed " << total << " regression inputs");
}

TEST_CASE("unknown fuzz target names are refused", "[robust][unit][fuzz]") {
    CHECK(fw::fuzz::target_by_name("nope") == nullptr);
    CHECK(fw::fuzz::target_by_name("feed") == &fw::fuzz::feed_one);
}

TEST_CASE("every recorded document of the shared corpus parses or fails with a typed parse error",
          "[robust][integration][corpus]") {
    FW_REQUIRE_SHARED(shared);
    int parsed = 0, refused = 0, bad_text = 0;
    for (const auto& f : fs::recursive_directory_iterator(shared / "corpus")) {
        if (!f.is_regular_file())
            continue;
        const auto ext = f.path().extension().string();
        const std::string name = f.path().filename().string();
        const bool hf = f.path().string().find("/huggingface/") != std::string::npos;
        const bool expectation =
            name.find(".serde.") != std::string::npos || name.find("_expected") != std::string::npos;
        const bool feedish =
            !hf && (ext == ".xml" || ext == ".rss" || ext == ".atom" || (ext == ".json" && !expectation));
        if (!feedish && !(hf && ext == ".json"))
            continue;
        const std::string body = fw::test::read_file(f.path());
        INFO(f.path().string());
        const auto r = hf ? fw::ingest::parse_hf_models(body, f.path().string()) : fw::ingest::parse_feed(body);
        if (!r) {
            ++refused;
            CHECK(r.error().code == fw::ErrorCode::Parse);
            CHECK_FALSE(r.error().message.empty());
            continue;
        }
        ++parsed;
        for (const auto& e : r->items) {
            const bool ok = fw::ingest::is_valid_utf8(e.title) && fw::ingest::is_valid_utf8(e.summary_text) &&
                            fw::ingest::is_valid_utf8(e.content_text) && e.title.find('\0') == std::string::npos;
            bad_text += !ok;
        }
    }
    WARN("shared corpus: parsed=" << parsed << " refused with a typed error=" << refused);
    CHECK(bad_text == 0);
    CHECK(parsed > 1000);
}
