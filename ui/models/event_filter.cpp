#include "ui/models/event_filter.h"

#include <chrono>

namespace fw::ui {

app::EventQuery EventFilter::toQuery() const {
    app::EventQuery q;
    q.kind = kind;
    q.lab = lab;
    q.model = model;
    q.since = from;
    q.include_rejected = !review || *review == Review::Rejected;
    return q;
}

bool EventFilter::matches(const Event& event) const {
    if (kind && event.kind != *kind)
        return false;
    if (lab && event.lab != lab)
        return false;
    if (model && event.model != model)
        return false;
    if (surface && event.surface != surface)
        return false;
    if (review && event.review != *review)
        return false;
    if (from && event.occurred_at < *from)
        return false;
    if (until && event.occurred_at >= *until + std::chrono::days(1))
        return false;
    if (item_ids) {
        for (const auto& ev : event.evidence) {
            if (ev.item_id != 0 && item_ids->count(ev.item_id) > 0) {
                return true;
            }
        }
        return false;
    }
    return true;
}

}  // namespace fw::ui
