#include "app/candidate_service.h"

#include "app/event_service.h"
#include "domain/event_schema.h"
#include "domain/slug.h"

namespace fw::app {

std::string candidate_key(std::string_view source_name, const Item& item) {
    const std::string& native = item.entry.id.empty() ? item.entry.link : item.entry.id;
    return "candidate|" + std::string(source_name) + "|" + native;
}

Candidate candidate_for_item(Candidate found, std::string_view source_name, const Item& item) {
    found.item_id = item.id;
    found.source = std::string(source_name);
    found.title = item.entry.title;
    found.link = item.entry.link;
    found.published = item.entry.published ? item.entry.published : item.entry.updated;
    found.detected_at = item.fetched_at;
    // The extractor names a story of its own for a second candidate of one item (a digest's
    // story: "story:qwen3-5"); the item's first candidate keeps the item's key.
    const std::string story = std::move(found.dedupe_key);
    found.dedupe_key = candidate_key(source_name, item) + (story.empty() ? "" : "|" + story);
    return found;
}

Result<std::vector<Candidate>> list_candidates(store::CandidateStore& candidates, const CandidateQuery& query) {
    return candidates.list_candidates(query);
}

Result<std::vector<Candidate>> list_candidates(AppContext& ctx, const CandidateQuery& query) {
    return list_candidates(*ctx.store, query);
}

std::string derived_event_key(const Event& e) {
    // The same keys the extractors make (extract/*_extractor.cpp), so that a confirmed
    // candidate and a later derivation of the same fact are one event.
    const auto doc_type = get(e.fields, field::doc_type).value_or("");
    const auto evaluator = get(e.fields, field::evaluator).value_or("");
    const auto move = get(e.fields, field::move).value_or("");
    switch (e.kind) {
        case EventKind::ModelRelease:
            return e.model ? "model_release|" + *e.model : "";
        case EventKind::SurfaceRollout:
            return e.model && e.surface ? "surface_rollout|" + *e.model + "|" + *e.surface : "";
        case EventKind::EvalReport:
            return e.model && !doc_type.empty() ? "eval_report|" + *e.model + "|" + doc_type : "";
        case EventKind::ThirdPartyEval:
            return e.model && !evaluator.empty() ? "third_party_eval|" + evaluator + "|" + *e.model : "";
        case EventKind::PersonnelMove:
            return e.person && !move.empty()
                       ? "personnel_move|" + *e.person + "|" + move + "|" + format_date(e.occurred_at).substr(0, 7)
                       : "";
        default:
            return "";
    }
}

Result<std::int64_t> confirm_candidate(store::CandidateStore& candidates, store::EventStore& events,
                                       const Taxonomy& taxonomy, std::int64_t id, const CandidateDecision& decision,
                                       TimePoint now) {
    auto found = candidates.find_candidate(id);
    if (!found) {
        return found.error();
    }
    if (!found->has_value()) {
        return make_error(ErrorCode::NotFound, "no candidate with this id", std::to_string(id));
    }
    const Candidate& c = **found;
    if (c.state != CandidateState::Open) {
        return make_error(ErrorCode::Invalid, "candidate already " + std::string(to_string(c.state)),
                          std::to_string(id));
    }
    std::optional<EventKind> kind = c.suggested_kind;
    if (decision.kind) {
        kind = event_kind_from_string(*decision.kind);
        if (!kind) {
            return make_error(ErrorCode::Usage, "unknown event kind", *decision.kind);
        }
    }
    if (!kind) {
        return make_error(ErrorCode::Usage, "the candidate suggests no kind: give one with --kind", std::to_string(id));
    }
    Event e;
    e.kind = *kind;
    e.occurred_at = c.published.value_or(c.detected_at);
    if (decision.at) {
        auto at = parse_iso8601(*decision.at);
        if (!at) {
            return make_error(ErrorCode::Usage, "--at must be YYYY-MM-DD or an RFC 3339 time", *decision.at);
        }
        e.occurred_at = *at;
    }
    e.lab = decision.lab ? decision.lab : c.lab;
    if (e.lab && taxonomy.find_lab(*e.lab) == nullptr) {
        return make_error(ErrorCode::Usage, "unknown lab", *e.lab);
    }
    e.model = decision.model ? std::optional<std::string>(slugify(*decision.model)) : c.model;
    e.person = decision.person;
    e.surface = decision.surface;
    if (auto s = assign_fields(e.kind, e.fields, decision.set); !s) {
        return s.error();
    }
    e.title = c.title;
    e.review = Review::Confirmed;
    e.confidence = 1.0;
    e.cue = "confirmed candidate: " + c.cue;
    e.detected_at = now;
    e.dedupe_key = derived_event_key(e);
    if (e.dedupe_key.empty()) {
        e.dedupe_key = std::string(to_string(e.kind)) + "|" + c.dedupe_key;
    }
    e.evidence.push_back({c.item_id, c.link, c.source, c.title, c.detected_at});
    auto event_id = events.upsert_event(e);
    if (!event_id) {
        return event_id.error();
    }
    // upsert_event keeps an existing curated event's fields; an auto one takes the review.
    if (auto s = events.set_review(*event_id, Review::Confirmed); !s) {
        return s.error();
    }
    if (auto s = candidates.set_candidate_state(id, CandidateState::Confirmed, *event_id); !s) {
        return s.error();
    }
    return *event_id;
}

Result<std::int64_t> confirm_candidate(AppContext& ctx, std::int64_t id, const CandidateDecision& decision,
                                       TimePoint now) {
    return confirm_candidate(*ctx.store, *ctx.store, ctx.taxonomy, id, decision, now);
}

Status dismiss_candidate(store::CandidateStore& candidates, std::int64_t id) {
    return candidates.set_candidate_state(id, CandidateState::Dismissed, std::nullopt);
}

Status dismiss_candidate(AppContext& ctx, std::int64_t id) {
    return dismiss_candidate(*ctx.store, id);
}

}  // namespace fw::app
