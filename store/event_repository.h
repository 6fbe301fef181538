#pragma once
// The events and evidence tables: dedupe-key merge, curation, and evidence deduplication.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "domain/event.h"
#include "domain/result.h"
#include "store/database.h"
#include "store/store.h"

namespace fw::store {

class EventRepository {
public:
    explicit EventRepository(Database& db) : db_(&db) {}

    /// Store::upsert_event. A curated event keeps its fields; an auto one takes the new ones.
    /// A curated incoming review (manual, confirmed, ...) upgrades an auto event's review.
    Result<std::int64_t> upsert(const Event& event);
    /// Newest first (occurred_at, then id), each with its evidence.
    Result<std::vector<Event>> list(const EventQuery& query);
    Result<std::optional<Event>> find(std::int64_t id);
    /// Error{NotFound} for an unknown id.
    Status set_review(std::int64_t id, Review review);
    /// Replaces kind, title, fields, time and entities, marks edited, adds new evidence.
    Status edit(const Event& event);
    /// Deletes review=auto, unedited events (their evidence cascades); returns how many.
    Result<int> delete_auto();

    /// Deletes the evidence rows pointing at the source's items; returns the events that had any.
    Result<std::vector<std::int64_t>> drop_evidence_of_source(std::int64_t source_id);
    /// Of these events, deletes the uncurated ones left with no evidence; returns how many.
    Result<int> delete_unsupported(std::span<const std::int64_t> event_ids);

    Result<std::int64_t> count();
    Result<std::int64_t> count_evidence();

private:
    Result<std::int64_t> insert(const Event& event);
    Status add_evidence(std::int64_t event_id, std::span<const Evidence> evidence);
    Status write_fields(std::int64_t id, const Event& event, bool mark_edited);
    Result<std::vector<Evidence>> evidence_of(std::int64_t event_id);
    Result<std::vector<Event>> collect(Statement& st);

    Database* db_;
};

}  // namespace fw::store
