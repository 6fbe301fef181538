#include "store/candidate_repository.h"

#include <nlohmann/json.hpp>
#include <string>

#include "store/sql_util.h"

namespace fw::store {
namespace {

constexpr std::string_view kCandidateColumns =
    "id, item_id, source, title, link, published, entities, cue, suggested_kind, confidence, lab, "
    "model, reason, state, dedupe_key, detected_at";

std::string encode_entities(const std::vector<std::string>& entities) {
    return nlohmann::json(entities).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> decode_entities(const std::string& text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> out;
    if (j.is_array()) {
        for (const auto& e : j) {
            if (e.is_string()) {
                out.push_back(e.get<std::string>());
            }
        }
    }
    return out;
}

Result<Candidate> read_candidate(const sql::Row& r) {
    Candidate c;
    c.id = r.int64(0);
    auto state = candidate_state_from_string(r.text(13));
    if (!state) {
        return make_error(ErrorCode::Storage, "corrupt candidate row (state)", "candidates id " + std::to_string(c.id));
    }
    c.item_id = r.int64(1);
    c.source = r.text(2);
    c.title = r.text(3);
    c.link = r.text(4);
    c.published = r.optional_time(5);
    c.entities = decode_entities(r.text(6));
    c.cue = r.text(7);
    if (auto kind = r.optional_text(8)) {
        c.suggested_kind = event_kind_from_string(*kind);
    }
    c.confidence = r.real(9);
    c.lab = r.optional_text(10);
    c.model = r.optional_text(11);
    c.reason = r.text(12);
    c.state = *state;
    c.dedupe_key = r.text(14);
    c.detected_at = r.time(15);
    return c;
}

Result<std::vector<Candidate>> read_all(const std::vector<sql::Row>& rows) {
    std::vector<Candidate> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        auto c = read_candidate(row);
        if (!c) {
            return c.error();
        }
        out.push_back(std::move(*c));
    }
    return out;
}

sql::Value optional_kind(const std::optional<EventKind>& kind) {
    return kind ? sql::value(to_string(*kind)) : sql::Value{};
}

}  // namespace

Result<std::int64_t> CandidateRepository::upsert(const Candidate& c) {
    if (c.dedupe_key.empty()) {
        return make_error(ErrorCode::Invalid, "candidate without a dedupe key", c.title);
    }
    // Only an open candidate takes the new derivation; a curated one keeps what a person decided.
    auto rows = db_->query(
        "INSERT INTO candidates (item_id, source, title, link, published, entities, cue, "
        "suggested_kind, confidence, lab, model, reason, state, dedupe_key, detected_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open', $13, $14) "
        "ON CONFLICT (dedupe_key) DO UPDATE SET item_id = excluded.item_id, title = excluded.title, "
        "link = excluded.link, published = excluded.published, entities = excluded.entities, "
        "cue = excluded.cue, suggested_kind = excluded.suggested_kind, "
        "confidence = excluded.confidence, lab = excluded.lab, model = excluded.model, "
        "reason = excluded.reason WHERE candidates.state = 'open' "
        "RETURNING id",
        {c.item_id > 0 ? sql::value(c.item_id) : sql::Value{}, sql::value(c.source), sql::value(c.title),
         sql::value(c.link), sql::value(c.published), sql::value(encode_entities(c.entities)), sql::value(c.cue),
         optional_kind(c.suggested_kind), sql::value(c.confidence), sql::value(c.lab), sql::value(c.model),
         sql::value(c.reason), sql::value(c.dedupe_key),
         sql::value(c.detected_at == TimePoint{} ? detail::now_seconds() : c.detected_at)});
    if (!rows) {
        return rows.error();
    }
    if (!rows->empty()) {
        return rows->front().int64(0);
    }
    // The conflict's WHERE kept a curated row untouched (no row returned): find its id.
    auto existing = db_->query("SELECT id FROM candidates WHERE dedupe_key = $1", {sql::value(c.dedupe_key)});
    if (!existing) {
        return existing.error();
    }
    if (existing->empty()) {
        return make_error(ErrorCode::Storage, "candidate vanished during upsert", c.dedupe_key);
    }
    return existing->front().int64(0);
}

Result<std::vector<Candidate>> CandidateRepository::list(const CandidateQuery& query) {
    std::string sql = "SELECT " + std::string(kCandidateColumns) + " FROM candidates";
    std::vector<sql::Value> params;
    if (query.state) {
        sql += " WHERE state = $1";
        params.push_back(sql::value(to_string(*query.state)));
    }
    sql += " ORDER BY COALESCE(published, detected_at) DESC, id DESC";
    if (query.limit > 0) {
        sql += " LIMIT " + std::to_string(query.limit);  // an int, never user text
    }
    auto rows = db_->query(sql, params);
    if (!rows) {
        return rows.error();
    }
    return read_all(*rows);
}

Result<std::optional<Candidate>> CandidateRepository::find(std::int64_t id) {
    auto rows =
        db_->query("SELECT " + std::string(kCandidateColumns) + " FROM candidates WHERE id = $1", {sql::value(id)});
    if (!rows) {
        return rows.error();
    }
    auto all = read_all(*rows);
    if (!all) {
        return all.error();
    }
    if (all->empty()) {
        return std::optional<Candidate>{};
    }
    return std::optional<Candidate>(std::move(all->front()));
}

Status CandidateRepository::set_state(std::int64_t id, CandidateState state, std::optional<std::int64_t> event_id) {
    auto rows = db_->query("UPDATE candidates SET state = $1, event_id = $2 WHERE id = $3 RETURNING id",
                           {sql::value(to_string(state)), sql::value(event_id), sql::value(id)});
    if (!rows) {
        return rows.error();
    }
    if (rows->empty()) {
        return make_error(ErrorCode::NotFound, "no candidate with this id", std::to_string(id));
    }
    return ok();
}

Result<int> CandidateRepository::delete_open() {
    auto rows = db_->query("DELETE FROM candidates WHERE state = 'open' RETURNING id", {});
    if (!rows) {
        return rows.error();
    }
    return static_cast<int>(rows->size());
}

}  // namespace fw::store
