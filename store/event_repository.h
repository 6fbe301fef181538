#pragma once
// The events and evidence tables, written once over sql::Runner for SQLite and PostgreSQL:
// dedupe-key merge with curation precedence (store/event_merge.h), curation, and evidence
// deduplication.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "domain/event.h"
#include "domain/result.h"
#include "store/sql_dialect.h"
#include "store/sql_runner.h"
#include "store/store.h"

namespace fw::store {

class EventRepository {
public:
    EventRepository(sql::Runner& runner, const sql::Dialect& dialect) : db_(&runner), dialect_(&dialect) {}

    /// Store::upsert_event, as plan_event_merge says. Insert first: two workers deriving the
    /// same event meet at the unique key instead of both inserting; the loser merges.
    Result<std::int64_t> upsert(const Event& event);
    /// The id of the event with this dedupe key, if any (extract tells new events from old).
    Result<std::optional<std::int64_t>> id_of(std::string_view dedupe_key);
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

private:
    Status add_evidence(std::int64_t event_id, std::span<const Evidence> evidence);
    Status write_fields(std::int64_t id, const Event& event, bool mark_edited);
    Result<std::vector<Event>> with_evidence(Result<std::vector<sql::Row>> rows);

    sql::Runner* db_;
    const sql::Dialect* dialect_;
};

}  // namespace fw::store
