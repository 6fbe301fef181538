#include "ui/report_runner.h"

#include <QtConcurrent/QtConcurrentRun>

#include "ui/qt_text.h"

namespace fw::ui {
namespace {

ReportOutcome buildReport(const app::ContextOptions& options) {
    try {
        auto ctx = app::open_context(options);
        if (!ctx) {
            return {nullptr, qs(ctx.error().describe())};
        }
        const TimePoint now = nowSeconds();
        auto built = app::build_watch_report(*ctx, now, now);
        if (!built) {
            return {nullptr, qs(built.error().describe())};
        }
        return {std::make_shared<const app::ReportResult>(std::move(*built)), {}};
    } catch (const std::exception& e) {
        // A thread-entry boundary: nothing may escape into Qt's thread pool.
        return {nullptr, QStringLiteral("report failed: %1").arg(e.what())};
    }
}

}  // namespace

ReportRunner::ReportRunner(app::ContextOptions options, QObject* parent)
    : QObject(parent), options_(std::move(options)) {
    connect(&watcher_, &QFutureWatcher<ReportOutcome>::finished, this, &ReportRunner::onFinished);
}

ReportRunner::~ReportRunner() {
    watcher_.waitForFinished();
}

void ReportRunner::request() {
    ++requests_;
    if (watcher_.isRunning()) {
        queued_ = true;
        return;
    }
    start();
}

void ReportRunner::start() {
    queued_ = false;
    building_for_ = requests_;
    const auto options = options_;
    watcher_.setFuture(QtConcurrent::run([options] { return buildReport(options); }));
}

void ReportRunner::onFinished() {
    const ReportOutcome outcome = watcher_.result();
    const long built_for = building_for_;
    if (queued_) {
        start();
    }
    if (outcome.report) {
        latest_ = outcome.report;
        latest_for_ = built_for;
        error_.clear();
        emit reportReady();
    } else {
        error_ = outcome.error;
        emit reportFailed(outcome.error);
    }
}

}  // namespace fw::ui
