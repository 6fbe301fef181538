// robustness.md 8.3 F4-F6 and section 5 (re-run property): what parse -> app::make_item ->
// store does with hostile identity fields. Keys are built by app/item_builder.h.
#include <string>
#include <vector>

#include "app/item_builder.h"
#include "ingest/feed_parser.h"
#include "store/store.h"
#include "support/catch.h"

namespace {

struct Ingest {
    std::unique_ptr<fw::store::Store> store;
    std::int64_t source_id = 0;

    Ingest() {
        auto s = fw::store::open_store(":memory:");
        REQUIRE(s);
        store = std::move(*s);
        fw::Source src;
        src.name = "lab";
        src.url = "https://lab.example/feed.xml";
        auto id = store->add_source(src);
        REQUIRE(id);
        source_id = *id;
    }

    fw::store::UpsertStats fetch(const std::string& body) {
        fw::ingest::ParseOptions opts;
        opts.base_url = "https://lab.example/feed.xml";
        auto feed = fw::ingest::parse_feed(body, opts);
        REQUIRE(feed);
        std::vector<fw::Item> items;
        for (auto& e : feed->items)
            items.push_back(fw::app::make_item(e, source_id, fw::make_time(2026, 4, 7)));
        auto stats = store->upsert_items(source_id, items);
        REQUIRE(stats);
        return *stats;
    }

    std::int64_t items() {
        auto c = store->counts();
        REQUIRE(c);
        return c->items;
    }
};

std::string rss(const std::string& items) {
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>c</title>" + items + "</channel></rss>";
}

}  // namespace

TEST_CASE("re-ingesting the same fetch writes no item rows", "[robust][unit][dedupe]") {
    Ingest in;
    const std::string body =
        rss("<item><guid>a</guid><title>A</title></item><item><link>https://lab.example/b</link>"
            "<title>B</title></item><item><description>only text</description></item>");
    CHECK(in.fetch(body).inserted == 3);
    const auto again = in.fetch(body);
    CHECK(again.inserted == 0);
    CHECK(again.changed == 0);
    CHECK(in.items() == 3);
}

TEST_CASE("F5: items without GUID, link or title get distinct stable keys", "[robust][unit][dedupe]") {
    Ingest in;
    const std::string body =
        rss("<item><description>first body</description></item>"
            "<item><description>second body</description></item><item><title>  </title></item>");
    CHECK(in.fetch(body).inserted == 3);
    CHECK(in.fetch(body).inserted == 0);
    CHECK(in.items() == 3);
}

// Keys follow app::native_ids_of: the canonical link first, then the GUID.
TEST_CASE("F4: one GUID repeated on every item still keeps every item", "[robust][unit][dedupe]") {
    Ingest in;
    std::string items;
    for (int i = 0; i < 3; ++i) {
        items += "<item><guid>same</guid><title>t" + std::to_string(i) + "</title><link>https://lab.example/" +
                 std::to_string(i) + "</link></item>";
    }
    in.fetch(rss(items));
    CHECK(in.items() == 3);
    CHECK(in.fetch(rss(items)).inserted == 0);
}

TEST_CASE("F6: a GUID that changes on every fetch with a stable link adds no duplicate", "[robust][unit][dedupe]") {
    Ingest in;
    in.fetch(
        rss("<item><guid isPermaLink=\"false\">r1-8812</guid><title>Launch</title>"
            "<link>https://lab.example/launch?utm_source=rss&amp;utm_medium=feed</link></item>"));
    in.fetch(
        rss("<item><guid isPermaLink=\"false\">r2-9921</guid><title>Launch</title>"
            "<link>https://lab.example/launch?utm_source=rss2</link></item>"));
    CHECK(in.items() == 1);
}
