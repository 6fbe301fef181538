#include "store/lease_repository.h"

#include <limits>
#include <string>

namespace fw::store {
namespace {

// Statements that say whether they changed a row return its key; no row: nothing changed.
Result<bool> changed_a_row(const Result<std::vector<sql::Row>>& rows) {
    if (!rows) {
        return rows.error();
    }
    return !rows->empty();
}

}  // namespace

Result<std::vector<Source>> LeaseRepository::claim_due(std::string_view worker, TimePoint now,
                                                       std::chrono::seconds lease, int limit) {
    // Free (never leased, ours, or expired) and due; rows other workers are claiming are
    // skipped where rows are locked, never waited on.
    auto due = db_->query(
        "SELECT id FROM sources WHERE removed_at IS NULL AND (due_at IS NULL OR due_at <= $1) "
        "AND (lease_owner IS NULL OR lease_owner = $2 OR lease_until <= $1) "
        "ORDER BY CASE WHEN due_at IS NULL THEN 0 ELSE 1 END, due_at, id LIMIT $3" +
            std::string(dialect_->claim_lock()),
        {sql::value(now), sql::value(worker), sql::value(limit > 0 ? limit : std::numeric_limits<int>::max())});
    if (!due) {
        return due.error();
    }
    std::vector<std::int64_t> ids;
    ids.reserve(due->size());
    for (const auto& row : *due) {
        ids.push_back(row.int64(0));
    }
    if (ids.empty()) {
        return std::vector<Source>();
    }
    auto leased =
        db_->query("UPDATE sources SET lease_owner = $1, lease_until = $2 WHERE " + dialect_->in_id_list("id", "$3"),
                   {sql::value(worker), sql::value(now + lease), dialect_->id_list(ids)});
    if (!leased) {
        return leased.error();
    }
    return sources_->by_ids_due_first(ids);
}

Result<int> LeaseRepository::renew(std::string_view worker, TimePoint until) {
    auto rows = db_->query("UPDATE sources SET lease_until = $2 WHERE lease_owner = $1 RETURNING id",
                           {sql::value(worker), sql::value(until)});
    if (!rows) {
        return rows.error();
    }
    return static_cast<int>(rows->size());
}

Result<bool> LeaseRepository::release(std::string_view worker, std::int64_t source_id) {
    return changed_a_row(db_->query(
        "UPDATE sources SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2 RETURNING id",
        {sql::value(source_id), sql::value(worker)}));
}

Result<bool> LeaseRepository::complete_fetch(std::string_view worker, const Source& state, const FetchLogEntry& log) {
    auto ended = release(worker, state.id);
    if (!ended || !*ended) {
        return ended;  // the lease passed to another worker: its fetch is the one recorded
    }
    if (auto saved = sources_->save_state(state); !saved) {
        return saved.error();
    }
    if (auto logged = sources_->log_fetch(log); !logged) {
        return logged.error();
    }
    return true;
}

Result<bool> LeaseRepository::try_reserve_host(std::string_view host, std::int64_t now_ms, std::int64_t span_ms) {
    return changed_a_row(
        db_->query("INSERT INTO hosts (host, next_allowed_ms) VALUES ($1, CAST($2 AS BIGINT) + CAST($3 AS BIGINT)) "
                   "ON CONFLICT (host) DO UPDATE SET next_allowed_ms = excluded.next_allowed_ms "
                   "WHERE hosts.next_allowed_ms <= CAST($2 AS BIGINT) RETURNING host",
                   {sql::value(host), sql::value(now_ms), sql::value(span_ms)}));
}

Status LeaseRepository::hold_host(std::string_view host, std::int64_t until_ms) {
    auto held = db_->query(
        "INSERT INTO hosts (host, next_allowed_ms) VALUES ($1, $2) ON CONFLICT (host) DO UPDATE SET "
        "next_allowed_ms = CASE WHEN hosts.next_allowed_ms > excluded.next_allowed_ms "
        "THEN hosts.next_allowed_ms ELSE excluded.next_allowed_ms END",
        {sql::value(host), sql::value(until_ms)});
    return held ? ok() : Status(held.error());
}

Result<bool> LeaseRepository::try_lock(std::string_view name, std::string_view owner, TimePoint now,
                                       std::chrono::seconds lease) {
    return changed_a_row(
        db_->query("INSERT INTO locks (name, owner, until_at) VALUES ($1, $2, $3) ON CONFLICT (name) "
                   "DO UPDATE SET owner = excluded.owner, until_at = excluded.until_at "
                   "WHERE locks.owner = excluded.owner OR locks.until_at <= $4 RETURNING name",
                   {sql::value(name), sql::value(owner), sql::value(now + lease), sql::value(now)}));
}

Status LeaseRepository::unlock(std::string_view name, std::string_view owner) {
    auto deleted =
        db_->query("DELETE FROM locks WHERE name = $1 AND owner = $2", {sql::value(name), sql::value(owner)});
    return deleted ? ok() : Status(deleted.error());
}

}  // namespace fw::store
