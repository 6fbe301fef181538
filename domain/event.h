#pragma once
// Typed, evidenced facts derived from items (or entered by people). See the contract's event
// kinds and ../docs/architecture.md for the dedupe and curation rules.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/fields.h"
#include "domain/time.h"

namespace fw {

enum class EventKind {
    ModelRelease,
    SurfaceRollout,
    WeightsRelease,
    LicenseChange,
    GatingChange,
    EvalReport,
    ThirdPartyEval,
    PersonnelMove,
    EarningsRelease,
    CapexGuidance,
    AnalystRating,
};

/// Contract names: model_release, surface_rollout, ...
std::string_view to_string(EventKind kind);
std::optional<EventKind> event_kind_from_string(std::string_view text);
/// Every kind, in declaration order.
const std::vector<EventKind>& all_event_kinds();

/// auto: derived by rules; confirmed/rejected: a person reviewed a derived event;
/// manual: entered by a person.
enum class Review { Auto, Confirmed, Rejected, Manual };
std::string_view to_string(Review review);
std::optional<Review> review_from_string(std::string_view text);

struct Evidence {
    std::int64_t item_id = 0;  ///< 0 for evidence given by hand
    std::string url;
    std::string source;  ///< source name
    std::string snippet;
    std::optional<TimePoint> fetched_at;
};

struct Event {
    std::int64_t id = 0;
    EventKind kind = EventKind::ModelRelease;
    TimePoint occurred_at{};
    std::string time_precision = "day";  ///< second | day | month
    std::optional<std::string> lab;
    std::optional<std::string> model;
    std::optional<std::string> person;
    std::optional<std::string> surface;
    std::optional<std::string> security;  ///< ticker
    std::string title;
    Fields fields;
    double confidence = 1.0;  ///< in [0, 1]; manual and confirmed events are 1
    /// The words that made the event ("introducing {model}", "not releasing weights"); empty for
    /// events entered by hand.
    std::string cue;
    Review review = Review::Auto;
    /// One fact = one key, e.g. "model_release|muse-spark", "weights_release|hf:meta-llama/X".
    /// Several sources reporting the fact add evidence rows to the same event.
    std::string dedupe_key;
    TimePoint detected_at{};
    bool edited = false;  ///< a person changed fields; a rebuild keeps them
    std::vector<Evidence> evidence;
};

}  // namespace fw
