#include "analysis/market.h"

#include <algorithm>
#include <cmath>

namespace fw::analysis {
namespace {

constexpr long kChartBefore = 60;
constexpr long kChartAfter = 20;
constexpr int kAnalystNearDays = 30;

bool concerns(const Event& e, const std::string& lab, const std::string& ticker) {
    return (e.lab && *e.lab == lab) || (e.security && *e.security == ticker) ||
           e.fields.text("symbol") == ticker;
}

void add_chart(MarketStudy& m, const AlignedPrices& a, const EventRefs& events) {
    const auto it = std::lower_bound(a.dates.begin(), a.dates.end(), m.study.day0);
    const long d0 = it - a.dates.begin();
    const long from = std::max(0L, d0 - kChartBefore);
    const long to = std::min(static_cast<long>(a.dates.size()) - 1, d0 + kChartAfter);
    for (long i = from; i <= to; ++i) {
        m.chart.push_back(PricePoint{a.dates[i], a.stock[i], a.benchmark[i]});
    }
    for (const Event* e : events) {
        const Day d = day_of(e->occurred_at);
        if (d >= a.dates[from] && d <= a.dates[to] && concerns(*e, m.lab, m.symbol)) {
            m.markers.push_back(EventMarker{d, std::string(to_string(e->kind)) + ": " + e->title, e->id});
        }
    }
}

std::vector<std::int64_t> confounders_of(const MarketStudy& m, const EventRefs& earnings) {
    std::vector<std::int64_t> out;
    const Day first = std::min(m.study.window.front().date, m.study.event_date);
    const Day last = m.study.window.back().date;
    for (const Event* e : earnings) {
        const Day d = day_of(e->occurred_at);
        if (d >= first && d <= last && concerns(*e, m.lab, m.symbol)) {
            out.push_back(e->id);
        }
    }
    return out;
}

void study_releases(MarketSection& out, const EventRefs& events, const Taxonomy& taxonomy,
                    const std::map<std::string, std::vector<PriceBar>>& prices,
                    const EventStudyParams& params) {
    std::map<std::string, AlignedPrices> aligned;  // by "ticker|benchmark"
    const EventRefs earnings = of_kind(events, EventKind::EarningsRelease);
    for (const Event* e : of_kind(events, EventKind::ModelRelease)) {
        const std::string lab = lab_of(*e, taxonomy);
        const Lab* info = taxonomy.find_lab(lab);
        if (info == nullptr || !info->security) {
            continue;
        }
        const Security& sec = *info->security;
        const std::string model = e->model.value_or("");
        const auto stock = prices.find(sec.ticker);
        const auto bench = prices.find(sec.benchmark);
        if (stock == prices.end() || bench == prices.end()) {
            const std::string missing = stock == prices.end() ? sec.ticker : sec.benchmark;
            out.skipped.push_back({e->id, model, sec.ticker, "prices do not cover this event: no prices for " + missing});
            continue;
        }
        const std::string key = sec.ticker + "|" + sec.benchmark;
        if (!aligned.contains(key)) {
            aligned[key] = align_prices(stock->second, bench->second);
        }
        auto study = run_event_study(aligned[key], day_of(e->occurred_at), params);
        if (!study) {
            out.skipped.push_back({e->id, model, sec.ticker, study.error().describe()});
            continue;
        }
        MarketStudy m{e->id, model, lab, sec.ticker, sec.benchmark, std::move(*study), {}, {}, {}};
        m.confounders = confounders_of(m, earnings);
        add_chart(m, aligned[key], events);
        out.event_studies.push_back(std::move(m));
    }
}

void nearest_release(AnalystAction& a, const EventRefs& releases, const Taxonomy& taxonomy) {
    for (const Event* r : releases) {
        const Lab* lab = taxonomy.find_lab(lab_of(*r, taxonomy));
        if (lab == nullptr || !lab->security || lab->security->ticker != a.symbol) {
            continue;
        }
        const int days = days_between(r->occurred_at, a.at);
        if (std::abs(days) <= kAnalystNearDays &&
            (!a.days_from_release || std::abs(days) < std::abs(*a.days_from_release))) {
            a.near_release_event_id = r->id;
            a.days_from_release = days;
        }
    }
}

std::vector<CapexGuidance> capex_history(const EventRefs& events) {
    std::vector<CapexGuidance> out;
    for (const Event* e : of_kind(events, EventKind::CapexGuidance)) {
        const Fields& f = e->fields;
        CapexGuidance g{e->id, e->occurred_at, f.text("company").value_or(e->lab.value_or("")),
                        f.integer("fiscal_year"), f.number("low_usd"), f.number("high_usd"),
                        f.number("prior_low_usd"), f.number("prior_high_usd"), f.text("direction"), {}};
        if (!g.prior_low_usd && !g.prior_high_usd) {
            for (auto it = out.rbegin(); it != out.rend(); ++it) {
                if (it->company == g.company && it->fiscal_year == g.fiscal_year) {
                    g.prior_low_usd = it->low_usd;
                    g.prior_high_usd = it->high_usd;
                    break;
                }
            }
        }
        g.computed_direction = revision_direction(g.prior_low_usd, g.prior_high_usd, g.low_usd, g.high_usd);
        out.push_back(std::move(g));
    }
    return out;
}

}  // namespace

std::string revision_direction(std::optional<double> prior_low, std::optional<double> prior_high,
                               std::optional<double> low, std::optional<double> high) {
    if (!prior_low || !prior_high || !low || !high) {
        return "initiated";
    }
    const double mid = (*low + *high) / 2, prior_mid = (*prior_low + *prior_high) / 2;
    const double tolerance = 1e-9 * std::max(std::abs(mid), 1.0);
    if (mid > prior_mid + tolerance) return "raised";
    if (mid < prior_mid - tolerance) return "lowered";
    if (*high - *low < *prior_high - *prior_low - tolerance) return "narrowed";
    return "reaffirmed";
}

MarketSection analyze_market(const EventRefs& events, const Taxonomy& taxonomy,
                             const std::map<std::string, std::vector<PriceBar>>& prices,
                             const EventStudyParams& params) {
    MarketSection out;
    study_releases(out, events, taxonomy, prices, params);
    const EventRefs releases = of_kind(events, EventKind::ModelRelease);
    for (const Event* e : of_kind(events, EventKind::AnalystRating)) {
        const Fields& f = e->fields;
        AnalystAction a{e->id, e->occurred_at, f.text("firm").value_or(""),
                        f.text("symbol").value_or(e->security.value_or("")), f.text("action").value_or(""),
                        f.number("old_target"), f.number("new_target"), {}, {}};
        nearest_release(a, releases, taxonomy);
        out.analyst_actions.push_back(std::move(a));
    }
    out.capex_guidance = capex_history(events);
    return out;
}

}  // namespace fw::analysis
