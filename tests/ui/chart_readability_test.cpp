// Charts stay readable (issue 17): a category per colour in the rollout lanes, an outlier 980 days
// after launch clipped at the edge instead of squeezing the other lanes, and each day at most once
// on the market chart's date axis.

#include <QCategoryAxis>
#include <QComboBox>
#include <QDate>
#include <QLabel>
#include <QScatterSeries>
#include <QSet>
#include <QValueAxis>
#include <algorithm>
#include <map>
#include <set>

#include "support/catch.h"
#include "ui/charts/chart_util.h"
#include "ui/models/rollout_axis.h"
#include "ui/screenshot.h"
#include "ui/views/market_view.h"
#include "ui/views/rollout_view.h"
#include "ui_fixture.h"

using namespace fw;

namespace {

const QStringList kCategories = {"monetizable", "engagement", "hardware", "developer", "enterprise", "unknown"};

Event event(EventKind kind, const std::string& model, TimePoint at, const std::string& key) {
    Event e;
    e.kind = kind;
    e.occurred_at = at;
    e.detected_at = at;
    e.lab = "meta";
    e.model = model;
    e.dedupe_key = key;
    e.review = Review::Confirmed;
    e.confidence = 1.0;
    return e;
}

void addSurface(store::Store& store, const std::string& model, TimePoint launch, int days, const std::string& surface) {
    Event e = event(EventKind::SurfaceRollout, model, launch + std::chrono::days(days),
                    "surface_rollout|" + model + "|" + surface);
    e.surface = surface;
    REQUIRE(store.upsert_event(e));
}

/// Waits until no report build runs or is queued, so the latest report has every stored event.
void settle(ui::Session& session) {
    for (int i = 0; i < 10 && session.reports().running(); ++i)
        ui::waitForReport(session, 120000);
}

}  // namespace

TEST_CASE("each surface category has its own colour, and unknown ones stay stable", "[ui][unit]") {
    std::set<QRgb> seen;
    for (const auto& c : kCategories)
        seen.insert(ui::surfaceCategoryColor(c).rgb());
    CHECK(seen.size() == static_cast<std::size_t>(kCategories.size()));
    // The same hues as the HTML report's swimlanes.
    CHECK(ui::surfaceCategoryColor("engagement") == QColor("#1f77b4"));
    CHECK(ui::surfaceCategoryColor("monetizable") == QColor("#d62728"));
    // A category a user adds gets a hue none of the known ones has, the same one every time.
    const QColor own = ui::surfaceCategoryColor("automotive");
    CHECK(own == ui::surfaceCategoryColor("automotive"));
    CHECK_FALSE(seen.contains(own.rgb()));
}

TEST_CASE("day ticks never repeat a day and stay within the range", "[ui][unit]") {
    const Day first = day_of(make_time(2025, 3, 10));
    for (int span : {0, 1, 2, 3, 4, 5, 6, 9, 13, 20, 40, 60, 83, 115, 200, 365, 800, 4000}) {
        for (int max_labels : {2, 5, 6, 8}) {
            INFO("span " << span << " days, at most " << max_labels << " labels");
            const Day last = first + std::chrono::days(span);
            const auto ticks = ui::dayTicks(first, last, max_labels);
            REQUIRE_FALSE(ticks.empty());
            CHECK(static_cast<int>(ticks.size()) <= std::max(max_labels, 2));
            CHECK(std::set<Day>(ticks.begin(), ticks.end()).size() == ticks.size());
            for (Day d : ticks)
                CHECK((d >= first && d <= last));
            CHECK(std::is_sorted(ticks.begin(), ticks.end()));
        }
    }
    // Short ranges label every day; long ones the first of a month.
    CHECK(ui::dayTicks(first, first + std::chrono::days(3), 6).size() == 4);
    const auto months = ui::dayTicks(first, first + std::chrono::days(115), 6);
    for (Day d : months)
        CHECK(std::chrono::year_month_day(d).day() == std::chrono::day(1));
}

