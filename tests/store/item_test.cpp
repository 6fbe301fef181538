#include <algorithm>
#include <string>
#include <vector>

#include "store_fixtures.h"
#include "support/catch.h"

using fw::Item;
using fw::store::ItemQuery;
using fw::test::add_source;
using fw::test::make_item;

TEST_CASE("upserting the same items twice writes no rows the second time", "[store][items]") {
    auto store = fw::test::memory_store();
    const auto source = add_source(*store, "blog");
    const std::vector<Item> items{make_item("a", "Alpha"), make_item("b", "Beta"), make_item("c", "Gamma")};
    auto first = store->upsert_items(source, items);
    REQUIRE(first.has_value());
    CHECK(first->inserted == 3);
    CHECK(first->touched_ids.size() == 3);

    const auto before = store->database().total_changes();
    auto second = store->upsert_items(source, items);
    REQUIRE(second.has_value());
    CHECK(second->inserted == 0);
    CHECK(second->changed == 0);
    CHECK(second->unchanged == 3);
    CHECK(second->touched_ids.empty());
    CHECK(store->database().total_changes() == before);
    CHECK(store->counts()->items == 3);
}

TEST_CASE("the same native id in two sources is two items", "[store][items]") {
    auto store = fw::test::memory_store();
    const auto one = add_source(*store, "one");
    const auto two = add_source(*store, "two");
    const std::vector<Item> items{make_item("same", "Same")};
    REQUIRE(store->upsert_items(one, items).has_value());
    REQUIRE(store->upsert_items(two, items)->inserted == 1);
    CHECK(store->counts()->items == 2);
}

TEST_CASE("a changed item keeps its previous version", "[store][items]") {
    auto store = fw::test::memory_store();
    const auto source = add_source(*store, "blog");
    const std::vector<Item> v1{make_item("a", "Alpha", "first text")};
    const std::vector<Item> v2{make_item("a", "Alpha", "second text")};
    const std::vector<Item> v3{make_item("a", "Alpha", "third text")};
    const auto id = store->upsert_items(source, v1)->touched_ids.at(0);
    auto changed = store->upsert_items(source, v2);
    REQUIRE(changed.has_value());
    CHECK(changed->changed == 1);
    CHECK(changed->touched_ids == std::vector<std::int64_t>{id});
    REQUIRE(store->upsert_items(source, v3)->changed == 1);

    const std::vector<std::int64_t> ids{id};
    auto current = store->items_by_ids(ids);
    REQUIRE(current.has_value());
    REQUIRE(current->size() == 1);
    CHECK(current->at(0).version == 3);
    CHECK(current->at(0).entry.summary_text == "third text");

    auto versions = store->item_versions(id);
    REQUIRE(versions.has_value());
    REQUIRE(versions->size() == 2);
    CHECK(versions->at(0).version == 1);
    CHECK(versions->at(0).entry.summary_text == "first text");
    CHECK(versions->at(1).version == 2);
    CHECK(versions->at(1).entry.summary_text == "second text");
    CHECK(store->counts()->item_versions == 2);
}

TEST_CASE("an upsert that fails midway leaves nothing behind", "[store][items]") {
    auto store = fw::test::memory_store();
    const auto source = add_source(*store, "blog");
    REQUIRE(store->upsert_items(source, std::vector<Item>{make_item("old", "Old", "v1")}).has_value());

    std::vector<Item> batch{make_item("new1", "New one"), make_item("old", "Old", "v2"), make_item("new2", "New two")};
    batch.push_back(make_item("", "No id"));  // invalid: fails after three good writes
    auto result = store->upsert_items(source, batch);
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().code == fw::ErrorCode::Invalid);

    auto counts = store->counts();
    CHECK(counts->items == 1);
    CHECK(counts->item_versions == 0);
    auto listed = store->list_items({});
    REQUIRE(listed->size() == 1);
    CHECK(listed->at(0).entry.summary_text == "v1");
    ItemQuery search;
    search.search = "New";
    CHECK(store->list_items(search)->empty());  // the FTS rows were rolled back too
}

TEST_CASE("a write batch commits its calls together; a failing call inside rolls back alone", "[store][items][batch]") {
    auto store = fw::test::memory_store();
    const auto a = add_source(*store, "a");
    const auto b = add_source(*store, "b");
    {
        auto batch = store->begin_batch();
        REQUIRE(batch.has_value());
        REQUIRE(store->upsert_items(a, std::vector<Item>{make_item("a1", "Alpha one")}).has_value());
        // Fails after one good write: its savepoint is undone, the batch goes on.
        auto bad = store->upsert_items(b, std::vector<Item>{make_item("b1", "Beta one"), make_item("", "No id")});
        REQUIRE_FALSE(bad.has_value());
        REQUIRE(store->upsert_items(b, std::vector<Item>{make_item("b2", "Beta two")}).has_value());
        REQUIRE((*batch)->commit().has_value());
    }
    auto listed = store->list_items({});
    REQUIRE(listed->size() == 2);
    std::vector<std::string> ids{listed->at(0).native_id, listed->at(1).native_id};
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{"a1", "b2"});
    ItemQuery search;
    search.search = "Beta";
    REQUIRE(store->list_items(search)->size() == 1);

    {
        auto dropped = store->begin_batch();
        REQUIRE(dropped.has_value());
        REQUIRE(store->upsert_items(a, std::vector<Item>{make_item("a2", "Alpha two")}).has_value());
    }  // never committed: undone
    CHECK(store->counts()->items == 2);
}

