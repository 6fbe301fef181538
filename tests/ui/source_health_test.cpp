// The dashboard's source-health judgement (ui/models/source_health.h) on plain sources, and the
// panel filled from a store holding a failing, a stale, a fresh and a never-fetched source.

#include <QTableWidget>
#include <QLabel>
#include <chrono>

#include "support/catch.h"
#include "ui/main_window.h"
#include "ui/models/source_health.h"
#include "ui/qt_text.h"
#include "ui/views/dashboard_view.h"
#include "ui_fixture.h"

using namespace fw;
using namespace std::chrono_literals;

namespace {

const TimePoint kNow = make_time(2026, 6, 1);

Source source(std::string name, std::optional<TimePoint> fetched, std::optional<TimePoint> newest,
              int failures = 0) {
    Source s;
    s.name = std::move(name);
    s.url = "https://example.com/" + s.name;
    s.interval_seconds = 3600;
    s.health.last_fetch_at = fetched;
    s.health.last_status = failures > 0 ? "failed" : "ok";
    s.health.consecutive_failures = failures;
    if (failures > 0) s.health.last_error = "HTTP 503 from example.com";
    s.health.newest_item_at = newest;
    return s;
}

// Plain hand-made sources: one of each state.
std::vector<Source> mixed() {
    return {
        source("b-fresh", kNow - 1h, kNow - 2h),
        source("a-old", kNow - 1h, kNow - std::chrono::days(40)),
        source("c-failing", kNow - 1h, kNow - 2h, 3),
        source("d-never", std::nullopt, std::nullopt),
        source("a-fresh", kNow - 1h, kNow - 5h),
    };
}

}  // namespace

TEST_CASE("a source whose newest item is long overdue for its interval is stale", "[ui][unit]") {
    CHECK(ui::healthFlag(source("x", kNow - 1h, kNow - std::chrono::days(40)), kNow) == ui::HealthFlag::Stale);
    CHECK(ui::healthFlag(source("x", kNow - 1h, kNow - 2h), kNow) == ui::HealthFlag::Ok);
    // A source without any dated item has nothing to be late against.
    CHECK(ui::healthFlag(source("x", kNow - 1h, std::nullopt), kNow) == ui::HealthFlag::Ok);
}

TEST_CASE("staleness follows the source's own cadence, beyond the one-day polling cap", "[ui][unit]") {
    // A monthly blog, quiet for 40 days: polled daily at most, yet not late.
    auto monthly = source("monthly", kNow - 1h, kNow - std::chrono::days(40));
    monthly.interval_seconds = 24 * 3600;
    std::vector<TimePoint> posts;
    for (int i = 0; i < 6; ++i) posts.push_back(kNow - std::chrono::days(40 + 30 * i));
    CHECK(ui::cadence(monthly, posts) == std::chrono::days(15));  // half the 30-day gap
    CHECK(ui::healthFlag(monthly, kNow, posts) == ui::HealthFlag::Ok);
    CHECK(ui::healthFlag(monthly, kNow) == ui::HealthFlag::Stale);  // judged by the polling cap
    // The same blog after a year of silence is stale.
    auto silent = monthly;
    silent.health.newest_item_at = kNow - std::chrono::days(365);
    CHECK(ui::healthFlag(silent, kNow, posts) == ui::HealthFlag::Stale);
}

TEST_CASE("without item times the user's interval overrides the polling one", "[ui][unit]") {
    auto s = source("weekly", kNow - 1h, kNow - std::chrono::days(5));
    s.interval_seconds = 3600;  // 10 x 1 h is long past, but 72 h of silence is the floor
    CHECK(ui::healthFlag(s, kNow) == ui::HealthFlag::Stale);
    s.every_seconds = 7 * 24 * 3600;  // a weekly source is fine after five quiet days
    CHECK(ui::cadence(s, {}) == std::chrono::days(7));
    CHECK(ui::healthFlag(s, kNow) == ui::HealthFlag::Ok);
}

TEST_CASE("failing beats stale, and a source never fetched is neither", "[ui][unit]") {
    CHECK(ui::healthFlag(source("x", kNow - 1h, kNow - std::chrono::days(400), 2), kNow) ==
          ui::HealthFlag::Failing);
    CHECK(ui::healthFlag(source("x", std::nullopt, std::nullopt), kNow) == ui::HealthFlag::NeverFetched);
}

TEST_CASE("health counts and order put failing, then stale sources first", "[ui][unit]") {
    auto sources = mixed();
    for (std::size_t i = 0; i < sources.size(); ++i) sources[i].id = static_cast<std::int64_t>(i + 1);
    const auto judged = ui::judgeSources(sources, {}, kNow);
    const auto c = ui::countHealth(judged);
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
    for (int i = 0; i < 5; ++i) times[2].push_back(kNow - std::chrono::days(40 + 60 * i));
    CHECK(ui::countHealth(ui::judgeSources(sources, times, kNow)).stale == 0);
}

TEST_CASE("the dashboard's health panel lists every source and flags failing and stale ones", "[ui][views]") {
    test::TempDir dir;
    auto session = test::openSession(dir.path() / "health.db");
    auto& store = *session->context().store;
    const TimePoint now = ui::nowSeconds();
    const std::vector<Source> wanted = {
        source("fresh-feed", now - 1h, now - 2h),
        source("silent-feed", now - 1h, now - std::chrono::days(90)),
        source("broken-feed", now - 1h, now - 2h, 4),
        source("new-feed", std::nullopt, std::nullopt),
    };
    for (const auto& s : wanted) {
        auto id = store.add_source(s);
        REQUIRE(id);
        Source saved = s;
        saved.id = *id;
        REQUIRE(store.save_source_state(saved));
    }
    ui::MainWindow window(*session);
    auto* dash = window.dashboard();
    auto* table = dash->healthTable();
    REQUIRE(table->rowCount() == 4);
    auto flagOf = [&](const QString& name) {
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, ui::DashboardView::HealthSource)->text() == name) {
                return table->item(r, ui::DashboardView::HealthFlagColumn)->text();
            }
        }
        return QStringLiteral("(missing)");
    };
    CHECK(flagOf("broken-feed") == "FAILING");
    CHECK(flagOf("silent-feed") == "STALE");
    CHECK(flagOf("fresh-feed") == "ok");
    CHECK(flagOf("new-feed") == "never fetched");
    CHECK(table->item(0, ui::DashboardView::HealthSource)->text() == "broken-feed");
    CHECK(table->item(0, ui::DashboardView::HealthFailures)->text() == "4");
    CHECK(table->item(0, ui::DashboardView::HealthNewest)->text() == ui::dateText(now - 2h));
    CHECK(dash->healthLabel()->text().contains("1 failing, 1 stale, 1 never fetched"));
}
