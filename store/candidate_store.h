#pragma once
// The review queue: facts extraction found but could not classify with confidence, and what
// a person decided about them. Part of store::Store (store/store.h).

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/candidate.h"
#include "domain/result.h"

namespace fw::store {

struct CandidateQuery {
    std::optional<CandidateState> state = CandidateState::Open;  ///< nullopt: every state
    int limit = 0;                                               ///< <= 0: no limit
};

class CandidateStore {
public:
    virtual ~CandidateStore() = default;

    /// Inserts, or refreshes an open candidate with the same dedupe key; a confirmed or
    /// dismissed one keeps its state (curation survives a rebuild). Returns the id.
    virtual Result<std::int64_t> upsert_candidate(const Candidate& candidate) = 0;
    /// Newest first.
    virtual Result<std::vector<Candidate>> list_candidates(const CandidateQuery& query) = 0;
    virtual Result<std::optional<Candidate>> find_candidate(std::int64_t id) = 0;
    /// Error{NotFound} for an unknown id; `event_id` is the event a confirmation made.
    virtual Status set_candidate_state(std::int64_t id, CandidateState state, std::optional<std::int64_t> event_id) = 0;
    /// Deletes the open candidates (extract --rebuild derives them again); returns how many.
    virtual Result<int> delete_open_candidates() = 0;
};

}  // namespace fw::store
