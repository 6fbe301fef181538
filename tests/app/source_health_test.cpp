// Source health, one judgement for the CLI and the GUI (app/source_health.h): on plain sources,
// and from a store through sources_with_health with the reason in words.

#include <chrono>

#include "app/source_health.h"
#include "support/catch.h"
#include "support/paths.h"
#include "support/temp_dir.h"

using namespace fw;
using namespace std::chrono_literals;

namespace {

const TimePoint kNow = make_time(2026, 6, 1);

Source source(std::string name, std::optional<TimePoint> fetched, std::optional<TimePoint> newest, int failures = 0) {
    Source s;
    s.name = std::move(name);
    s.url = "https://example.com/" + s.name;
    s.interval_seconds = 3600;
    s.health.last_fetch_at = fetched;
    s.health.last_status = failures > 0 ? FetchStatus::Failed : FetchStatus::Ok;
    s.health.consecutive_failures = failures;
    if (failures > 0)
        s.health.last_error = "HTTP 503 from example.com";
    s.health.newest_item_at = newest;
    return s;
}

// Plain hand-made sources: one of each state.
std::vector<Source> mixed() {
    return {
        source("b-fresh", kNow - 1h, kNow - 2h),      source("a-old", kNow - 1h, kNow - std::chrono::days(40)),
        source("c-failing", kNow - 1h, kNow - 2h, 3), source("d-never", std::nullopt, std::nullopt),
        source("a-fresh", kNow - 1h, kNow - 5h),
    };
}

}  // namespace

TEST_CASE("a source whose newest item is long overdue for its interval is stale", "[app][health]") {
    CHECK(app::healthFlag(source("x", kNow - 1h, kNow - std::chrono::days(40)), kNow) == app::HealthFlag::Stale);
    CHECK(app::healthFlag(source("x", kNow - 1h, kNow - 2h), kNow) == app::HealthFlag::Ok);
    // A source without any dated item has nothing to be late against.
    CHECK(app::healthFlag(source("x", kNow - 1h, std::nullopt), kNow) == app::HealthFlag::Ok);
}

TEST_CASE("staleness follows the source's own cadence, beyond the one-day polling cap", "[app][health]") {
    // A monthly blog, quiet for 40 days: polled daily at most, yet not late.
    auto monthly = source("monthly", kNow - 1h, kNow - std::chrono::days(40));
    monthly.interval_seconds = 24 * 3600;
    std::vector<TimePoint> posts;
    for (int i = 0; i < 6; ++i)
        posts.push_back(kNow - std::chrono::days(40 + 30 * i));
    CHECK(app::cadence(monthly, posts) == std::chrono::days(15));  // half the 30-day gap
    CHECK(app::healthFlag(monthly, kNow, posts) == app::HealthFlag::Ok);
    CHECK(app::healthFlag(monthly, kNow) == app::HealthFlag::Stale);  // judged by the polling cap
    // The same blog after a year of silence is stale.
    auto silent = monthly;
    silent.health.newest_item_at = kNow - std::chrono::days(365);
    CHECK(app::healthFlag(silent, kNow, posts) == app::HealthFlag::Stale);
}

TEST_CASE("without item times the user's interval overrides the polling one", "[app][health]") {
    auto s = source("weekly", kNow - 1h, kNow - std::chrono::days(5));
    s.interval_seconds = 3600;  // 10 x 1 h is long past, but 72 h of silence is the floor
    CHECK(app::healthFlag(s, kNow) == app::HealthFlag::Stale);
    s.every_seconds = 7 * 24 * 3600;  // a weekly source is fine after five quiet days
    CHECK(app::cadence(s, {}) == std::chrono::days(7));
    CHECK(app::healthFlag(s, kNow) == app::HealthFlag::Ok);
}

TEST_CASE("failing beats stale, and a source never fetched is neither", "[app][health]") {
    CHECK(app::healthFlag(source("x", kNow - 1h, kNow - std::chrono::days(400), 2), kNow) == app::HealthFlag::Failing);
    CHECK(app::healthFlag(source("x", std::nullopt, std::nullopt), kNow) == app::HealthFlag::NeverFetched);
}

TEST_CASE("health counts and order put failing, then stale sources first", "[app][health]") {
    auto sources = mixed();
    for (std::size_t i = 0; i < sources.size(); ++i)
        sources[i].id = static_cast<std::int64_t>(i + 1);
    const auto judged = app::judgeSources(sources, {}, kNow);
    const auto c = app::countHealth(judged);
    CHECK(c.ok == 2);
    CHECK(c.stale == 1);
    CHECK(c.failing == 1);
    CHECK(c.never == 1);
    REQUIRE(judged.size() == sources.size());
    CHECK(judged[0].source->name == "c-failing");
    CHECK(judged[1].source->name == "a-old");
    CHECK(judged[2].source->name == "d-never");
    CHECK(judged[3].source->name == "a-fresh");
    CHECK(judged[4].source->name == "b-fresh");
    // Item times given for "a-old" (id 2) show a slow cadence: it is no longer stale.
    std::map<std::int64_t, std::vector<TimePoint>> times;
    for (int i = 0; i < 5; ++i)
        times[2].push_back(kNow - std::chrono::days(40 + 60 * i));
    CHECK(app::countHealth(app::judgeSources(sources, times, kNow)).stale == 0);
}

TEST_CASE("the verdict says why, and the store's sources are judged with their item times", "[app][health]") {
    const auto failing = app::judge_health(source("x", kNow - 1h, kNow - 2h, 3), kNow);
    CHECK(failing.flag == app::HealthFlag::Failing);
    CHECK(failing.reason == "3 failed fetches in a row: HTTP 503 from example.com");
    const auto stale = app::judge_health(source("x", kNow - 1h, kNow - std::chrono::days(40)), kNow);
    CHECK(stale.flag == app::HealthFlag::Stale);
    CHECK(stale.reason == "newest item 40 days old, expected about every 60 min");
    CHECK(app::judge_health(source("x", std::nullopt, std::nullopt), kNow).reason == "never fetched");
    CHECK(app::health_code(app::HealthFlag::Ok) == "fresh");
    CHECK(app::health_code(app::HealthFlag::NeverFetched) == "never_fetched");

    test::TempDir dir;
    auto ctx = app::open_context({(dir / "fw.db").string(), test::bundled_data(), {}});
    REQUIRE(ctx);
    // A monthly source quiet for 40 days: its items' cadence keeps it fresh.
    auto monthly = source("monthly", kNow - 1h, kNow - std::chrono::days(40));
    auto id = ctx->store->add_source(monthly);
    REQUIRE(id);
    monthly.id = *id;
    REQUIRE(ctx->store->save_source_state(monthly));
    std::vector<Item> items;
    for (int i = 0; i < 5; ++i) {
        Item item;
        item.native_id = "post-" + std::to_string(i);
        item.entry.title = item.native_id;
        item.entry.published = kNow - std::chrono::days(40 + 30 * i);
        item.fetched_at = kNow - 1h;
        item.content_hash = item.native_id;
        items.push_back(item);
    }
    REQUIRE(ctx->store->upsert_items(*id, items));
    auto judged = app::sources_with_health(*ctx, kNow);
    REQUIRE(judged);
    REQUIRE(judged->size() == 1);
    CHECK(judged->front().health.flag == app::HealthFlag::Ok);
    CHECK(judged->front().health.reason == "newest item 40 days old, expected about every 15 days");
}
