#include "app/report_service.h"

#include <set>

namespace fw::app {

Result<std::map<std::string, std::vector<PriceBar>>> load_market_prices(store::PriceStore& store,
                                                                        const Taxonomy& taxonomy) {
    std::set<std::string> symbols;
    for (const auto& lab : taxonomy.labs) {
        if (lab.security) {
            symbols.insert(lab.security->ticker);
            symbols.insert(lab.security->benchmark.empty() ? "SPY" : lab.security->benchmark);
        }
    }
    std::map<std::string, std::vector<PriceBar>> prices;
    for (const auto& symbol : symbols) {
        auto bars = store.load_prices(symbol);
        if (!bars) {
            return bars.error();
        }
        if (!bars->empty()) {
            prices[symbol] = std::move(*bars);
        }
    }
    return prices;
}

Result<std::map<std::string, std::vector<PriceBar>>> load_market_prices(AppContext& ctx) {
    return load_market_prices(*ctx.store, ctx.taxonomy);
}

Result<ReportResult> build_watch_report(store::EventStore& events, store::PriceStore& prices, const Taxonomy& taxonomy,
                                        const std::vector<WatchQuestion>& questions, TimePoint as_of,
                                        TimePoint generated_at) {
    ReportResult out;
    auto stored = events.list_events({});
    if (!stored) {
        return stored.error();
    }
    out.events = std::move(*stored);
    auto bars = load_market_prices(prices, taxonomy);
    if (!bars) {
        return bars.error();
    }
    analysis::AnalysisInput input{out.events, taxonomy, *bars, questions, as_of};
    out.report = analysis::build_report(input);
    out.report.generated_at = generated_at;
    return out;
}

Result<ReportResult> build_watch_report(AppContext& ctx, TimePoint as_of, TimePoint generated_at) {
    return build_watch_report(*ctx.store, *ctx.store, ctx.taxonomy, ctx.questions, as_of, generated_at);
}

Result<std::vector<QuestionAnswer>> evaluate_answers(store::EventStore& events, store::PriceStore& prices,
                                                     const Taxonomy& taxonomy,
                                                     const std::vector<WatchQuestion>& questions, TimePoint now) {
    auto built = build_watch_report(events, prices, taxonomy, questions, now, now);
    if (!built) {
        return built.error();
    }
    return std::move(built->report.questions);
}

Result<std::vector<QuestionAnswer>> evaluate_answers(AppContext& ctx, TimePoint now) {
    return evaluate_answers(*ctx.store, *ctx.store, ctx.taxonomy, ctx.questions, now);
}

}  // namespace fw::app
