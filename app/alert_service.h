#pragma once
// Sends alerts: rules matched against new events and changed watch questions, each delivery
// recorded once per (rule, subject, channel) and retried on later runs while its channel fails.
// Channels: terminal (stderr), desktop (left pending for the GUI's tray), webhook:URL (a JSON
// POST, Slack-compatible "text"), atom:FILE (an Atom feed of alerted events, rewritten).

#include <cstdint>
#include <vector>

#include "app/context.h"
#include "domain/question.h"
#include "domain/result.h"
#include "store/alert_store.h"
#include "store/event_store.h"

namespace fw::app {

struct AlertSummary {
    int matched = 0;  ///< new deliveries recorded this run
    int sent = 0;
    int failed = 0;  ///< will be retried next run
};

/// Matches `rules` against the new events (read from `events`) and the changed answers, records
/// each delivery once in `alerts` and sends what is pending.
Result<AlertSummary> deliver_alerts(store::AlertStore& alerts, store::EventStore& events,
                                    const std::vector<AlertRule>& rules, const std::vector<std::int64_t>& new_event_ids,
                                    const std::vector<QuestionAnswer>& changed_answers, TimePoint now);
/// The same with the context's store and alert rules.
Result<AlertSummary> deliver_alerts(AppContext& ctx, const std::vector<std::int64_t>& new_event_ids,
                                    const std::vector<QuestionAnswer>& changed_answers, TimePoint now);

/// Deliveries on the desktop channel not yet shown; the GUI marks them sent once shown.
Result<std::vector<AlertDelivery>> pending_desktop_alerts(store::AlertStore& alerts);
Result<std::vector<AlertDelivery>> pending_desktop_alerts(AppContext& ctx);

}  // namespace fw::app
