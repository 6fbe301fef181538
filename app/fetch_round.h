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
#include "domain/alert.h"
#include "domain/question.h"
#include "domain/result.h"
#include "domain/taxonomy.h"
#include "domain/time.h"
#include "store/alert_store.h"
#include "store/event_store.h"
#include "store/price_store.h"

namespace fw::app {

/// What happened after a derivation. A failure here never undoes the fetch: it is a warning.
struct AnswerOutcome {
    std::vector<QuestionAnswer> changed_answers;  ///< questions whose status changed
    AlertSummary alerts;
    std::vector<std::string> warnings;  ///< "answers: ...", "alerts: ..."
};

/// What answering and alerting read besides the store.
struct AnswerInputs {
    const Taxonomy& taxonomy;
    const std::vector<WatchQuestion>& questions;
    const std::vector<AlertRule>& alert_rules;

    static AnswerInputs of(const AppContext& ctx) { return {ctx.taxonomy, ctx.questions, ctx.alert_rules}; }
};

/// The tail of every round, once events are derived: answers the watch questions as of `now`
/// from `events` and `prices`, saves them in `alerts`, and alerts `new_event_ids` with the
/// answers whose status changed.
AnswerOutcome answer_and_alert(store::EventStore& events, store::PriceStore& prices, store::AlertStore& alerts,
                               const AnswerInputs& inputs, const std::vector<std::int64_t>& new_event_ids,
                               TimePoint now);
AnswerOutcome answer_and_alert(AppContext& ctx, const std::vector<std::int64_t>& new_event_ids, TimePoint now);

struct FetchRound {
    FetchSummary fetched;
    AnswerOutcome answered;  ///< empty when the request did not derive events
};

/// What a round reaches in the store: what the fetch and its derivation declare, and the
/// answers and alerts.
struct RoundStores {
    FetchStores fetch;
    store::AlertStore& alerts;

    static RoundStores of(store::Store& store) { return {FetchStores::of(store), store}; }
};

/// What a round reads besides the store (the AppContext without its store); the models the
/// derivation discovers are added to the taxonomy both refer to.
struct RoundInputs {
    ExtractInputs extract;
    AnswerInputs answer;

    static RoundInputs of(AppContext& ctx) { return {ExtractInputs::of(ctx), AnswerInputs::of(ctx)}; }
};

/// fetch_sources(request), then, when it derived events, answer_and_alert at request.now.
/// Errors only as fetch_sources does (nothing could be attempted).
Result<FetchRound> run_fetch_round(const RoundStores& stores, const RoundInputs& inputs, const FetchRequest& request);
Result<FetchRound> run_fetch_round(AppContext& ctx, const FetchRequest& request);

}  // namespace fw::app
