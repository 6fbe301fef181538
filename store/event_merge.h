#pragma once
// The event merge, the decision without SQL: one fact is one event (keyed by its dedupe key);
// a second report of it adds evidence, and curation takes precedence over extraction. Tested
// once in tests/store/ for both backends.

#include <optional>

#include "domain/event.h"

namespace fw::store {

/// Confirmed, rejected, manual or edited by a person: its content is theirs.
bool is_curated(Review review, bool edited);

/// What a merge into a stored event writes (evidence is always added, deduplicated).
struct EventMergePlan {
    bool take_fields = false;           ///< the new kind, title, fields, time, confidence, cue
    std::optional<Review> take_review;  ///< a curated incoming review upgrades an auto event
};

/// `stored_review` and `stored_edited` describe the event already stored under the key.
EventMergePlan plan_event_merge(Review stored_review, bool stored_edited, const Event& incoming);

}  // namespace fw::store
