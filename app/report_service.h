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
#include "store/event_store.h"
#include "store/price_store.h"

namespace fw::app {

struct ReportResult {
    analysis::WatchReport report;
    std::vector<Event> events;  ///< every stored event (the report's evidence refers to them)
};

/// Prices of every security and benchmark named in the taxonomy, by symbol.
Result<std::map<std::string, std::vector<PriceBar>>> load_market_prices(store::PriceStore& prices,
                                                                        const Taxonomy& taxonomy);
Result<std::map<std::string, std::vector<PriceBar>>> load_market_prices(AppContext& ctx);

/// Builds the watch report as of `as_of`, stamping `generated_at`, from the stored events and
/// prices. Reads only: the answers are saved (and their changes alerted) by the fetch round
/// (app/fetch_round.h).
Result<ReportResult> build_watch_report(store::EventStore& events, store::PriceStore& prices, const Taxonomy& taxonomy,
                                        const std::vector<WatchQuestion>& questions, TimePoint as_of,
                                        TimePoint generated_at);
Result<ReportResult> build_watch_report(AppContext& ctx, TimePoint as_of, TimePoint generated_at);

/// The watch questions answered as of `now` from the stored events and prices.
Result<std::vector<QuestionAnswer>> evaluate_answers(store::EventStore& events, store::PriceStore& prices,
                                                     const Taxonomy& taxonomy,
                                                     const std::vector<WatchQuestion>& questions, TimePoint now);
Result<std::vector<QuestionAnswer>> evaluate_answers(AppContext& ctx, TimePoint now);

}  // namespace fw::app
