#include "app/fetch_round.h"

#include "app/report_service.h"

namespace fw::app {

AnswerOutcome answer_and_alert(store::EventStore& events, store::PriceStore& prices, store::AlertStore& alerts,
                               const AnswerInputs& inputs, const std::vector<std::int64_t>& new_event_ids,
                               TimePoint now) {
    AnswerOutcome out;
    if (auto answers = evaluate_answers(events, prices, inputs.taxonomy, inputs.questions, now); !answers) {
        out.warnings.push_back("answers: " + answers.error().describe());
    } else if (auto changed = alerts.save_answers(*answers); !changed) {
        out.warnings.push_back("answers: " + changed.error().describe());
    } else {
        out.changed_answers = std::move(*changed);
    }
    // The new events are alerted even when the questions could not be answered.
    if (auto sent = deliver_alerts(alerts, events, inputs.alert_rules, new_event_ids, out.changed_answers, now)) {
        out.alerts = *sent;
    } else {
        out.warnings.push_back("alerts: " + sent.error().describe());
    }
    return out;
}

AnswerOutcome answer_and_alert(AppContext& ctx, const std::vector<std::int64_t>& new_event_ids, TimePoint now) {
    return answer_and_alert(*ctx.store, *ctx.store, *ctx.store, AnswerInputs::of(ctx), new_event_ids, now);
}

Result<FetchRound> run_fetch_round(const RoundStores& stores, const RoundInputs& inputs, const FetchRequest& request) {
    auto fetched = fetch_sources(stores.fetch, inputs.extract, request);
    if (!fetched) {
        return fetched.error();
    }
    FetchRound round{std::move(*fetched), {}};
    if (request.derive_events) {
        round.answered = answer_and_alert(stores.fetch.events, stores.fetch.prices, stores.alerts, inputs.answer,
                                          round.fetched.new_event_ids, request.now);
    }
    return round;
}

Result<FetchRound> run_fetch_round(AppContext& ctx, const FetchRequest& request) {
    return run_fetch_round(RoundStores::of(*ctx.store), RoundInputs::of(ctx), request);
}

}  // namespace fw::app
