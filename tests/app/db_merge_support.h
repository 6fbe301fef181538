#pragma once
// Two stores that overlap as an analyst's file and a team's store do, merged through app::merge_stores
// whatever their backends (tests/app/db_merge_test.cpp: SQLite into SQLite;
// tests/app/db_merge_pg_test.cpp: SQLite into PostgreSQL and back).

#include <algorithm>

#include "app/db_merge.h"
#include "support/catch.h"

namespace fw::test::merge {

inline Item item(const std::string& native_id, const std::string& text) {
    Item i;
    i.native_id = native_id;
    i.entry.id = native_id;
    i.entry.title = native_id;
    i.entry.link = "https://example.org/" + native_id;
    i.entry.published = make_time(2026, 4, 8);
    i.entry.summary_text = text;
    i.fetched_at = make_time(2026, 4, 9);
    i.content_hash = "h:" + native_id + "|" + text;
    return i;
}

inline Event event(const std::string& key, Review review, const std::string& title, std::int64_t item_id,
                   const std::string& url) {
    Event e;
    e.kind = EventKind::ModelRelease;
    e.occurred_at = make_time(2026, 4, 8);
    e.lab = "meta";
    e.model = "muse-spark";
    e.title = title;
    e.dedupe_key = key;
    e.review = review;
    e.evidence.push_back({item_id, url, "news", "", std::nullopt});
    return e;
}

inline std::int64_t add(store::Store& s, const std::string& name, const std::string& url) {
    Source src;
    src.name = name;
    src.url = url;
    auto id = s.add_source(src);
    REQUIRE(id);
    return *id;
}

inline std::int64_t upsert(store::Store& s, std::int64_t source, const Item& i) {
    auto stats = s.upsert_items(source, std::span<const Item>(&i, 1));
    REQUIRE(stats);
    REQUIRE(!stats->touched_ids.empty());
    return stats->touched_ids.front();
}

/// The analyst's store: a feed the team has too (same URL, another name) and one it has not;
/// an item the team holds in an older text; three events, two of them curated; one alert.
inline void fill_origin(store::Store& s) {
    const auto shared = add(s, "meta-news", "https://example.org/meta.xml");
    const auto own = add(s, "analyst-blog", "https://example.org/analyst.xml");
    upsert(s, shared, item("launch", "first text"));
    const auto launch = upsert(s, shared, item("launch", "second text"));
    const auto note = upsert(s, own, item("note", "a note"));
    REQUIRE(s.upsert_event(
        event("k-auto-here-curated-there", Review::Auto, "origin auto", launch, "https://example.org/launch")));
    REQUIRE(s.upsert_event(
        event("k-confirmed-here", Review::Confirmed, "origin confirmed", launch, "https://example.org/launch")));
    REQUIRE(s.upsert_event(event("k-new", Review::Auto, "origin only", note, "https://example.org/note")));
    REQUIRE(
        s.upsert_event(event("k-both-curated", Review::Rejected, "origin rejected", note, "https://example.org/note")));
    AlertDelivery d;
    d.key = "rule|question:q1|terminal";
    d.rule_id = "rule";
    d.question_id = "q1";
    d.channel = "terminal";
    d.title = "q1 changed";
    d.status = DeliveryStatus::Sent;
    REQUIRE(s.record_alert(d));
}

/// The team's store: the shared feed under its own name, with the first text of the item.
inline void fill_target(store::Store& s) {
    const auto feed = add(s, "team-meta", "https://example.org/meta.xml");
    const auto launch = upsert(s, feed, item("launch", "first text"));
    REQUIRE(s.upsert_event(
        event("k-auto-here-curated-there", Review::Confirmed, "team confirmed", launch, "https://example.org/launch")));
    REQUIRE(s.upsert_event(event("k-confirmed-here", Review::Auto, "team auto", launch, "https://example.org/launch")));
    REQUIRE(s.upsert_event(
        event("k-both-curated", Review::Confirmed, "team confirmed too", 0, "https://example.org/other")));
}

inline const Event* by_key(const std::vector<Event>& events, const std::string& key) {
    auto it = std::find_if(events.begin(), events.end(), [&](const Event& e) { return e.dedupe_key == key; });
    return it == events.end() ? nullptr : &*it;
}

/// Merges twice and checks what the target holds: the second merge adds nothing.
inline void check_merge(store::Store& origin, store::Store& target) {
    auto first = app::merge_stores(origin, target);
    REQUIRE(first);
    CHECK(first->sources_added == 1);
    CHECK(first->sources_matched == 1);
    CHECK(first->items_added == 1);
    CHECK(first->item_versions_added == 1);
    CHECK(first->events_added == 1);
    CHECK(first->events_merged == 3);
    CHECK(first->curation_taken == 1);
    CHECK(first->curation_kept == 1);
    CHECK(first->alerts_added == 1);

    auto sources = target.list_sources();
    REQUIRE(sources);
    REQUIRE(sources->size() == 2);
    CHECK(sources->at(0).name == "analyst-blog");
    CHECK(sources->at(1).name == "team-meta");  // matched by URL: the target's name stays
    store::ItemQuery q;
    q.source = "team-meta";
    q.limit = 0;
    auto items = target.list_items(q);
    REQUIRE(items);
    REQUIRE(items->size() == 1);
    CHECK(items->front().entry.summary_text == "second text");
    auto versions = target.item_versions(items->front().id);
    REQUIRE(versions);
    CHECK(versions->size() == 1);

    auto events = target.list_events({});
    REQUIRE(events);
    CHECK(events->size() == 4);
    // The target's confirmation beats the origin's automatic event...
    REQUIRE(by_key(*events, "k-auto-here-curated-there"));
    CHECK(by_key(*events, "k-auto-here-curated-there")->title == "team confirmed");
    CHECK(by_key(*events, "k-auto-here-curated-there")->review == Review::Confirmed);
    // ...and the origin's confirmation beats the target's automatic one.
    REQUIRE(by_key(*events, "k-confirmed-here"));
    CHECK(by_key(*events, "k-confirmed-here")->title == "origin confirmed");
    CHECK(by_key(*events, "k-confirmed-here")->review == Review::Confirmed);
    REQUIRE(by_key(*events, "k-both-curated"));
    CHECK(by_key(*events, "k-both-curated")->review == Review::Confirmed);
    CHECK(by_key(*events, "k-both-curated")->evidence.size() == 2);  // both sides' evidence kept
    REQUIRE(by_key(*events, "k-new"));
    CHECK(by_key(*events, "k-new")->evidence.size() == 1);

    auto before = target.counts();
    REQUIRE(before);
    auto second = app::merge_stores(origin, target);
    REQUIRE(second);
    CHECK(second->sources_added == 0);
    CHECK(second->items_added == 0);
    CHECK(second->item_versions_added == 0);
    CHECK(second->items_unchanged == 2);
    CHECK(second->events_added == 0);
    CHECK(second->alerts_added == 0);
    auto after = target.counts();
    REQUIRE(after);
    CHECK(after->sources == before->sources);
    CHECK(after->items == before->items);
    CHECK(after->item_versions == before->item_versions);
    CHECK(after->events == before->events);
    CHECK(after->evidence == before->evidence);
    CHECK(after->alerts == before->alerts);
}

}  // namespace fw::test::merge
