#pragma once
// At a glance: a card per watch question (status, days open, latest evidence), source health,
// and the events detected since the last visit (a store setting written when the window closes).

#include <QWidget>
#include <optional>

#include "domain/time.h"

class QGridLayout;
class QLabel;
class QListWidget;

namespace fw::ui {

class Session;

class DashboardView : public QWidget {
    Q_OBJECT
public:
    /// Store setting holding the time of the last visit (RFC 3339).
    static constexpr const char* kLastVisitKey = "gui.last_visit";

    explicit DashboardView(Session& session, QWidget* parent = nullptr);

    /// Rebuilds the question cards from the latest report.
    void showReport();
    /// Re-reads source health and new events from the store.
    void reloadStore();
    /// Records now as the last visit (called when the window closes).
    void markVisited();

    int questionCardCount() const { return cards_; }
    QLabel* healthLabel() const { return health_; }
    QListWidget* newEventsList() const { return new_events_; }
    QListWidget* failingList() const { return failing_; }

private:
    QWidget* makeCard(const QString& question, const QString& status, const QString& details);

    Session& session_;
    std::optional<TimePoint> last_visit_;
    QGridLayout* card_grid_ = nullptr;
    QLabel* report_state_ = nullptr;
    QLabel* health_ = nullptr;
    QListWidget* failing_ = nullptr;
    QLabel* new_title_ = nullptr;
    QListWidget* new_events_ = nullptr;
    int cards_ = 0;
};

}  // namespace fw::ui
