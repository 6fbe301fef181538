#include "store/event_merge.h"

namespace fw::store {

bool is_curated(Review review, bool edited) {
    return review != Review::Auto || edited;
}

EventMergePlan plan_event_merge(Review stored_review, bool stored_edited, const Event& incoming) {
    EventMergePlan plan;
    if (is_curated(stored_review, stored_edited)) {
        return plan;  // re-extraction never overwrites what a person decided
    }
    plan.take_fields = true;
    if (incoming.review != Review::Auto) {
        plan.take_review = incoming.review;
    }
    return plan;
}

}  // namespace fw::store
