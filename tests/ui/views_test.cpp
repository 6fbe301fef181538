// Every view opened on the demo database (the bundled snapshot through the real pipeline):
// what the widgets hold must match what the core says.

#include <QAreaSeries>
#include <QChartView>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTableView>
#include <QTableWidget>

#include "analysis/common.h"
#include "app/event_service.h"
#include "support/catch.h"
#include "ui/main_window.h"
#include "ui/models/event_list_model.h"
#include "ui/models/event_table_model.h"
#include "ui/models/rollout_axis.h"
#include "ui/models/source_table_model.h"
#include "ui/qt_text.h"
#include "ui/views/dashboard_view.h"
#include "ui/views/event_detail_pane.h"
#include "ui/views/evals_view.h"
#include "ui/views/market_view.h"
#include "ui/views/openness_view.h"
#include "ui/views/people_view.h"
#include "ui/views/review_view.h"
#include "ui/views/rollout_view.h"
#include "ui/views/sources_view.h"
#include "ui/views/timeline_view.h"
#include "ui_fixture.h"

using namespace fw;

namespace {

struct DemoWindow {
    std::unique_ptr<ui::Session> session = test::openSession(test::demoDatabase());
    ui::MainWindow window{*session};
    DemoWindow() { REQUIRE(ui::waitForReport(*session, 120000)); }
    const app::ReportResult& report() const { return *session->report(); }
};

int nonRejected(const std::vector<Event>& events) {
    int n = 0;
    for (const auto& e : events)
        n += e.review != Review::Rejected ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("the timeline lists the stored events, lazily", "[ui][views]") {
    DemoWindow w;
    auto all = w.session->context().store->list_events({});
    REQUIRE(all);
    REQUIRE_FALSE(all->empty());
    auto* model = w.window.timeline()->model();
    CHECK(model->totalCount() == static_cast<int>(all->size()));
    CHECK(model->rowCount() == std::min<int>(static_cast<int>(all->size()), ui::EventTableModel::kBatch));
}

TEST_CASE("the timeline's kind filter keeps only that kind", "[ui][views]") {
    DemoWindow w;
    auto* timeline = w.window.timeline();
    auto* box = timeline->kindBox();
    const int idx = box->findData(QStringLiteral("model_release"));
    REQUIRE(idx > 0);
    box->setCurrentIndex(idx);
    auto* model = timeline->model();
    REQUIRE(model->totalCount() > 0);
    while (model->canFetchMore({}))
        model->fetchMore({});
    for (int r = 0; r < model->rowCount(); ++r) {
        CHECK(model->eventAt(r)->kind == EventKind::ModelRelease);
    }
    store::EventQuery q;
    q.kind = EventKind::ModelRelease;
    CHECK(model->totalCount() == static_cast<int>(w.session->context().store->list_events(q)->size()));
}

TEST_CASE("the timeline's full-text search keeps events citing matching items", "[ui][views]") {
    DemoWindow w;
    auto* timeline = w.window.timeline();
    const int before = timeline->model()->totalCount();
    timeline->setSearchText(QStringLiteral("zzqqxxnotaword"));
    CHECK(timeline->model()->totalCount() == 0);
    timeline->setSearchText(QStringLiteral("llama"));
    CHECK(timeline->model()->totalCount() <= before);
    CHECK(timeline->statusLabel()->text().contains("items match"));
    timeline->setSearchText({});
    CHECK(timeline->model()->totalCount() == before);
}

TEST_CASE("the dashboard shows a card per watch question", "[ui][views]") {
    DemoWindow w;
    CHECK(w.window.dashboard()->questionCardCount() == static_cast<int>(w.report().report.questions.size()));
    auto sources = w.session->context().store->list_sources();
    REQUIRE(sources);
    CHECK(w.window.dashboard()->healthLabel()->text().startsWith(QString::number(sources->size())));
    // The health panel is a row per source, not only the failing ones.
    CHECK(w.window.dashboard()->healthTable()->rowCount() == static_cast<int>(sources->size()));
    // First visit in this config: every event is new (the list hands them to the view lazily).
    CHECK(w.window.dashboard()->newEventsModel()->totalCount() ==
          static_cast<int>(w.session->context().store->list_events({})->size()));
}

TEST_CASE("the rollout view lists only models that reached a surface and counts the rest", "[ui][views]") {
    DemoWindow w;
    const auto& rollout = w.report().report.rollout;
    REQUIRE_FALSE(rollout.empty());
    int reached = 0;
    for (const auto& m : rollout)
        reached += m.surfaces.empty() ? 0 : 1;
    REQUIRE(reached > 0);
    auto* table = w.window.rollout()->table();
    REQUIRE(table->rowCount() == reached);
    for (int r = 0; r < table->rowCount(); ++r) {
        for (const auto& m : rollout) {
            if (ui::qs(m.model) == table->item(r, 0)->text())
                CHECK_FALSE(m.surfaces.empty());
        }
    }
    const int rest = static_cast<int>(rollout.size()) - reached;
    if (rest > 0)
        CHECK(w.window.rollout()->noteLabel()->text().contains(QString::number(rest) + " with no surface"));
}

TEST_CASE("the rollout axis stops at max(120, p90) days and marks the points beyond it", "[ui][views]") {
    DemoWindow w;
    std::vector<int> lags;
    int lanes = 0;
    for (const auto& m : w.report().report.rollout) {
        lanes += m.surfaces.empty() ? 0 : 1;
        for (const auto& s : m.surfaces)
            lags.push_back(s.days_after_launch);
    }
    REQUIRE(lanes <= ui::RolloutView::kMaxLanes);  // every lane drawn: the lags above are all shown
    auto* view = w.window.rollout();
    CHECK(view->axisLimit() == ui::rolloutAxisLimit(lags));
    const auto beyond = std::count_if(lags.begin(), lags.end(), [&](int d) { return d > view->axisLimit(); });
    CHECK(view->clippedCount() == beyond);
    QChart* chart = view->chartView()->chart();
    const auto axes = chart->axes(Qt::Horizontal);
    REQUIRE(axes.size() == 1);
    const double axisMax = qobject_cast<QValueAxis*>(axes.front())->max();
    CHECK(axisMax < view->axisLimit() * 1.2);
    // Every point is inside the axis; clipped ones are the triangles right of the limit.
    int triangles = 0;
    for (auto* series : chart->series()) {
        auto* scatter = qobject_cast<QScatterSeries*>(series);
        REQUIRE(scatter != nullptr);
        for (const QPointF& p : scatter->points())
            CHECK(p.x() <= axisMax);
        if (scatter->markerShape() == QScatterSeries::MarkerShapeTriangle) {
            ++triangles;
            for (const QPointF& p : scatter->points())
                CHECK(p.x() > view->axisLimit());
        }
    }
    CHECK(triangles == beyond);
}

TEST_CASE("the eval chart has first- and third-party bars for every lab", "[ui][views]") {
    DemoWindow w;
    const auto& evals = w.report().report.eval_disclosure;
    CHECK(w.window.evals()->table()->rowCount() == static_cast<int>(evals.models.size()));
    CHECK(w.window.evals()->chartView()->chart()->series().size() == 1);
}

TEST_CASE("the open-share chart has a line per lab with releases", "[ui][views]") {
    DemoWindow w;
    int labs = 0;
    for (const auto& lab : w.report().report.openness.labs)
        labs += lab.open_share.empty() ? 0 : 1;
    CHECK(w.window.openness()->chartView()->chart()->series().size() == labs);
    CHECK(w.window.openness()->licenceTable()->rowCount() ==
          static_cast<int>(w.report().report.openness.license_changes.size()));
}

TEST_CASE("the people chart draws a tenure line per person with a start", "[ui][views]") {
    DemoWindow w;
    int lines = 0;
    for (const auto& t : w.report().report.people.tenures)
        lines += t.since ? 1 : 0;
    lines = std::min(lines, ui::PeopleView::kMaxLines);
    CHECK(w.window.people()->chartView()->chart()->series().size() == lines);
    CHECK(w.window.people()->flowTable()->rowCount() == static_cast<int>(w.report().report.people.flows.size()));
}

TEST_CASE("the market view lists each event study and shows its CAR", "[ui][views]") {
    DemoWindow w;
    const auto& studies = w.report().report.market.event_studies;
    auto* market = w.window.market();
    CHECK(market->studyBox()->count() == static_cast<int>(studies.size()));
    if (studies.empty()) {
        CHECK(market->priceChart()->chart()->series().isEmpty());
        return;
    }
    // Event-window band, stock, benchmark and event markers; abnormal-return bars and the CAR.
    CHECK(market->priceChart()->chart()->series().size() == 4);
    CHECK(market->abnormalChart()->chart()->series().size() == 1);
    CHECK(market->carLabel()->text().startsWith("CAR"));
}

TEST_CASE("the market view opens on the newest study of a model the watch questions name", "[ui][views]") {
    DemoWindow w;
    const auto& studies = w.report().report.market.event_studies;
    REQUIRE_FALSE(studies.empty());
    const int shown = w.window.market()->currentStudy();
    REQUIRE(shown >= 0);
    CHECK(w.window.market()->studyBox()->currentIndex() == shown);
    // The demo's questions are about the muse-spark family, which has studies.
    const auto& chosen = studies[static_cast<std::size_t>(shown)];
    CHECK(analysis::in_family(chosen.model, "muse-spark", w.session->context().taxonomy));
    for (const auto& s : studies) {
        if (analysis::in_family(s.model, "muse-spark", w.session->context().taxonomy)) {
            CHECK(s.study.event_date <= chosen.study.event_date);
        }
    }
}

TEST_CASE("the market price chart shades the event window of the study shown", "[ui][views]") {
    DemoWindow w;
    const auto& studies = w.report().report.market.event_studies;
    REQUIRE_FALSE(studies.empty());
    auto* market = w.window.market();
    for (int i : {0, static_cast<int>(studies.size()) - 1}) {
        market->studyBox()->setCurrentIndex(i);
        const auto& study = studies[static_cast<std::size_t>(i)].study;
        REQUIRE_FALSE(study.window.empty());
        QAreaSeries* band = nullptr;
        for (auto* s : market->priceChart()->chart()->series()) {
            if (auto* a = qobject_cast<QAreaSeries*>(s))
                band = a;
        }
        REQUIRE(band != nullptr);
        const auto points = band->upperSeries()->points();
        REQUIRE(points.size() == 2);
        const double first = ui::chartMs(TimePoint(study.window.front().date));
        const double last = ui::chartMs(TimePoint(study.window.back().date));
        // The band covers every window day and less than a day beyond either end.
        CHECK(points[0].x() <= first);
        CHECK(points[0].x() > first - 86400e3);
        CHECK(points[1].x() >= last);
        CHECK(points[1].x() < last + 86400e3);
    }
}

TEST_CASE("the sources view lists every source with its health", "[ui][views]") {
    DemoWindow w;
    auto sources = w.session->context().store->list_sources();
    REQUIRE(sources);
    CHECK(w.window.sources()->model()->rowCount() == static_cast<int>(sources->size()));
}

TEST_CASE("the review view lists the auto events and confirming one removes it", "[ui][views]") {
    DemoWindow w;
    auto* review = w.window.review();
    int autos = 0;
    // Held in a variable: a range-for over *list_events(...) would read a destroyed Result.
    const auto events = w.session->context().store->list_events({});
    REQUIRE(events);
    for (const auto& e : *events)
        autos += e.review == Review::Auto ? 1 : 0;
    REQUIRE(review->model()->totalCount() == autos);
    if (autos == 0)
        return;
    const auto id = review->model()->eventAt(0)->id;
    review->table()->selectRow(0);
    REQUIRE(review->detail()->event().has_value());
    REQUIRE(app::set_review(w.session->context(), id, Review::Confirmed));
    w.session->notifyChanged();
    CHECK(review->model()->totalCount() == autos - 1);
    CHECK(nonRejected(*w.session->context().store->list_events({})) >= 1);
    // Put it back for the other tests that share the demo database.
    REQUIRE(w.session->context().store->set_review(id, Review::Auto));
}

TEST_CASE("Ctrl+number shortcuts and showView switch the visible view", "[ui][views]") {
    DemoWindow w;
    for (ui::ViewId id : ui::allViews()) {
        w.window.showView(id);
        CHECK(w.window.currentView() == id);
    }
}

TEST_CASE("at 1280 px the timeline's title column is last and takes the room left", "[ui][views]") {
    DemoWindow w;
    w.window.resize(1280, 800);
    w.window.showView(ui::ViewId::Timeline);
    w.window.show();
    QCoreApplication::processEvents();
    auto* table = w.window.timeline()->table();
    const auto* header = table->horizontalHeader();
    CHECK(header->visualIndex(ui::EventTableModel::Title) == ui::EventTableModel::ColumnCount - 1);
    // Every column fits without a horizontal scroll bar, and the title is the widest one.
    CHECK(header->length() <= table->viewport()->width());
    for (int c = 0; c < ui::EventTableModel::ColumnCount; ++c) {
        if (c != ui::EventTableModel::Title)
            CHECK(header->sectionSize(c) < header->sectionSize(ui::EventTableModel::Title));
    }
    // It was 100 px before the fix; now a quarter of the table at least.
    CHECK(header->sectionSize(ui::EventTableModel::Title) >= table->viewport()->width() / 4);
    CHECK_FALSE(table->wordWrap());
    w.window.hide();
}
