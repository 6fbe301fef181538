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
};

}  // namespace fw::ui
