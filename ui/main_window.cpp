#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

#include "app/paths.h"
#include "ui/session.h"
#include "ui/tray_notifier.h"
#include "ui/views/config_editor_dialog.h"
#include "ui/views/dashboard_view.h"
#include "ui/views/evals_view.h"
#include "ui/views/market_view.h"
#include "ui/views/openness_view.h"
#include "ui/views/people_view.h"
#include "ui/views/review_view.h"
#include "ui/views/rollout_view.h"
#include "ui/views/sources_view.h"
#include "ui/views/timeline_view.h"

namespace fw::ui {

MainWindow::MainWindow(Session& session, QWidget* parent) : QMainWindow(parent), session_(session) {
    setWindowTitle(tr("Frontier Watch"));
    resize(1280, 800);
    buildViews();
    buildMenus();
    report_status_ = new QLabel(tr("Building the report..."), this);
    statusBar()->addPermanentWidget(report_status_);
    statusBar()->showMessage(tr("Database: %1").arg(session_.location()));

    tray_ = new TrayNotifier(session_, this);
    connect(tray_, &TrayNotifier::shown, this,
            [this](const QString& title) { statusBar()->showMessage(tr("Alert: %1").arg(title), 10000); });
    auto& reports = session_.reports();
    connect(&reports, &ReportRunner::reportReady, this, [this] {
        const auto* r = session_.report();
        report_status_->setText(tr("Report as of %1").arg(QString::fromStdString(format_date(r->report.as_of))));
        tray_->deliverPending();
    });
    connect(&reports, &ReportRunner::reportFailed, this,
            [this](const QString& e) { report_status_->setText(tr("Report failed: %1").arg(e)); });
    connect(&session_.fetches(), &FetchRunner::finished, this, [this] {
        statusBar()->showMessage(FetchRunner::summaryText(session_.fetches().lastOutcome()), 15000);
        // The worker recorded the fetch's desktop alerts: show them now, not after the report.
        tray_->deliverPending();
    });
    reports.request();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildViews() {
    tabs_ = new QTabWidget(this);
    tabs_->setDocumentMode(true);
    dashboard_ = new DashboardView(session_, tabs_);
    timeline_ = new TimelineView(session_, tabs_);
    rollout_ = new RolloutView(session_, tabs_);
    evals_ = new EvalsView(session_, tabs_);
    openness_ = new OpennessView(session_, tabs_);
    people_ = new PeopleView(session_, tabs_);
    market_ = new MarketView(session_, tabs_);
    sources_ = new SourcesView(session_, tabs_);
    review_ = new ReviewView(session_, tabs_);
    for (ViewId id : allViews()) {
        tabs_->addTab(viewWidget(id), viewTitle(id));
    }
    setCentralWidget(tabs_);
}

QWidget* MainWindow::viewWidget(ViewId id) const {
    switch (id) {
        case ViewId::Dashboard:
            return dashboard_;
        case ViewId::Timeline:
            return timeline_;
        case ViewId::Rollout:
            return rollout_;
        case ViewId::Evals:
            return evals_;
        case ViewId::Openness:
            return openness_;
        case ViewId::People:
            return people_;
        case ViewId::Market:
            return market_;
        case ViewId::Sources:
            return sources_;
        case ViewId::Review:
            return review_;
    }
    return nullptr;
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* fetch = file->addAction(tr("&Fetch now"), this, &MainWindow::fetchNow);
    fetch->setShortcut(QKeySequence::Refresh);  // F5
    file->addAction(tr("Add manual &event..."), this, [this] {
        showView(ViewId::Review);
        review_->addManualEvent();
    });
    file->addAction(tr("&Alert rules and watch questions..."), this, &MainWindow::editConfig);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    int n = 0;
    for (ViewId id : allViews()) {
        QAction* a = view->addAction(viewTitle(id), this, [this, id] { showView(id); });
        a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + n++)));
    }
    view->addSeparator();
    QAction* find = view->addAction(tr("&Search items"), this, [this] {
        showView(ViewId::Timeline);
        timeline_->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);  // Ctrl+F
}

void MainWindow::showView(ViewId id) {
    tabs_->setCurrentWidget(viewWidget(id));
}

ViewId MainWindow::currentView() const {
    for (ViewId id : allViews()) {
        if (viewWidget(id) == tabs_->currentWidget())
            return id;
    }
    return ViewId::Dashboard;
}

void MainWindow::fetchNow() {
    showView(ViewId::Sources);
    if (!sources_->fetchNow()) {
        statusBar()->showMessage(tr("A fetch is already running"), 5000);
    }
}

void MainWindow::editConfig() {
    ConfigEditorDialog dialog(session_, app::user_config_dir(), this);
    dialog.exec();
}

void MainWindow::restoreLayout() {
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (auto id = viewFromName(settings.value(QStringLiteral("window/view")).toString())) {
        showView(*id);
    }
}

void MainWindow::saveLayout() const {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/view"), viewName(currentView()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveLayout();
    dashboard_->markVisited();
    event->accept();
}

void MainWindow::changeEvent(QEvent* event) {
    // The system switched between light and dark: charts pick the matching theme again.
    if (event->type() == QEvent::PaletteChange) {
        redrawCharts();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::redrawCharts() {
    if (!session_.report() || !rollout_)
        return;
    rollout_->showReport();
    evals_->showReport();
    openness_->showReport();
    people_->showReport();
    market_->showReport();
}

}  // namespace fw::ui
