// The cockpit over a store of more events than one batch (issue 18 part 4): the views read the
// events only when shown, share one read, and hand rows to their views lazily; scrolling to the
// bottom reaches every event. Times are measured by bench/ui/fw_cockpit_bench, never here.

#include <QCoreApplication>
#include <QLabel>
#include <QListView>
#include <QScrollBar>
#include <QTableView>

#include "support/catch.h"
#include "ui/main_window.h"
#include "ui/models/event_list_model.h"
#include "ui/models/event_table_model.h"
#include "ui/views/dashboard_view.h"
#include "ui/views/market_view.h"
#include "ui/views/review_view.h"
#include "ui/views/timeline_view.h"
#include "ui_fixture.h"

using namespace fw;

namespace {

constexpr int kEvents = 1000;

/// A store of kEvents auto events, one a day, and a window on it (not shown).
struct BigStore {
    test::TempDir dir;
    std::unique_ptr<ui::Session> session = test::openSession(dir / "fw.db");

    BigStore() {
        auto& store = *session->context().store;
        for (int i = 0; i < kEvents; ++i) {
            Event e;
            e.kind = i % 2 ? EventKind::ModelRelease : EventKind::SurfaceRollout;
            e.occurred_at = make_time(2024, 1, 1) + std::chrono::hours(24 * i);
            e.detected_at = e.occurred_at;
            e.lab = "meta";
            e.title = "event " + std::to_string(i);
            e.dedupe_key = "lazy|" + std::to_string(i);
            e.confidence = 0.5;
            REQUIRE(store.upsert_event(e));
        }
    }
};

/// Page steps down the view until the scroll bar is at its end and the model has nothing more.
int scrollToEnd(QAbstractItemView* view) {
    int steps = 0;
    QScrollBar* bar = view->verticalScrollBar();
    while ((bar->value() < bar->maximum() || view->model()->canFetchMore({})) && steps < 10 * kEvents) {
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        QCoreApplication::processEvents();
        ++steps;
    }
    return steps;
}

}  // namespace

TEST_CASE("the event list model hands its rows in batches", "[ui][model]") {
    auto shared = std::make_shared<std::vector<Event>>(kEvents);
    std::vector<const Event*> rows;
    for (int i = 0; i < kEvents; ++i) {
        (*shared)[static_cast<std::size_t>(i)].title = "e" + std::to_string(i);
        rows.push_back(&(*shared)[static_cast<std::size_t>(i)]);
    }
    ui::EventListModel model;
    model.setRows(shared, rows);
    CHECK(model.totalCount() == kEvents);
    CHECK(model.rowCount() == ui::EventListModel::kBatch);
    CHECK(model.eventAt(ui::EventListModel::kBatch) == nullptr);
    CHECK(model.index(1).data().toString().endsWith("e1"));
    while (model.canFetchMore({}))
        model.fetchMore({});
    CHECK(model.rowCount() == kEvents);
    CHECK(model.eventAt(kEvents - 1)->title == "e" + std::to_string(kEvents - 1));
}

TEST_CASE("the timeline and the review queue read the events only when shown", "[ui][views]") {
    BigStore s;
    ui::MainWindow window(*s.session);
    // Built but not shown: the tables have no rows (TimelineView::model() would load them).
    CHECK(window.timeline()->table()->model()->rowCount() == 0);
    CHECK(window.review()->table()->model()->rowCount() == 0);
    window.showView(ui::ViewId::Timeline);
    window.show();
    QCoreApplication::processEvents();
    auto* timeline = window.timeline()->table();
    CHECK(timeline->model()->rowCount() == ui::EventTableModel::kBatch);
    CHECK(window.timeline()->model()->totalCount() == kEvents);
    // Fewer rows than the store until the table scrolls; all of them at its bottom.
    scrollToEnd(timeline);
    CHECK(timeline->model()->rowCount() == kEvents);
    CHECK(window.review()->table()->model()->rowCount() == 0);
    window.showView(ui::ViewId::Review);
    QCoreApplication::processEvents();
    CHECK(window.review()->table()->model()->rowCount() == ui::EventTableModel::kBatch);
    CHECK(window.review()->model()->totalCount() == kEvents);
    window.hide();
}

TEST_CASE("a change to the store reaches the shown timeline and the hidden review queue", "[ui][views]") {
    BigStore s;
    ui::MainWindow window(*s.session);
    // With the report in, the timeline takes its events instead of reading them again...
    REQUIRE(ui::waitForReport(*s.session, 120000));
    window.showView(ui::ViewId::Timeline);
    window.show();
    QCoreApplication::processEvents();
    REQUIRE(window.timeline()->model()->totalCount() == kEvents);
    const auto& reported = s.session->report()->events;
    const Event* first = window.timeline()->model()->eventAt(0);
    CHECK((first >= reported.data() && first < reported.data() + reported.size()));
    // ...but not after a change: that report no longer holds what the store does.
    const auto id = window.timeline()->model()->eventAt(0)->id;
    REQUIRE(s.session->context().store->set_review(id, Review::Confirmed));
    s.session->notifyChanged();
    // The shown timeline reloaded at once; the review queue reads the store when asked.
    CHECK(window.timeline()->table()->model()->rowCount() == ui::EventTableModel::kBatch);
    CHECK(window.timeline()->model()->eventAt(0)->review == Review::Confirmed);
    CHECK(window.review()->model()->totalCount() == kEvents - 1);
    window.hide();
}

TEST_CASE("the dashboard's new events come with the report, lazily, and scroll to the last", "[ui][views]") {
    BigStore s;
    ui::MainWindow window(*s.session);
    auto* list = window.dashboard()->newEventsList();
    REQUIRE(ui::waitForReport(*s.session, 120000));
    QCoreApplication::processEvents();
    auto* model = window.dashboard()->newEventsModel();
    CHECK(model->totalCount() == kEvents);
    CHECK(list->model()->rowCount() == ui::EventListModel::kBatch);
    // Newest first.
    CHECK(model->eventAt(0)->title == "event " + std::to_string(kEvents - 1));
    window.showView(ui::ViewId::Dashboard);
    window.show();
    QCoreApplication::processEvents();
    scrollToEnd(list);
    CHECK(list->model()->rowCount() == kEvents);
    CHECK(model->eventAt(kEvents - 1)->title == "event 0");
    window.hide();
}

TEST_CASE("the market tab names the first 20 releases it could not study and counts the rest", "[ui][views]") {
    BigStore s;
    ui::MainWindow window(*s.session);
    REQUIRE(ui::waitForReport(*s.session, 120000));
    // Meta's 500 releases, with no prices in the store: none can be studied.
    const auto skipped = s.session->report()->report.market.skipped.size();
    REQUIRE(skipped > 20);
    const QString text = window.market()->skippedLabel()->text();
    CHECK(text.count(QStringLiteral("; ")) == 20);
    CHECK(text.endsWith(QStringLiteral("and %1 more").arg(skipped - 20)));
}
