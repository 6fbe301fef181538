#pragma once
// A single-user store with something in every table `db copy` moves, and the checks of a copy
// of it, whatever the target's backend (tests/app/db_copy_test.cpp: into SQLite;
// tests/app/db_copy_pg_test.cpp: into PostgreSQL).

#include <algorithm>

#include "app/db_copy.h"
#include "db_merge_support.h"

namespace fw::test::dbcopy {

/// What the copy checks afterwards, as the origin had it.
struct Origin {
    std::int64_t watermark_item = 0;  ///< the item the extraction watermark names
};

/// merge::fill_origin's sources, items, versions, events and alert, plus a removed source that
/// still owns an item, the fetch log, answers, settings, a discovered model and prices.
inline Origin fill(store::Store& s) {
    merge::fill_origin(s);
    Origin o;
    const auto gone = merge::add(s, "gone", "https://example.org/gone.xml");
    o.watermark_item = merge::upsert(s, gone, merge::item("orphan", "kept after removal"));
    REQUIRE(s.remove_source("gone", false));

    auto sources = s.list_sources();
    REQUIRE(sources);
    REQUIRE(!sources->empty());
    store::FetchLogEntry log;
    log.source_id = sources->front().id;
    log.started_at = make_time(2026, 4, 9);
    log.status = FetchStatus::NotModified;
    log.http_status = 304;
    REQUIRE(s.log_fetch(log));

    auto events = s.list_events({});
    REQUIRE(events);
    QuestionAnswer a;
    a.id = "q1";
    a.text = "Released?";
    a.status = QuestionStatus::Yes;
    a.evidence = {events->front().id};
    REQUIRE(s.save_answers(std::vector<QuestionAnswer>{a}));

    REQUIRE(s.set_setting("extract.last_item_id", std::to_string(o.watermark_item)));
    REQUIRE(s.set_setting("fetch.allow_file_urls", "false"));
    REQUIRE(s.set_setting("gui.last_visit", "2026-04-09"));

    Taxonomy t;
    ModelInfo listed;
    listed.slug = "muse-spark";
    t.models.push_back(listed);
    REQUIRE(s.save_taxonomy(t));
    ModelInfo found;
    found.slug = "found-in-a-feed";
    REQUIRE(s.add_discovered_model(found));

    PriceBar bar;
    bar.symbol = "META";
    bar.date = day_of(make_time(2026, 4, 8));
    bar.close = 512.5;
    REQUIRE(s.upsert_prices(std::vector<PriceBar>{bar}));
    return o;
}

/// Copies `from_file` into `to_location` and checks what the target holds.
inline void check(const std::string& from_file, const std::string& to_location) {
    auto report = app::copy_database(from_file, to_location);
    REQUIRE(report);
    CHECK(app::count_differences(report->from, report->to).empty());
    CHECK(report->to.fetch_log == 1);
    CHECK(report->to.item_versions == 1);

    auto to = store::open_store(to_location);
    REQUIRE(to);
    store::Store& t = **to;
    auto events = t.list_events({});
    REQUIRE(events);
    auto answers = t.load_answers();
    REQUIRE(answers);
    REQUIRE(answers->size() == 1);
    REQUIRE(answers->front().evidence.size() == 1);
    // The answer's evidence names the copied event, under its id in the target.
    const auto cited = answers->front().evidence.front();
    CHECK(std::any_of(events->begin(), events->end(), [&](const Event& e) { return e.id == cited; }));

    CHECK(t.get_setting("gui.last_visit")->value_or("") == "2026-04-09");
    CHECK_FALSE(t.get_setting("fetch.allow_file_urls")->has_value());  // the target's own policy
    auto log = t.fetch_log();
    REQUIRE(log);
    REQUIRE(log->size() == 1);
    CHECK(log->front().status == FetchStatus::NotModified);
    CHECK(log->front().http_status == 304);
    auto sources = t.list_sources();
    REQUIRE(sources);
    CHECK(
        std::any_of(sources->begin(), sources->end(), [&](const Source& s) { return s.id == log->front().source_id; }));

    CHECK(t.discovered_models().value() == std::vector<std::string>{"found-in-a-feed"});
    CHECK(t.price_symbols().value() == std::vector<std::string>{"META"});
    auto items = t.list_items(store::ItemQuery{std::nullopt, std::nullopt, 0, 0});
    REQUIRE(items);
    auto orphan = std::find_if(items->begin(), items->end(), [](const Item& i) { return i.native_id == "orphan"; });
    REQUIRE(orphan != items->end());
    // The extraction watermark names the same item, under its id in the target.
    CHECK(t.get_setting("extract.last_item_id")->value_or("") == std::to_string(orphan->id));
}

}  // namespace fw::test::dbcopy
