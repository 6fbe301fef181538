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
    bool take_fields = false;           ///< the new kind, title, fields, confidence, cue
    std::optional<Review> take_review;  ///< a curated incoming review upgrades an auto event
    /// When the fact happened: the earliest report's time. A launch a lab posted on the 9th and
    /// a wire reported on the 13th happened on the 9th, whichever item was read last.
    std::optional<TimePoint> occurred_at;
};

/// The event already stored under the key.
struct StoredEvent {
    Review review = Review::Auto;
    bool edited = false;
    double confidence = 0;
    TimePoint occurred_at{};
};

/// A report at least as confident as the stored one gives the fields (a re-extraction of the
/// same item, or a clearer report of the fact); a weaker one only adds its evidence, and its time
/// when it is earlier.
EventMergePlan plan_event_merge(const StoredEvent& stored, const Event& incoming);

}  // namespace fw::store