TEST_CASE("the rollout lanes give each category its own colour", "[ui][views]") {
    auto session = test::openSession(test::demoDatabase());
    ui::RolloutView view(*session);
    REQUIRE(ui::waitForReport(*session, 120000));
    view.showReport();
    std::map<QString, QColor> colour;
    for (auto* series : view.chartView()->chart()->series()) {
        auto* scatter = qobject_cast<QScatterSeries*>(series);
        REQUIRE(scatter != nullptr);
        if (kCategories.contains(scatter->name()))
            colour[scatter->name()] = scatter->color();
    }
    REQUIRE(colour.size() >= 3);  // the demo reaches surfaces of several categories
    std::set<QRgb> distinct;
    for (const auto& [name, c] : colour) {
        INFO(name.toStdString());
        CHECK(c == ui::surfaceCategoryColor(name));
        distinct.insert(c.rgb());
    }
    CHECK(distinct.size() == colour.size());
}

TEST_CASE("a surface 980 days after launch is clipped at the edge, not squeezing the others", "[ui][views]") {
    test::TempDir dir;
    auto session = test::openSession(dir / "outlier.db");
    auto& store = *session->context().store;
    const TimePoint launch = make_time(2024, 1, 10);
    int n = 0;
    for (const std::string model : {"llama-3", "llama-2", "code-llama"}) {
        const TimePoint at = launch + std::chrono::days(30 * n++);
        REQUIRE(store.upsert_event(event(EventKind::ModelRelease, model, at, "model_release|" + model)));
        addSurface(store, model, at, 0, "meta-model-api");
        addSurface(store, model, at, 12, "whatsapp");
        addSurface(store, model, at, 40, "instagram-creator-tools");
    }
    const TimePoint late_launch = launch + std::chrono::days(5);
    REQUIRE(store.upsert_event(event(EventKind::ModelRelease, "llama", late_launch, "model_release|llama")));
    addSurface(store, "llama", late_launch, 3, "llama-api");
    addSurface(store, "llama", late_launch, 980, "ray-ban-meta-glasses");

    settle(*session);
    session->notifyChanged();
    REQUIRE(ui::waitForReport(*session, 120000));
    settle(*session);
    ui::RolloutView view(*session);
    REQUIRE(view.clippedCount() == 1);
    CHECK(view.axisLimit() == ui::kRolloutMinAxisDays);
    auto* x = qobject_cast<QValueAxis*>(view.chartView()->chart()->axes(Qt::Horizontal).front());
    REQUIRE(x != nullptr);
    CHECK(x->max() < 150);  // the other lanes keep the width: 40 days is a third of the axis
    CHECK(x->titleText().contains("clipped"));
    bool found = false;
    for (auto* series : view.chartView()->chart()->series()) {
        auto* s = qobject_cast<QScatterSeries*>(series);
        if (s->markerShape() != QScatterSeries::MarkerShapeTriangle)
            continue;
        found = true;
        REQUIRE(s->count() == 1);
        CHECK(s->at(0).x() > view.axisLimit());
        CHECK(s->at(0).x() <= x->max());
        CHECK(s->pointLabelsFormat().contains("980 d"));
        CHECK(s->color() == ui::surfaceCategoryColor("hardware"));  // the clipped point keeps its colour
    }
    CHECK(found);
    CHECK(view.noteLabel()->text().contains("later than 120 days"));
}

TEST_CASE("the market chart's date axis labels each day once", "[ui][views]") {
    auto session = test::openSession(test::demoDatabase());
    ui::MarketView view(*session);
    REQUIRE(ui::waitForReport(*session, 120000));
    view.showReport();
    const auto& studies = session->report()->report.market.event_studies;
    REQUIRE_FALSE(studies.empty());
    for (int i = 0; i < static_cast<int>(studies.size()); ++i) {
        INFO("study " << i);
        view.studyBox()->setCurrentIndex(i);
        const auto axes = view.priceChart()->chart()->axes(Qt::Horizontal);
        REQUIRE(axes.size() == 1);
        auto* x = qobject_cast<QCategoryAxis*>(axes.front());
        REQUIRE(x != nullptr);
        const QStringList labels = x->categoriesLabels();
        CHECK(labels.size() >= 2);
        CHECK(QSet<QString>(labels.begin(), labels.end()).size() == labels.size());
        for (const auto& l : labels)
            CHECK(QDate::fromString(l, Qt::ISODate).isValid());
    }
}
