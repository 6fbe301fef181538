// The dashboard's source-health panel filled from a store holding a failing, a stale, a fresh and
// a never-fetched source (the judgement itself is tested in tests/app/source_health_test.cpp).

#include <QTableWidget>
#include <QLabel>
#include <chrono>

#include "support/catch.h"
#include "ui/main_window.h"
#include "ui/qt_text.h"
#include "ui/views/dashboard_view.h"
#include "ui_fixture.h"

using namespace fw;
using namespace std::chrono_literals;

namespace {

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

}  // namespace

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
