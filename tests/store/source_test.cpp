#include <vector>

#include "store_fixtures.h"
#include "support/catch.h"

using fw::Event;
using fw::FetchStatus;
using fw::Item;
using fw::Review;
using fw::Source;
using fw::store::ItemQuery;
using fw::test::add_source;
using fw::test::make_event;
using fw::test::make_evidence;
using fw::test::make_item;

TEST_CASE("a source name can be added only once", "[store][sources]") {
    auto store = fw::test::memory_store();
    add_source(*store, "blog");
    auto again = store->add_source(fw::test::make_source("blog"));
    REQUIRE_FALSE(again.has_value());
    CHECK(again.error().code == fw::ErrorCode::Invalid);
    CHECK(again.error().context == "blog");
}

TEST_CASE("a source's settings and fetch state round-trip", "[store][sources]") {
    auto store = fw::test::memory_store();
    Source s = fw::test::make_source("hf-meta");
    s.kind = fw::SourceKind::HfAuthor;
    s.category = "Labs";
    s.every_seconds = 900;
    s.id = add_source(*store, "placeholder");  // ids are the store's: unused here
    auto id = store->add_source(s);
    REQUIRE(id.has_value());

    s.id = *id;
    s.interval_seconds = 7200;
    s.due_at = fw::make_time(2026, 4, 30, 10);
    s.validators = {"\"etag-1\"", "Wed, 29 Apr 2026 10:00:00 GMT"};
    s.health.last_fetch_at = fw::make_time(2026, 4, 30, 9);
    s.health.last_status = FetchStatus::Failed;
    s.health.http_status = 503;
    s.health.consecutive_failures = 2;
    s.health.last_error = "HTTP 503";
    s.health.newest_item_at = fw::make_time(2026, 4, 28);
    REQUIRE(store->save_source_state(s).has_value());

    auto found = store->find_source("hf-meta");
    REQUIRE(found.has_value());
    REQUIRE(found->has_value());
    const Source& back = **found;
    CHECK(back.kind == fw::SourceKind::HfAuthor);
    CHECK(back.category == "Labs");
    CHECK(back.every_seconds == 900);
    CHECK(back.interval_seconds == 7200);
    CHECK(back.due_at == s.due_at);
    CHECK(back.validators.etag == "\"etag-1\"");
    CHECK(back.validators.last_modified == s.validators.last_modified);
    CHECK(back.health.last_fetch_at == s.health.last_fetch_at);
    CHECK(back.health.last_status == FetchStatus::Failed);
    CHECK(back.health.http_status == 503);
    CHECK(back.health.consecutive_failures == 2);
    CHECK(back.health.last_error == "HTTP 503");
    CHECK(back.health.newest_item_at == s.health.newest_item_at);
    CHECK(store->list_sources()->size() == 2);
}

TEST_CASE("saving the state of an unknown source is NotFound", "[store][sources]") {
    auto store = fw::test::memory_store();
    Source s = fw::test::make_source("ghost");
    CHECK(store->save_source_state(s).error().code == fw::ErrorCode::NotFound);
}

TEST_CASE("the fetch log appends one row per attempt", "[store][sources]") {
    auto store = fw::test::memory_store();
    const auto id = add_source(*store, "blog");
    fw::store::FetchLogEntry entry{id, fw::make_time(2026, 4, 30), 12.5, FetchStatus::Ok, 200, 4096, 3, {}};
    REQUIRE(store->log_fetch(entry).has_value());
    entry.status = FetchStatus::Failed;
    entry.error = "timeout";
    REQUIRE(store->log_fetch(entry).has_value());
    CHECK(store->counts()->fetch_log == 2);
    entry.source_id = 999;  // the foreign key refuses a log for no source
    CHECK(store->log_fetch(entry).error().code == fw::ErrorCode::Storage);
}

