#include "support/catch.h"
#include "ui/models/event_filter.h"
#include "ui/models/event_table_model.h"

#include <chrono>

using fw::ui::EventTableModel;

namespace {

std::vector<fw::Event> makeEvents(int n) {
    std::vector<fw::Event> out;
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        fw::Event e;
        e.id = i + 1;
        e.kind = i % 2 ? fw::EventKind::ModelRelease : fw::EventKind::SurfaceRollout;
        e.occurred_at = fw::make_time(2024, 1, 1) + std::chrono::hours(24 * (i % 700));
        e.title = "event " + std::to_string(i);
        e.lab = i % 3 ? "meta" : "openai";
        e.confidence = (i % 10) / 10.0;
        out.push_back(e);
    }
    return out;
}

}  // namespace

TEST_CASE("the event model hands rows to the view in batches", "[ui][model]") {
    EventTableModel model;
    model.setEvents(makeEvents(1000));
    CHECK(model.totalCount() == 1000);
    CHECK(model.rowCount() == EventTableModel::kBatch);
    REQUIRE(model.canFetchMore({}));
    model.fetchMore({});
    CHECK(model.rowCount() == 2 * EventTableModel::kBatch);
    while (model.canFetchMore({})) {
        model.fetchMore({});
    }
    CHECK(model.rowCount() == 1000);
    CHECK_FALSE(model.canFetchMore({}));
}

TEST_CASE("100k events load without creating 100k rows", "[ui][model]") {
    EventTableModel model;
    const auto start = std::chrono::steady_clock::now();
    model.setEvents(makeEvents(100000));
    model.sort(EventTableModel::Date, Qt::DescendingOrder);
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(model.rowCount() == EventTableModel::kBatch);
    CHECK(model.totalCount() == 100000);
    CHECK(took < std::chrono::seconds(20));  // Debug build on a shared, loaded machine
}

TEST_CASE("sorting orders every event, not only the loaded rows", "[ui][model]") {
    EventTableModel model;
    model.setEvents(makeEvents(1000));
    model.sort(EventTableModel::Date, Qt::AscendingOrder);
    const auto first = model.eventAt(0)->occurred_at;
    model.sort(EventTableModel::Date, Qt::DescendingOrder);
    CHECK(model.eventAt(0)->occurred_at > first);
    // The newest of all 1000, though only the first batch is loaded.
    CHECK(model.eventAt(0)->occurred_at == fw::make_time(2024, 1, 1) + std::chrono::hours(24 * 699));
    CHECK(model.rowCount() == EventTableModel::kBatch);
}

TEST_CASE("the model shows the title as plain data and escapes it in tooltips", "[ui][model]") {
    auto events = makeEvents(1);
    events[0].title = "<img src=http://127.0.0.1:1/x.png>";
    EventTableModel model;
    model.setEvents(events);
    const auto idx = model.index(0, EventTableModel::Title);
    CHECK(model.data(idx, Qt::DisplayRole).toString() == QString::fromStdString(events[0].title));
    CHECK_FALSE(model.data(idx, Qt::ToolTipRole).toString().contains("<img"));
}

TEST_CASE("the event filter checks surface, review and dates the store does not", "[ui][filter]") {
    fw::Event e;
    e.occurred_at = fw::make_time(2026, 4, 8, 15);
    e.surface = "whatsapp";
    e.review = fw::Review::Confirmed;
    fw::ui::EventFilter f;
    CHECK(f.matches(e));
    f.surface = "instagram";
    CHECK_FALSE(f.matches(e));
    f.surface = "whatsapp";
    f.review = fw::Review::Auto;
    CHECK_FALSE(f.matches(e));
    f.review.reset();
    f.until = fw::make_time(2026, 4, 8);  // the whole day counts
    CHECK(f.matches(e));
    f.until = fw::make_time(2026, 4, 7);
    CHECK_FALSE(f.matches(e));
    f.until.reset();
    f.item_ids = std::set<std::int64_t>{7};
    CHECK_FALSE(f.matches(e));
    e.evidence.push_back(fw::Evidence{7, "https://example.com", "src", "snippet", std::nullopt});
    CHECK(f.matches(e));
}

TEST_CASE("a filter on rejected events asks the store for them", "[ui][filter]") {
    fw::ui::EventFilter f;
    f.review = fw::Review::Auto;
    CHECK_FALSE(f.toQuery().include_rejected);
    f.review = fw::Review::Rejected;
    CHECK(f.toQuery().include_rejected);
    f.lab = "meta";
    CHECK(f.toQuery().lab == std::optional<std::string>("meta"));
}