TEST_CASE("upserting into an unknown source is NotFound", "[store][items]") {
    auto store = fw::test::memory_store();
    auto result = store->upsert_items(42, std::vector<Item>{make_item("a", "A")});
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().code == fw::ErrorCode::NotFound);
}

TEST_CASE("the whole feed entry round-trips through the payload", "[store][items]") {
    auto store = fw::test::memory_store();
    const auto source = add_source(*store, "hf");
    Item item = make_item("meta-llama/X", "Llama X");
    item.entry.authors = {"Meta AI", "Jane Doe"};
    item.entry.categories = {"llm", "open-weights"};
    item.entry.enclosures = {{"https://example.org/a.bin", "application/octet-stream", 1234}};
    item.entry.extra = {{"gated", "manual"}, {"license", "llama3"}, {"sha", "abc123"}};
    item.entry.updated = fw::make_time(2026, 4, 2, 3, 4, 5);
    item.entry.published_raw = "Thu, 02 Apr 2026 03:04:05 GMT";
    item.entry.content = "<b>bold</b> \xC3\xA9t\xC3\xA9";
    item.entry.content_text = "bold \xC3\xA9t\xC3\xA9";
    const auto id = store->upsert_items(source, std::vector<Item>{item})->touched_ids.at(0);

    auto read = store->items_by_ids(std::vector<std::int64_t>{id});
    REQUIRE(read.has_value());
    REQUIRE(read->size() == 1);
    const Item& back = read->at(0);
    CHECK(back.source_name == "hf");
    CHECK(back.native_id == "meta-llama/X");
    CHECK(back.content_hash == item.content_hash);
    CHECK(back.fetched_at == item.fetched_at);
    CHECK(back.entry.authors == item.entry.authors);
    CHECK(back.entry.categories == item.entry.categories);
    REQUIRE(back.entry.enclosures.size() == 1);
    CHECK(back.entry.enclosures[0].length == 1234);
    CHECK(back.entry.extra == item.entry.extra);
    CHECK(back.entry.published == item.entry.published);
    CHECK(back.entry.updated == item.entry.updated);
    CHECK(back.entry.published_raw == item.entry.published_raw);
    CHECK(back.entry.content == item.entry.content);
    CHECK(back.entry.content_text == item.entry.content_text);
}

TEST_CASE("invalid UTF-8 in an entry is stored (replaced), not an error", "[store][items]") {
    auto store = fw::test::memory_store();
    const auto source = add_source(*store, "bad");
    Item item = make_item("x", "Bad \xFF\xFE bytes");
    auto result = store->upsert_items(source, std::vector<Item>{item});
    REQUIRE(result.has_value());
    CHECK(result->inserted == 1);
    CHECK(store->list_items({})->size() == 1);
}

TEST_CASE("items list newest first, by source, with a limit", "[store][items]") {
    auto store = fw::test::memory_store();
    const auto blog = add_source(*store, "blog");
    const auto hf = add_source(*store, "hf");
    REQUIRE(store->upsert_items(blog, std::vector<Item>{make_item("a", "A", "t", 3), make_item("b", "B", "t", 10)})
                .has_value());
    Item undated = make_item("c", "C", "t");
    undated.entry.published.reset();  // falls back to fetched_at (April 30)
    REQUIRE(store->upsert_items(hf, std::vector<Item>{undated, make_item("d", "D", "t", 5)}).has_value());

    auto all = store->list_items(fw::test::item_query({}, {}, {}, 0));
    REQUIRE(all.has_value());
    std::vector<std::string> titles;
    for (const auto& item : *all) {
        titles.push_back(item.entry.title);
    }
    CHECK(titles == std::vector<std::string>{"C", "B", "D", "A"});

    auto from_blog = store->list_items(fw::test::item_query("blog", {}));
    REQUIRE(from_blog->size() == 2);
    CHECK(from_blog->at(0).entry.title == "B");
    CHECK(store->list_items(fw::test::item_query({}, {}, {}, 1))->size() == 1);
    CHECK(store->list_items(fw::test::item_query("nobody", {}))->empty());
}

TEST_CASE("after_id returns only newer items, oldest id first, for incremental work", "[store][items]") {
    auto store = fw::test::memory_store();
    const auto source = add_source(*store, "blog");
    auto first =
        store->upsert_items(source, std::vector<Item>{make_item("a", "A", "t", 9), make_item("b", "B", "t", 1)});
    const auto last_seen = first->touched_ids.back();
    auto second =
        store->upsert_items(source, std::vector<Item>{make_item("c", "C", "t", 2), make_item("d", "D", "t", 20)});
    auto page = store->list_items(fw::test::item_query({}, {}, last_seen, 1));
    REQUIRE(page.has_value());
    REQUIRE(page->size() == 1);
    CHECK(page->at(0).id == second->touched_ids.at(0));
    auto rest = store->list_items(fw::test::item_query({}, {}, page->at(0).id));
    REQUIRE(rest->size() == 1);
    CHECK(rest->at(0).entry.title == "D");
}

TEST_CASE("items_by_ids keeps the asked order and skips unknown ids", "[store][items]") {
    auto store = fw::test::memory_store();
    const auto source = add_source(*store, "blog");
    auto ids = store->upsert_items(source, std::vector<Item>{make_item("a", "A"), make_item("b", "B")})->touched_ids;
    const std::vector<std::int64_t> asked{ids[1], 999, ids[0]};
    auto read = store->items_by_ids(asked);
    REQUIRE(read->size() == 2);
    CHECK(read->at(0).entry.title == "B");
    CHECK(read->at(1).entry.title == "A");
}
