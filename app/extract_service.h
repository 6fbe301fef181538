#pragma once
// Derives events from stored items: incrementally after each fetch, or from scratch
// (`extract --rebuild`), keeping every manual and curated decision.

#include <cstdint>
#include <vector>

#include "app/context.h"
#include "domain/result.h"

namespace fw::app {

struct ExtractSummary {
    int items_seen = 0;
    int events_written = 0;  ///< inserted or merged
    int new_events = 0;      ///< events that did not exist before
    std::vector<std::int64_t> new_event_ids;
    int discovered_models = 0;
    int candidates = 0;  ///< items queued for review (named a tracked entity, no confident event)
};

/// Items stored since the last run (a watermark in the settings), plus `changed_ids`: items that
/// got a new version (same id), which the watermark alone would miss.
Result<ExtractSummary> extract_new_items(AppContext& ctx, const std::vector<std::int64_t>& changed_ids = {});

/// Deletes the automatic events and the open candidates and derives everything again from all
/// stored items with the current rules. Confirmed, rejected, edited and manual events, and
/// confirmed or dismissed candidates, are kept as they are.
Result<ExtractSummary> rebuild_events(AppContext& ctx);

}  // namespace fw::app
