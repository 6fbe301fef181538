#pragma once
// At a glance: a card per watch question (status, days open, latest evidence), source health
// (every source with status, last fetch, failures and newest item; failing and stale ones
// first and flagged), and the events detected since the last visit (a store setting written
// when the window closes). The new events come with the report, which the worker built from
// every stored event: the first screen reads no events on the GUI thread, and the list hands
// its rows to the view in batches (100k new events on a first visit at 1M items).

#include <QWidget>
#include <optional>

#include "domain/time.h"

class QGridLayout;
class QLabel;
class QListView;
class QTableWidget;

namespace fw::ui {

class EventListModel;
class Session;

class DashboardView : public QWidget {
    Q_OBJECT
public:
    /// Store setting holding the time of the last visit (RFC 3339).
    static constexpr const char* kLastVisitKey = "gui.last_visit";

    explicit DashboardView(Session& session, QWidget* parent = nullptr);

    /// Rebuilds the question cards and the new events from the latest report.
    void showReport();
    /// Re-reads source health from the store (the new events follow with the next report).
    void reloadStore();
    /// Records now as the last visit (called when the window closes).
    void markVisited();

    int questionCardCount() const { return cards_; }
    QLabel* healthLabel() const { return health_; }
    QListView* newEventsList() const { return new_events_; }
    EventListModel* newEventsModel() const { return new_model_; }
    /// One row per source: Source, Flag, Status, Last fetch, Failures, Newest item.
    QTableWidget* healthTable() const { return health_table_; }
    enum HealthColumn {
        HealthSource,
        HealthFlagColumn,
        HealthStatus,
        HealthLastFetch,
        HealthFailures,
        HealthNewest,
        HealthColumnCount
    };

private:
    QWidget* makeCard(const QString& question, const QString& status, const QString& details);
    void reloadHealth();
    void showNewEvents();

    Session& session_;
    std::optional<TimePoint> last_visit_;
    QGridLayout* card_grid_ = nullptr;
    QLabel* report_state_ = nullptr;
    QLabel* health_ = nullptr;
    QTableWidget* health_table_ = nullptr;
    QLabel* new_title_ = nullptr;
    QListView* new_events_ = nullptr;
    EventListModel* new_model_ = nullptr;
    int cards_ = 0;
};

}  // namespace fw::ui