TEST_CASE("removing a source without purge keeps its items and events", "[store][sources]") {
    auto store = fw::test::memory_store();
    const auto id = add_source(*store, "blog");
    const auto item = store->upsert_items(id, std::vector<Item>{make_item("a", "Alpha")})->touched_ids[0];
    Event e = make_event("k", "event");
    e.evidence = {make_evidence(item, "https://example.org/a")};
    REQUIRE(store->upsert_event(e).has_value());

    REQUIRE(store->remove_source("blog", false).has_value());
    CHECK(store->list_sources()->empty());
    CHECK_FALSE(store->find_source("blog")->has_value());
    CHECK(store->counts()->sources == 0);
    auto items = store->list_items({});
    REQUIRE(items->size() == 1);
    CHECK(items->at(0).source_name == "blog");  // items keep naming their source
    CHECK(store->counts()->events == 1);
    CHECK(store->counts()->evidence == 1);
    CHECK(store->remove_source("blog", false).error().code == fw::ErrorCode::NotFound);

    // Adding it again revives the row, so the old items are not fetched twice.
    auto revived = store->add_source(fw::test::make_source("blog"));
    REQUIRE(revived.has_value());
    CHECK(*revived == id);
    CHECK(store->upsert_items(id, std::vector<Item>{make_item("a", "Alpha")})->unchanged == 1);
}

TEST_CASE("purging a source deletes its items and the auto events only they supported", "[store][sources]") {
    auto store = fw::test::memory_store();
    const auto blog = add_source(*store, "blog");
    const auto other = add_source(*store, "other");
    const auto blog_item = store->upsert_items(blog, std::vector<Item>{make_item("a", "Alpha", "v1")})->touched_ids[0];
    REQUIRE(store->upsert_items(blog, std::vector<Item>{make_item("a", "Alpha", "v2")})->changed == 1);
    const auto other_item = store->upsert_items(other, std::vector<Item>{make_item("b", "Beta")})->touched_ids[0];

    Event only_blog = make_event("only-blog", "only blog");
    only_blog.evidence = {make_evidence(blog_item, "https://blog/a")};
    Event both = make_event("both", "both");
    both.evidence = {make_evidence(blog_item, "https://blog/a"), make_evidence(other_item, "https://other/b")};
    Event curated = make_event("curated", "curated");
    curated.evidence = {make_evidence(blog_item, "https://blog/a")};
    REQUIRE(store->upsert_event(only_blog).has_value());
    const auto both_id = *store->upsert_event(both);
    const auto curated_id = *store->upsert_event(curated);
    REQUIRE(store->set_review(curated_id, Review::Confirmed).has_value());

    REQUIRE(store->remove_source("blog", true).has_value());
    auto counts = store->counts();
    CHECK(counts->sources == 1);
    CHECK(counts->items == 1);
    CHECK(counts->item_versions == 0);
    CHECK(counts->events == 2);
    std::vector<std::int64_t> left;
    auto listed = store->list_events({});
    REQUIRE(listed.has_value());
    for (const Event& e : *listed) {
        left.push_back(e.id);
    }
    CHECK(left == std::vector<std::int64_t>{curated_id, both_id});
    CHECK(store->find_event(both_id)->value().evidence.size() == 1);
    CHECK(store->list_items(fw::test::item_query({}, "alpha"))->empty());  // FTS rows went too
    CHECK(store->database().integrity_check().value_or("") == "ok");
}

TEST_CASE("a removed source can still be purged later", "[store][sources]") {
    auto store = fw::test::memory_store();
    const auto id = add_source(*store, "blog");
    REQUIRE(store->upsert_items(id, std::vector<Item>{make_item("a", "Alpha")}).has_value());
    REQUIRE(store->remove_source("blog", false).has_value());
    REQUIRE(store->remove_source("blog", true).has_value());
    CHECK(store->counts()->items == 0);
    CHECK(store->remove_source("blog", true).error().code == fw::ErrorCode::NotFound);
}

TEST_CASE("a stored fetch status outside the contract is a storage error, not ok", "[store][sources]") {
    auto store = fw::test::memory_store();
    add_source(*store, "blog");
    REQUIRE(store->database().exec("UPDATE sources SET last_status = 'okay' WHERE name = 'blog'").has_value());
    auto listed = store->list_sources();
    REQUIRE_FALSE(listed.has_value());
    CHECK(listed.error().code == fw::ErrorCode::Storage);
    CHECK(listed.error().message.find("okay") != std::string::npos);
    CHECK_FALSE(store->find_source("blog").has_value());
}
