#include "app/fetch_round.h"

#include "app/report_service.h"

namespace fw::app {

AnswerOutcome answer_and_alert(AppContext& ctx, const std::vector<std::int64_t>& new_event_ids, TimePoint now) {
    AnswerOutcome out;
    if (auto answers = evaluate_answers(ctx, now); !answers) {
        out.warnings.push_back("answers: " + answers.error().describe());
    } else if (auto changed = ctx.store->save_answers(*answers); !changed) {
        out.warnings.push_back("answers: " + changed.error().describe());
    } else {
        out.changed_answers = std::move(*changed);
    }
    // The new events are alerted even when the questions could not be answered.
    if (auto sent = deliver_alerts(ctx, new_event_ids, out.changed_answers, now)) {
        out.alerts = *sent;
    } else {
        out.warnings.push_back("alerts: " + sent.error().describe());
    }
    return out;
}

Result<FetchRound> run_fetch_round(AppContext& ctx, const FetchRequest& request) {
    auto fetched = fetch_sources(ctx, request);
    if (!fetched) {
        return fetched.error();
    }
    FetchRound round{std::move(*fetched), {}};
    if (request.derive_events) {
        round.answered = answer_and_alert(ctx, round.fetched.new_event_ids, request.now);
    }
    return round;
}

}  // namespace fw::app
