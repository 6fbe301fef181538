#pragma once
// Alert-rule matching: which rules fire for new events and for changed question answers. Pure:
// sending, de-duplication across runs and retries belong to app/.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/alert.h"
#include "domain/event.h"
#include "domain/question.h"

namespace fw::analysis {

/// One rule firing for one subject (an event or a question); sent on each of its channels.
struct AlertMatch {
    std::string rule_id;
    std::string rule_name;
    std::vector<std::string> channels;
    std::optional<std::int64_t> event_id;
    std::optional<std::string> question_id;
    std::string title;  ///< one line, e.g. "model_release: Muse Spark (meta)"

    /// AlertDelivery key: "rule|event:42|channel" or "rule|question:id=yes|channel". A question
    /// key includes the new status so each change is delivered once.
    std::string delivery_key(const std::string& channel) const;
    std::string subject_key;  ///< "event:42" or "question:id=yes"
};

/// Rules match an event when every non-empty filter matches: kinds (contract names), labs, and
/// models (the model itself, a versioned slug of it "muse-spark-1-1" for "muse-spark", or the
/// event's "family" field). Rejected events never match. A rule with question_changes fires for
/// each changed answer; such a rule with no kind, lab or model filter matches questions only.
std::vector<AlertMatch> match_alerts(std::span<const AlertRule> rules, std::span<const Event> new_events,
                                     std::span<const QuestionAnswer> changed_answers);

/// True when the rule's filters accept the event.
bool rule_matches(const AlertRule& rule, const Event& event);

}  // namespace fw::analysis
