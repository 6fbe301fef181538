#include "ui/session.h"

#include "app/browse_service.h"
#include "app/event_service.h"

namespace fw::ui {

Result<std::unique_ptr<Session>> Session::open(const app::ContextOptions& options) {
    auto ctx = app::open_context(options);
    if (!ctx) {
        return ctx.error();
    }
    return std::unique_ptr<Session>(new Session(options, std::move(*ctx)));
}

Session::Session(app::ContextOptions options, app::AppContext ctx)
    : options_(std::move(options)),
      ctx_(std::move(ctx)),
      reports_(std::make_unique<ReportRunner>(options_)),
      fetches_(std::make_unique<FetchRunner>(options_)) {
    // A fetch stores new items and events: every view refreshes and the report is rebuilt.
    connect(fetches_.get(), &FetchRunner::finished, this, [this] { notifyChanged(); });
}

Session::~Session() = default;

QString Session::location() const {
    return QString::fromStdString(app::store_location(ctx_));
}

Status Session::reloadContext() {
    auto fresh = app::open_context(options_);
    if (!fresh) {
        return fresh.error();
    }
    ctx_ = std::move(*fresh);
    notifyChanged();
    return ok();
}

std::shared_ptr<const std::vector<Event>> Session::reportEvents() const {
    auto r = reports_->latestShared();
    return r ? std::shared_ptr<const std::vector<Event>>(r, &r->events) : nullptr;
}

Result<std::shared_ptr<const std::vector<Event>>> Session::events() {
    if (!events_) {
        if (auto fresh = reports_->freshLatest()) {
            events_ = std::shared_ptr<const std::vector<Event>>(fresh, &fresh->events);
            return events_;
        }
        auto all = app::list_events(ctx_, {});
        if (!all) {
            return all.error();
        }
        events_ = std::make_shared<const std::vector<Event>>(std::move(*all));
    }
    return events_;
}

void Session::notifyChanged() {
    events_.reset();  // before the views reload: they must read the changed store
    // Requested before the views reload: the report built before this change is no longer
    // fresh, so events() reads the store instead of taking its events.
    reports_->request();
    emit storeChanged();
}

}  // namespace fw::ui
