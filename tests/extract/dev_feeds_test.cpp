// The dev split's recorded feeds through the extractor: prints every item with its events (kind,
// key, confidence, cue, openness) and its candidate, and the share of items that become
// candidates. Hidden ([.]): a tuning aid, run with `fw_extract_tests "[devfeeds]"`.

#include <cstdio>
#include <iostream>

#include "extract_support.h"
#include "rss_reader.h"
#include "support/catch.h"

TEST_CASE("dev feeds: events and candidates per item", "[.][devfeeds]") {
    FW_REQUIRE_SHARED(shared);
    fw::extract::Extractor ex(fw::test::corpus_taxonomy(), fw::test::bundled_rules());
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(shared / "corpus/realworld/ai_lab_feeds")) {
        const auto name = e.path().filename().string();
        if (e.path().extension() == ".xml" && name.find("snapshot") == std::string::npos && fw::test::dev_feed(name)) {
            files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::size_t items = 0, candidates = 0, events = 0;
    for (const auto& path : files) {
        const auto name = path.filename().string();
        fw::extract::SourceInfo src{name, fw::SourceKind::Feed, fw::test::lab_of_feed(name)};
        for (const auto& item : fw::test::read_rss(path)) {
            ++items;
            auto out = ex.extract(item, nullptr, src);
            std::cout << "ITEM " << name << " | " << item.entry.title << "\n";
            for (const auto& ev : out.events) {
                ++events;
                std::printf(
                    "  EV %s %.2f [%s] %s\n", ev.dedupe_key.c_str(), ev.confidence, ev.cue.c_str(),
                    (ev.fields.text("openness").value_or("") + " " + ev.fields.text("license").value_or("") + " " +
                     ev.fields.text("stage").value_or("") + " " + ev.fields.text("evaluator").value_or(""))
                        .c_str());
            }
            for (const auto& c : out.candidates) {
                ++candidates;
                std::printf("  CAND %s %.2f [%s] %s\n",
                            c.suggested_kind ? std::string(fw::to_string(*c.suggested_kind)).c_str() : "-",
                            c.confidence, c.cue.c_str(), c.reason.c_str());
            }
        }
    }
    std::printf("dev feeds: %zu items, %zu events, %zu candidates (%.1f %%)\n", items, events, candidates,
                items ? 100.0 * double(candidates) / double(items) : 0.0);
    CHECK(candidates * 5 <= items);
}
