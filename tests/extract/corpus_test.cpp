// Every item of the recorded AI-lab feeds (../shared/corpus/realworld/ai_lab_feeds) through the
// extractor, oldest first as a first fetch would store them, with key expectations checked.
// Only the dev split's publishers: the held-out feeds measure generalisation and stay unread.

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "extract_support.h"
#include "rss_reader.h"
#include "support/catch.h"

using fw::test::corpus_taxonomy;
using fw::test::lab_of_feed;
using fw::test::read_rss;

TEST_CASE("the recorded AI-lab feeds yield Meta's Muse Spark releases", "[extract][corpus]") {
    FW_REQUIRE_SHARED(shared);
    fw::extract::Extractor ex(corpus_taxonomy(), fw::test::bundled_rules());
    std::vector<fw::Event> all;
    std::size_t items = 0;
    for (const auto& e : std::filesystem::directory_iterator(shared / "corpus/realworld/ai_lab_feeds")) {
        const auto name = e.path().filename().string();
        if (e.path().extension() != ".xml" || name.find("snapshot") != std::string::npos || !fw::test::dev_feed(name)) {
            continue;
        }
        fw::extract::SourceInfo src{name, fw::SourceKind::Feed, lab_of_feed(name)};
        for (const auto& item : read_rss(e.path())) {
            ++items;
            auto out = ex.extract(item, nullptr, src);
            for (auto& ev : out.events) {
                CHECK(ev.confidence > 0.0);
                CHECK(ev.confidence <= 1.0);
                CHECK(ev.evidence.size() == 1);
                all.push_back(std::move(ev));
            }
        }
    }
    CHECK(items > 1000);
    std::map<std::string, int> per_kind;
    for (const auto& ev : all) {
        ++per_kind[std::string(fw::to_string(ev.kind))];
    }
    std::cout << "\nai_lab_feeds: " << items << " items, " << all.size() << " events";
    for (const auto& [k, n] : per_kind) {
        std::cout << ", " << k << " " << n;
    }
    std::cout << "\n";
    if (std::getenv("FW_EXTRACT_DUMP") != nullptr) {  // for tuning the rules by eye
        for (const auto& ev : all) {
            std::cout << fw::format_date(ev.occurred_at) << " " << ev.dedupe_key << " | " << ev.title << "\n";
        }
    }
    auto find = [&](const std::string& key) -> const fw::Event* {
        for (const auto& ev : all) {
            if (ev.dedupe_key == key) {
                return &ev;
            }
        }
        return nullptr;
    };
    const auto* spark = find("model_release|muse-spark");
    REQUIRE(spark != nullptr);
    CHECK(fw::format_date(spark->occurred_at) == "2026-04-08");
    CHECK(spark->lab == "meta");
    CHECK(spark->evidence[0].url == "https://ai.meta.com/blog/introducing-muse-spark-msl/");
    const auto* spark11 = find("model_release|muse-spark-1-1");
    REQUIRE(spark11 != nullptr);
    CHECK(fw::format_date(spark11->occurred_at) == "2026-07-09");
    CHECK(spark11->fields.text("openness") == "api");
#ifdef FW_HAVE_TAXONOMY_LOADER
    // Known in the bundled taxonomy; the headline alone is too weak to discover them.
    CHECK(find("model_release|muse-image") != nullptr);
    CHECK(find("model_release|muse-video") != nullptr);
#endif
}
