#pragma once
// The GUI's handle on the core: the GUI thread's AppContext (one store connection), plus the
// runners that do long work (report building, fetching) on worker threads with their own
// contexts. Views read through it and call notifyChanged() after they write.

#include <QObject>
#include <QString>
#include <memory>
#include <vector>

#include "app/context.h"
#include "domain/event.h"
#include "domain/result.h"
#include "ui/fetch_runner.h"
#include "ui/report_runner.h"

namespace fw::ui {

class Session : public QObject {
    Q_OBJECT
public:
    /// Opens the store and data folders on the calling (GUI) thread.
    static Result<std::unique_ptr<Session>> open(const app::ContextOptions& options);
    ~Session() override;

    app::AppContext& context() { return ctx_; }
    const app::ContextOptions& options() const { return options_; }
    QString location() const;

    ReportRunner& reports() { return *reports_; }
    FetchRunner& fetches() { return *fetches_; }
    /// The latest report, or nullptr before the first one arrived.
    const app::ReportResult* report() const { return reports_->latest(); }
    /// The latest report's events (every stored event when it was built), kept alive by the
    /// pointer; nullptr before the first report. The dashboard reads them from there, so the
    /// first screen reads no events on the GUI thread.
    std::shared_ptr<const std::vector<Event>> reportEvents() const;

    /// Every stored event (newest first, as list_events gives them), read on first use and shared
    /// by the timeline and the review queue, which filter it in memory, until the store changes
    /// (notifyChanged): one read of 100k events instead of one per view and per filter change.
    /// When the latest report is fresh (ReportRunner::freshLatest), its events are taken instead
    /// of reading them again (0.4 s and another copy of 100k events at 1M items).
    Result<std::shared_ptr<const std::vector<Event>>> events();

    /// Reloads the context's taxonomy and rules (after editing config files).
    Status reloadContext();
    /// Tells every view the store changed (a review, an edit, a new source) and rebuilds the
    /// report off the GUI thread.
    void notifyChanged();

signals:
    void storeChanged();

private:
    Session(app::ContextOptions options, app::AppContext ctx);

    app::ContextOptions options_;
    app::AppContext ctx_;
    std::unique_ptr<ReportRunner> reports_;
    std::unique_ptr<FetchRunner> fetches_;
    std::shared_ptr<const std::vector<Event>> events_;
};

}  // namespace fw::ui
