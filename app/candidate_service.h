#pragma once
// The review queue's use cases: store what extraction could not classify with confidence,
// list it, and let a person confirm a candidate as a typed event or dismiss it. Both outcomes
// are curation: they survive `extract --rebuild`.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/candidate.h"
#include "domain/item.h"
#include "domain/result.h"
#include "store/candidate_store.h"
#include "store/event_store.h"

namespace fw::app {

/// The key of an item's candidate: one per source and native id, so a rebuild finds it again.
std::string candidate_key(std::string_view source_name, const Item& item);

/// Completes an extracted candidate with its item's identity (source, title, link, dates, key).
Candidate candidate_for_item(Candidate found, std::string_view source_name, const Item& item);

/// Which candidates to list (open ones by default; state nullopt = every state).
using CandidateQuery = store::CandidateQuery;

Result<std::vector<Candidate>> list_candidates(store::CandidateStore& candidates, const CandidateQuery& query);
Result<std::vector<Candidate>> list_candidates(AppContext& ctx, const CandidateQuery& query);

/// What a person says a candidate is. Empty fields take the candidate's own (its suggested
/// kind, lab, model); `set` adds KEY=VALUE fields as `events add` does.
struct CandidateDecision {
    std::optional<std::string> kind{};
    std::optional<std::string> lab{};
    std::optional<std::string> model{};
    std::optional<std::string> person{};
    std::optional<std::string> surface{};
    std::optional<std::string> at{};  ///< date or RFC 3339; default: the item's publication
    std::vector<std::string> set{};
};

/// Turns candidate `id` into a confirmed event (confidence 1, the item as evidence, keyed like
/// the event extraction would have made, so a later derivation of the same fact merges into it
/// and the person's version wins). Returns the event id. Error{NotFound} for an unknown id,
/// Error{Usage} for a missing or unknown kind or a lab not in `taxonomy`, Error{Invalid} for a
/// candidate already decided.
Result<std::int64_t> confirm_candidate(store::CandidateStore& candidates, store::EventStore& events,
                                       const Taxonomy& taxonomy, std::int64_t id, const CandidateDecision& decision,
                                       TimePoint now);
Result<std::int64_t> confirm_candidate(AppContext& ctx, std::int64_t id, const CandidateDecision& decision,
                                       TimePoint now);

/// Marks candidate `id` as not a fact.
Status dismiss_candidate(store::CandidateStore& candidates, std::int64_t id);
Status dismiss_candidate(AppContext& ctx, std::int64_t id);

/// The dedupe key extraction gives an event of this kind and subject, or "" when the subject
/// it needs is missing.
std::string derived_event_key(const Event& event);

}  // namespace fw::app
