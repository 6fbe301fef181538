#pragma once
// Curation: manual events, confirm, reject, edit. Curated events survive `extract --rebuild`.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/event.h"
#include "domain/result.h"
#include "store/event_store.h"

namespace fw::app {

struct ManualEvent {
    std::string kind;
    std::string at;  ///< date or RFC 3339 time
    std::optional<std::string> lab;
    std::optional<std::string> model;
    std::optional<std::string> person;
    std::optional<std::string> surface;
    std::optional<std::string> title;
    std::vector<std::string> set;  ///< KEY=VALUE; numbers and true/false/null are typed
    std::optional<std::string> evidence_url;
};

/// Validates and stores a manual event (review = manual, confidence 1; its lab must be in
/// `taxonomy`). Returns its id.
Result<std::int64_t> add_manual_event(store::EventStore& events, const Taxonomy& taxonomy, const ManualEvent& spec,
                                      TimePoint now);
Result<std::int64_t> add_manual_event(AppContext& ctx, const ManualEvent& spec, TimePoint now);

/// Events matching `query`, newest first, with their evidence.
Result<std::vector<Event>> list_events(store::EventStore& events, const store::EventQuery& query);
Result<std::vector<Event>> list_events(AppContext& ctx, const store::EventQuery& query);

/// Error{NotFound} for an unknown id.
Status set_review(store::EventStore& events, std::int64_t id, Review review);
Status set_review(AppContext& ctx, std::int64_t id, Review review);

/// Changes the time and/or fields of an event (KEY=VALUE, VALUE "null" clears); marks it edited.
Status edit_event(store::EventStore& events, std::int64_t id, const std::optional<std::string>& at,
                  const std::vector<std::string>& set);
Status edit_event(AppContext& ctx, std::int64_t id, const std::optional<std::string>& at,
                  const std::vector<std::string>& set);

/// Applies KEY=VALUE assignments to an event's fields, each checked against the kind's declared
/// fields (domain/event_schema.h): an unknown name or a value of the wrong type is a Usage error
/// naming the field. "low_usd=125e9" -> 125000000000; "more_restrictive=true" -> true;
/// "role=null" -> null.
Status assign_fields(EventKind kind, Fields& fields, const std::vector<std::string>& set);

}  // namespace fw::app
