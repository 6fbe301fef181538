#pragma once
// The GUI's handle on the core: the GUI thread's AppContext (one store connection), plus the
// runners that do long work (report building, fetching) on worker threads with their own
// contexts. Views read through it and call notifyChanged() after they write.

#include <QObject>
#include <QString>
#include <memory>

#include "app/context.h"
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
};

}  // namespace fw::ui
