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

namespace fw::app {

struct AlertSummary {
    int matched = 0;  ///< new deliveries recorded this run
    int sent = 0;
    int failed = 0;  ///< will be retried next run
};

Result<AlertSummary> deliver_alerts(AppContext& ctx, const std::vector<std::int64_t>& new_event_ids,
                                    const std::vector<QuestionAnswer>& changed_answers, TimePoint now);

/// Deliveries on the desktop channel not yet shown; the GUI marks them sent once shown.
Result<std::vector<AlertDelivery>> pending_desktop_alerts(AppContext& ctx);

}  // namespace fw::app
