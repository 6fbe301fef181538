#pragma once
// A fact the extractor could not classify with confidence: an item that names a tracked lab,
// model, surface or person and yields no confident event. Candidates wait in a review queue
// (`events candidates`, the cockpit's review view) until a person confirms one as a typed event
// or dismisses it; nothing that names a tracked entity is dropped silently.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.h"
#include "domain/time.h"

namespace fw {

/// open: waiting for review; confirmed: a person turned it into an event; dismissed: not a fact.
enum class CandidateState { Open, Confirmed, Dismissed };
std::string_view to_string(CandidateState state);
std::optional<CandidateState> candidate_state_from_string(std::string_view text);

struct Candidate {
    std::int64_t id = 0;
    std::int64_t item_id = 0;  ///< the stored item it came from
    std::string source;        ///< source name
    std::string title;
    std::string link;
    std::optional<TimePoint> published;
    /// Entities found, as "kind:slug" ("lab:meta", "model:muse-spark", "surface:whatsapp").
    std::vector<std::string> entities;
    std::string cue;                          ///< the nearest cue: the words that suggested a kind
    std::optional<EventKind> suggested_kind;  ///< what the cue suggests, when anything
    double confidence = 0;                    ///< of the suggestion, in [0, 1)
    std::optional<std::string> lab;
    std::optional<std::string> model;
    std::string reason;  ///< why it is not an event ("low confidence 0.45", "no cue", ...)
    CandidateState state = CandidateState::Open;
    /// One candidate per item: "candidate|<source>|<item native id>"; a rebuild finds the same.
    std::string dedupe_key;
    TimePoint detected_at{};
};

}  // namespace fw
