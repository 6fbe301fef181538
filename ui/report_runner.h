#pragma once
// Builds the watch report off the GUI thread (its own AppContext, as one store connection
// belongs to one thread) and hands the result back with a signal. A request made while one
// runs is queued: only the newest state matters, so at most one more run follows.

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <memory>

#include "app/context.h"
#include "app/report_service.h"

namespace fw::ui {

/// What a worker produced: a report or the error text.
struct ReportOutcome {
    std::shared_ptr<const app::ReportResult> report;
    QString error;
};

class ReportRunner : public QObject {
    Q_OBJECT
public:
    explicit ReportRunner(app::ContextOptions options, QObject* parent = nullptr);
    ~ReportRunner() override;

    /// Starts a build (as of now), or queues one if a build is running.
    void request();
    bool running() const { return watcher_.isRunning(); }
    const app::ReportResult* latest() const { return latest_.get(); }
    std::shared_ptr<const app::ReportResult> latestShared() const { return latest_; }
    /// The latest report if no request came after its build started: then it read the store
    /// after every change the GUI made (each change requests a report), and its events are
    /// what list_events({}) would read now. nullptr otherwise.
    std::shared_ptr<const app::ReportResult> freshLatest() const {
        return latest_for_ == requests_ ? latest_ : nullptr;
    }
    QString lastError() const { return error_; }

signals:
    void reportReady();
    void reportFailed(const QString& error);

private:
    void start();
    void onFinished();

    app::ContextOptions options_;
    QFutureWatcher<ReportOutcome> watcher_;
    std::shared_ptr<const app::ReportResult> latest_;
    QString error_;
    bool queued_ = false;
    long requests_ = 0;      ///< request() calls so far
    long building_for_ = 0;  ///< requests_ when the running build started
    long latest_for_ = -1;   ///< requests_ when latest_'s build started
};

}  // namespace fw::ui
