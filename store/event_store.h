#pragma once
// Typed events with their evidence: what derivation writes, curation edits and the report,
// alerts and browsing read. Part of store::Store (store/store.h).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.h"
#include "domain/result.h"

namespace fw::store {

struct EventQuery {
    std::optional<EventKind> kind;
    std::optional<std::string> lab;
    std::optional<std::string> model;
    std::optional<TimePoint> since;
    bool include_rejected = true;
    int limit = 0;  ///< <= 0: no limit
};

class EventStore {
public:
    virtual ~EventStore() = default;

    /// Inserts or merges by dedupe_key: a new event is inserted; an existing one gains the new
    /// evidence rows (deduplicated by item/url) and, unless curated (confirmed, rejected,
    /// manual or edited), takes the new fields, confidence and time. Returns the event id.
    virtual Result<std::int64_t> upsert_event(const Event& event) = 0;
    /// The id of the event stored under `dedupe_key`, if any: a keyed lookup, so a caller can
    /// tell a new event from a merged one without loading the events.
    virtual Result<std::optional<std::int64_t>> find_event_id(std::string_view dedupe_key) = 0;
    /// Newest first (occurred_at, then id), each with its evidence.
    virtual Result<std::vector<Event>> list_events(const EventQuery& query) = 0;
    virtual Result<std::optional<Event>> find_event(std::int64_t id) = 0;
    virtual Status set_review(std::int64_t id, Review review) = 0;
    /// Replaces title/fields/time/entities of an event and marks it edited.
    virtual Status edit_event(const Event& event) = 0;
    /// Deletes every auto (uncurated, unedited) event; curated ones stay. For extract --rebuild.
    virtual Result<int> delete_auto_events() = 0;
};

}  // namespace fw::store
