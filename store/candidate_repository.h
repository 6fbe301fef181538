#pragma once
// The review queue's candidates (domain/candidate.h), written once over sql::Runner for both
// backends. Curation wins over derivation: a candidate a person confirmed or dismissed keeps
// its state and its event when extraction finds it again (extract --rebuild included).

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/candidate.h"
#include "domain/result.h"
#include "store/sql_runner.h"
#include "store/store.h"

namespace fw::store {

class CandidateRepository {
public:
    explicit CandidateRepository(sql::Runner& runner) : db_(&runner) {}

    /// Inserts a new candidate, or refreshes an open one with the same dedupe key (new rules,
    /// new cue); a confirmed or dismissed one is left as it is. Returns its id.
    Result<std::int64_t> upsert(const Candidate& candidate);
    /// Newest first (published, else detected), then id.
    Result<std::vector<Candidate>> list(const CandidateQuery& query);
    Result<std::optional<Candidate>> find(std::int64_t id);
    /// Error{NotFound} for an unknown id. `event_id` links a confirmed candidate to its event.
    Status set_state(std::int64_t id, CandidateState state, std::optional<std::int64_t> event_id);
    /// Deletes the open candidates (a rebuild derives them again); curated ones stay.
    Result<int> delete_open();

private:
    sql::Runner* db_;
};

}  // namespace fw::store
