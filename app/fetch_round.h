#pragma once
// One fetch round, written once for every front end (`fetch`, `watch`, the team worker, the
// GUI's fetch): fetch what is due and store it, derive events, answer the watch questions, save
// the answers and alert the new events and the answers that changed.
//
// Answers are saved here and only here, after a derivation: `report` and the GUI's refresh read
// and render. So a status change is alerted by the round that first sees it, whoever looks at
// the report in between.

#include <cstdint>
#include <string>
#include <vector>

#include "app/alert_service.h"
#include "app/context.h"
#include "app/fetch_service.h"
#include "domain/question.h"
#include "domain/result.h"
#include "domain/time.h"

namespace fw::app {

/// What happened after a derivation. A failure here never undoes the fetch: it is a warning.
struct AnswerOutcome {
    std::vector<QuestionAnswer> changed_answers;  ///< questions whose status changed
    AlertSummary alerts;
    std::vector<std::string> warnings;  ///< "answers: ...", "alerts: ..."
};

/// The tail of every round, once events are derived: answers the watch questions as of `now`,
/// saves them, and alerts `new_event_ids` with the answers whose status changed.
AnswerOutcome answer_and_alert(AppContext& ctx, const std::vector<std::int64_t>& new_event_ids, TimePoint now);

struct FetchRound {
    FetchSummary fetched;
    AnswerOutcome answered;  ///< empty when the request did not derive events
};

/// fetch_sources(request), then, when it derived events, answer_and_alert at request.now.
/// Errors only as fetch_sources does (nothing could be attempted).
Result<FetchRound> run_fetch_round(AppContext& ctx, const FetchRequest& request);

}  // namespace fw::app
