#pragma once
// The main window only assembles the parts: one tab per view, menus and shortcuts, the status
// bar, remembered layout (QSettings) and the tray notifier.

#include <QMainWindow>

#include "ui/view_names.h"

class QLabel;
class QTabWidget;

namespace fw::ui {

class DashboardView;
class EvalsView;
class MarketView;
class OpennessView;
class PeopleView;
class ReviewView;
class RolloutView;
class Session;
class SourcesView;
class TimelineView;
class TrayNotifier;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Session& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showView(ViewId id);
    ViewId currentView() const;
    QWidget* viewWidget(ViewId id) const;

    DashboardView* dashboard() const { return dashboard_; }
    TimelineView* timeline() const { return timeline_; }
    RolloutView* rollout() const { return rollout_; }
    EvalsView* evals() const { return evals_; }
    OpennessView* openness() const { return openness_; }
    PeopleView* people() const { return people_; }
    MarketView* market() const { return market_; }
    SourcesView* sources() const { return sources_; }
    ReviewView* review() const { return review_; }
    TrayNotifier* tray() const { return tray_; }

    /// Restores geometry, dock state and the last view (QSettings).
    void restoreLayout();
    void saveLayout() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildViews();
    void buildMenus();
    void fetchNow();
    void editConfig();
    void redrawCharts();

    Session& session_;
    QTabWidget* tabs_ = nullptr;
    QLabel* report_status_ = nullptr;
    TrayNotifier* tray_ = nullptr;
    DashboardView* dashboard_ = nullptr;
    TimelineView* timeline_ = nullptr;
    RolloutView* rollout_ = nullptr;
    EvalsView* evals_ = nullptr;
    OpennessView* openness_ = nullptr;
    PeopleView* people_ = nullptr;
    MarketView* market_ = nullptr;
    SourcesView* sources_ = nullptr;
    ReviewView* review_ = nullptr;
};

}  // namespace fw::ui
