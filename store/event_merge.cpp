#include "store/event_merge.h"

#include <algorithm>

namespace fw::store {

bool is_curated(Review review, bool edited) {
    return review != Review::Auto || edited;
}

EventMergePlan plan_event_merge(const StoredEvent& stored, const Event& incoming) {
    EventMergePlan plan;
    if (is_curated(stored.review, stored.edited)) {
        return plan;  // re-extraction never overwrites what a person decided
    }
    plan.take_fields = incoming.confidence >= stored.confidence || incoming.review != Review::Auto;
    if (incoming.review != Review::Auto) {
        plan.take_review = incoming.review;
    }
    if (plan.take_fields || incoming.occurred_at < stored.occurred_at) {
        plan.occurred_at = std::min(stored.occurred_at, incoming.occurred_at);
    }
    return plan;
}

}  // namespace fw::store
