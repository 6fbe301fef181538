#pragma once
// The timeline's filter: what the store can select (kind, lab, model, since) goes into the
// EventQuery; the rest (surface, review, until, full-text item matches) is checked per event.

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "domain/event.h"
#include "app/browse_service.h"

namespace fw::ui {

struct EventFilter {
    std::optional<EventKind> kind;
    std::optional<std::string> lab;
    std::optional<std::string> model;
    std::optional<std::string> surface;
    std::optional<Review> review;
    std::optional<TimePoint> from;   ///< inclusive
    std::optional<TimePoint> until;  ///< inclusive (whole day: pass the day's start)
    /// Items matched by a full-text search: an event passes when one of its evidence rows
    /// cites one of them. nullopt = no search.
    std::optional<std::set<std::int64_t>> item_ids;

    app::EventQuery toQuery() const;
    bool matches(const Event& event) const;
};

}  // namespace fw::ui
