#include "app/report_service.h"

#include <set>

namespace fw::app {

Result<std::map<std::string, std::vector<PriceBar>>> load_market_prices(AppContext& ctx) {
    std::set<std::string> symbols;
    for (const auto& lab : ctx.taxonomy.labs) {
        if (lab.security) {
            symbols.insert(lab.security->ticker);
            symbols.insert(lab.security->benchmark.empty() ? "SPY" : lab.security->benchmark);
        }
    }
    std::map<std::string, std::vector<PriceBar>> prices;
    for (const auto& symbol : symbols) {
        auto bars = ctx.store->load_prices(symbol);
        if (!bars) {
            return bars.error();
        }
        if (!bars->empty()) {
            prices[symbol] = std::move(*bars);
        }
    }
    return prices;
}

Result<ReportResult> build_watch_report(AppContext& ctx, TimePoint as_of, TimePoint generated_at) {
    ReportResult out;
    auto events = ctx.store->list_events({});
    if (!events) {
        return events.error();
    }
    out.events = std::move(*events);
    auto prices = load_market_prices(ctx);
    if (!prices) {
        return prices.error();
    }
    analysis::AnalysisInput input{out.events, ctx.taxonomy, *prices, ctx.questions, as_of};
    out.report = analysis::build_report(input);
    out.report.generated_at = generated_at;
    return out;
}

Result<std::vector<QuestionAnswer>> evaluate_answers(AppContext& ctx, TimePoint now) {
    auto built = build_watch_report(ctx, now, now);
    if (!built) {
        return built.error();
    }
    return std::move(built->report.questions);
}

}  // namespace fw::app
