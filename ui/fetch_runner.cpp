#include "ui/fetch_runner.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "app/fetch_round.h"
#include "ui/qt_text.h"

namespace fw::ui {
namespace {

// Runs on a pool thread: a SQLite connection must not cross threads, so it opens its own.
FetchOutcome fetchAndAlert(const app::ContextOptions& options, const app::FetchRequest& request) {
    try {
        auto ctx = app::open_context(options);
        if (!ctx) {
            return {false, {}, qs(ctx.error().describe()), {}, {}};
        }
        // The same round as `frontierwatch fetch` and `watch`: the questions are answered after
        // the derivation, so a status the new events changed is alerted too.
        auto round = app::run_fetch_round(*ctx, request);
        if (!round) {
            return {false, {}, qs(round.error().describe()), {}, {}};
        }
        FetchOutcome out{true, std::move(round->fetched), {}, round->answered.alerts, {}};
        QStringList warnings;
        for (const auto& w : round->answered.warnings)
            warnings << qs(w);
        out.alert_error = warnings.join(QStringLiteral("; "));
        return out;
    } catch (const std::exception& e) {
        return {false, {}, QStringLiteral("fetch failed: %1").arg(e.what()), {}, {}};
    }
}

}  // namespace

FetchRunner::FetchRunner(app::ContextOptions options, QObject* parent) : QObject(parent), options_(std::move(options)) {
    connect(&watcher_, &QFutureWatcher<FetchOutcome>::finished, this, [this] {
        last_ = watcher_.result();
        emit finished();
    });
}

FetchRunner::~FetchRunner() {
    watcher_.waitForFinished();
}

bool FetchRunner::start(const QStringList& names) {
    if (watcher_.isRunning()) {
        return false;
    }
    app::FetchRequest request;
    for (const auto& n : names) {
        request.names.push_back(ss(n));
    }
    request.all = names.isEmpty();
    request.now = nowSeconds();
    QPointer<FetchRunner> self(this);
    request.on_progress = [self](const app::FetchProgressInfo& p) {
        // Called on the worker thread: hop to the GUI thread through the event queue.
        QMetaObject::invokeMethod(
            self.data(),
            [self, p] {
                if (self) {
                    emit self->progress(p.done, p.total, p.failed);
                }
            },
            Qt::QueuedConnection);
    };
    const auto options = options_;
    watcher_.setFuture(QtConcurrent::run([options, request]() { return fetchAndAlert(options, request); }));
    return true;
}

QString FetchRunner::summaryText(const FetchOutcome& outcome) {
    if (!outcome.ok) {
        return QObject::tr("Fetch failed: %1").arg(outcome.error);
    }
    int failed = 0;
    for (const auto& s : outcome.summary.sources) {
        failed += s.status == FetchStatus::Failed ? 1 : 0;
    }
    const auto total = static_cast<int>(outcome.summary.sources.size());
    QString text = QObject::tr("%1 sources fetched: %2 ok, %3 failed; %4 new events")
                       .arg(total)
                       .arg(total - failed)
                       .arg(failed)
                       .arg(outcome.summary.new_events);
    if (outcome.alerts.matched > 0)
        text += QObject::tr("; %1 alerts").arg(outcome.alerts.matched);
    if (!outcome.alert_error.isEmpty())
        text += QObject::tr("; alerts failed: %1").arg(outcome.alert_error);
    return text;
}

}  // namespace fw::ui
