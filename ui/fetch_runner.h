#pragma once
// Fetches sources off the GUI thread with a worker AppContext; progress and the summary come
// back as queued signals, so the window keeps painting while sources download. It runs the
// same fetch round as `frontierwatch watch` (app/fetch_round.h): the new events and the watch
// questions whose status they changed go through the alert rules (in the worker, on its own
// context): desktop deliveries are left pending for the tray.

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>

#include "app/alert_service.h"
#include "app/context.h"
#include "app/fetch_service.h"

namespace fw::ui {

struct FetchOutcome {
    bool ok = false;
    app::FetchSummary summary;
    QString error;
    app::AlertSummary alerts;  ///< deliveries recorded for the new events
    QString alert_error;       ///< the fetch itself succeeded when only this is set
};

class FetchRunner : public QObject {
    Q_OBJECT
public:
    explicit FetchRunner(app::ContextOptions options, QObject* parent = nullptr);
    ~FetchRunner() override;

    /// Starts a fetch of `names` (all sources when empty, due or not). Returns false while a
    /// fetch is already running.
    bool start(const QStringList& names = {});
    bool running() const { return watcher_.isRunning(); }
    const FetchOutcome& lastOutcome() const { return last_; }
    /// One line for the status bar: "12 sources: 11 ok, 1 failed; 3 new events".
    static QString summaryText(const FetchOutcome& outcome);

signals:
    void progress(int done, int total, int failed);
    void finished();

private:
    app::ContextOptions options_;
    QFutureWatcher<FetchOutcome> watcher_;
    FetchOutcome last_;
};

}  // namespace fw::ui
