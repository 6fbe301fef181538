// Every item of the recorded AI-lab feeds (../shared/corpus/realworld/ai_lab_feeds) through the
// extractor, oldest first as a first fetch would store them, with key expectations checked.

#include <pugixml.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "extract_support.h"
#include "support/catch.h"

#ifdef FW_HAVE_TAXONOMY_LOADER
#include "app/taxonomy_loader.h"
#endif

namespace {

/// "Thu, 09 Jul 2026 00:00:00 +0000" (the generated feeds always use this form and UTC).
std::optional<fw::TimePoint> rfc822(const std::string& s) {
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int day = 0, year = 0, h = 0, m = 0, sec = 0;
    char mon[4] = {};
    if (std::sscanf(s.c_str(), "%*3s, %d %3s %d %d:%d:%d", &day, mon, &year, &h, &m, &sec) != 6) {
        return std::nullopt;
    }
    for (unsigned i = 0; i < 12; ++i) {
        if (std::string(mon) == months[i]) {
            return fw::make_time(year, i + 1, static_cast<unsigned>(day), h, m, sec);
        }
    }
    return std::nullopt;
}

std::vector<fw::Item> read_rss(const std::filesystem::path& path) {
    pugi::xml_document doc;
    std::vector<fw::Item> items;
    if (!doc.load_file(path.c_str())) {
        return items;
    }
    std::int64_t id = 0;
    for (auto node : doc.child("rss").child("channel").children("item")) {
        fw::Item item;
        item.id = ++id;
        item.entry.title = node.child_value("title");
        item.entry.link = node.child_value("link");
        item.entry.summary_text = node.child_value("description");
        item.entry.published = rfc822(node.child_value("pubDate"));
        item.fetched_at = item.entry.published.value_or(fw::make_time(2026, 8, 22)) + std::chrono::hours(6);
        items.push_back(std::move(item));
    }
    std::reverse(items.begin(), items.end());
    return items;
}

fw::Taxonomy corpus_taxonomy() {
#ifdef FW_HAVE_TAXONOMY_LOADER
    auto t = fw::app::load_taxonomy({fw::test::bundled_data()});
    if (t) {
        return *t;
    }
#endif
    return fw::test::small_taxonomy();
}

std::optional<std::string> lab_of_feed(const std::string& file) {
    for (const auto* lab : {"anthropic", "openai", "meta", "google", "mistral", "cohere", "xai"}) {
        if (file.find(lab) != std::string::npos) {
            return std::string(lab);
        }
    }
    if (file.find("xainews") != std::string::npos) {
        return std::string("xai");
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("the recorded AI-lab feeds yield Meta's Muse Spark releases", "[extract][corpus]") {
    FW_REQUIRE_SHARED(shared);
    fw::extract::Extractor ex(corpus_taxonomy(), fw::test::bundled_rules());
    std::vector<fw::Event> all;
    std::size_t items = 0;
    for (const auto& e : std::filesystem::directory_iterator(shared / "corpus/realworld/ai_lab_feeds")) {
        const auto name = e.path().filename().string();
        if (e.path().extension() != ".xml" || name.find("snapshot") != std::string::npos) {
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
    CHECK(items > 700);
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
