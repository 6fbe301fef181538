// extract_new_items reads the items to derive from a page at a time (issue 18: a fetch of
// 20,000 items no longer lists them all at once). Pages must not change what is derived: every
// item after the watermark and every changed item below it is seen once, oldest first, and the
// events are those of one pass over all of them.

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "app/extract_service.h"
#include "extract/extractor.h"
#include "store/store_fixtures.h"
#include "support/catch.h"
#include "support/paths.h"
#include "support/temp_dir.h"

using namespace fw;

namespace {

// More than two pages (app/extract_service.cpp reads 256 items a page).
constexpr int kItems = 600;

std::string title_of(int i) {
    static const std::vector<std::string> titles = {
        "Meta releases Llama {} with open weights",   "Introducing Muse Spark {}: our newest model",
        "Meta AI now available in {} more countries", "Research note {} on long-context evaluation",
        "Llama {} pricing update for the API",        "We are hiring: research scientist {}"};
    std::string t = titles[static_cast<std::size_t>(i) % titles.size()];
    t.replace(t.find("{}"), 2, std::to_string(i / static_cast<int>(titles.size()) + 3));
    return t;
}

std::set<std::string> event_keys(store::Store& store) {
    auto events = store.list_events({});
    REQUIRE(events);
    std::set<std::string> keys;
    for (const auto& e : *events) {
        keys.insert(e.dedupe_key);
    }
    return keys;
}

}  // namespace

TEST_CASE("derivation in pages sees every item once and derives the events of one pass", "[app][extract][long]") {
    test::TempDir dir;
    auto opened = app::open_context({(dir / "fw.db").string(), test::bundled_data(), {}});
    REQUIRE(opened);
    app::AppContext& ctx = *opened;
    const Taxonomy taxonomy_before = ctx.taxonomy;
    auto src = ctx.store->add_source(test::make_source("meta-blog"));
    REQUIRE(src);
    std::vector<Item> items;
    for (int i = 0; i < kItems; ++i) {
        items.push_back(test::make_item("n" + std::to_string(i), title_of(i), "text " + std::to_string(i), 1 + i % 28));
    }
    auto up = ctx.store->upsert_items(*src, items);
    REQUIRE(up);
    REQUIRE(up->inserted == kItems);

    auto first = app::extract_new_items(ctx, up->touched_ids);
    REQUIRE(first);
    CHECK(first->items_seen == kItems);
    CHECK(first->new_events == static_cast<int>(first->new_event_ids.size()));

    // The reference: one pass over every stored item in id order, as before pages.
    store::ItemQuery all;
    all.limit = 0;
    auto stored = ctx.store->list_items(all);
    REQUIRE(stored);
    std::sort(stored->begin(), stored->end(), [](const Item& a, const Item& b) { return a.id < b.id; });
    Taxonomy taxonomy = taxonomy_before;
    extract::Extractor extractor(taxonomy, ctx.rules, ctx.classifier);
    const extract::SourceInfo info{"meta-blog", SourceKind::Feed, "meta"};
    std::set<std::string> expected;
    for (const auto& item : *stored) {
        auto out = extractor.extract(item, nullptr, info);
        for (const auto& m : out.discovered_models) {
            taxonomy.models.push_back(m);
        }
        for (const auto& e : out.events) {
            expected.insert(e.dedupe_key);
        }
    }
    REQUIRE(expected.size() > 10);  // the titles are chosen to make events
    CHECK(event_keys(*ctx.store) == expected);
    CHECK(static_cast<std::size_t>(first->new_events) == expected.size());

    auto again = app::extract_new_items(ctx);
    REQUIRE(again);
    CHECK(again->items_seen == 0);

    // Changed items below the watermark, more than a page of them, are each seen once (a
    // duplicate id in the list included).
    for (int i = 0; i < 300; ++i) {
        items[static_cast<std::size_t>(i)] =
            test::make_item("n" + std::to_string(i), title_of(i), "changed text " + std::to_string(i), 1 + i % 28);
    }
    auto changed = ctx.store->upsert_items(*src, items);
    REQUIRE(changed);
    REQUIRE(changed->changed == 300);
    auto ids = changed->touched_ids;
    ids.push_back(ids.front());
    auto rederived = app::extract_new_items(ctx, ids);
    REQUIRE(rederived);
    CHECK(rederived->items_seen == 300);
}
