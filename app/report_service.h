#pragma once
// Loads what the analyses need from the store and runs them for one "as of" date.

#include <map>
#include <string>
#include <vector>

#include "analysis/report.h"
#include "app/context.h"
#include "domain/price.h"
#include "domain/question.h"
#include "domain/result.h"

namespace fw::app {

struct ReportResult {
    analysis::WatchReport report;
    std::vector<Event> events;  ///< every stored event (the report's evidence refers to them)
    std::vector<QuestionAnswer> changed_answers;  ///< questions whose status changed
};

/// Prices of every security and benchmark named in the taxonomy, by symbol.
Result<std::map<std::string, std::vector<PriceBar>>> load_market_prices(AppContext& ctx);

/// Builds the watch report as of `as_of`, stamping `generated_at`. The question answers are
/// saved so status changes can raise alerts.
Result<ReportResult> build_watch_report(AppContext& ctx, TimePoint as_of, TimePoint generated_at);

}  // namespace fw::app
