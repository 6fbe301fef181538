#include "analysis/market.h"
#include "domain/event_schema.h"

#include <algorithm>
#include <cmath>

namespace fw::analysis {
namespace {

constexpr long kChartBefore = 60;
constexpr long kChartAfter = 20;
constexpr int kAnalystNearDays = 30;
constexpr std::size_t kMaxMarkers = 40;  // a chart with more marks than this says nothing

bool concerns(const Event& e, const std::string& lab, const std::string& ticker) {
    return (e.lab && *e.lab == lab) || (e.security && *e.security == ticker) || get(e.fields, field::symbol) == ticker;
}

// Events are in time order: find the first one on or after a day without scanning them all.
EventRefs::const_iterator first_on_or_after(const EventRefs& events, Day d) {
    return std::lower_bound(events.begin(), events.end(), d,
                            [](const Event* e, Day day) { return day_of(e->occurred_at) < day; });
}

bool market_relevant(EventKind k) {
    return k == EventKind::ModelRelease || k == EventKind::WeightsRelease || k == EventKind::EarningsRelease ||
           k == EventKind::CapexGuidance || k == EventKind::AnalystRating || k == EventKind::LicenseChange;
}

void add_chart(MarketStudy& m, const AlignedPrices& a, const EventRefs& events) {
    const auto it = std::lower_bound(a.dates.begin(), a.dates.end(), m.study.day0);
    const long d0 = it - a.dates.begin();
    const long from = std::max(0L, d0 - kChartBefore);
    const long to = std::min(static_cast<long>(a.dates.size()) - 1, d0 + kChartAfter);
    for (long i = from; i <= to; ++i) {
        m.chart.push_back(PricePoint{a.dates[i], a.stock[i], a.benchmark[i]});
    }
    for (auto e = first_on_or_after(events, a.dates[from]); e != events.end(); ++e) {
        const Day d = day_of((*e)->occurred_at);
        if (d > a.dates[to] || m.markers.size() >= kMaxMarkers)
            break;
        if (market_relevant((*e)->kind) && concerns(**e, m.lab, m.symbol)) {
            m.markers.push_back(EventMarker{d, std::string(to_string((*e)->kind)) + ": " + (*e)->title, (*e)->id});
        }
    }
}

std::vector<std::int64_t> confounders_of(const MarketStudy& m, const EventRefs& earnings) {
    std::vector<std::int64_t> out;
    const Day first = std::min(m.study.window.front().date, m.study.event_date);
    const Day last = m.study.window.back().date;
    for (auto e = first_on_or_after(earnings, first); e != earnings.end() && day_of((*e)->occurred_at) <= last; ++e) {
        if (concerns(**e, m.lab, m.symbol)) {
            out.push_back((*e)->id);
        }
    }
    return out;
}

void study_releases(MarketSection& out, const EventRefs& events, const Taxonomy& taxonomy,
                    const std::map<std::string, std::vector<PriceBar>>& prices, const EventStudyParams& params) {
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
            out.skipped.push_back(
                {e->id, model, sec.ticker, "prices do not cover this event: no prices for " + missing});
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

using ReleasesByTicker = std::map<std::string, EventRefs>;

ReleasesByTicker releases_by_ticker(const EventRefs& releases, const Taxonomy& taxonomy) {
    ReleasesByTicker out;
    for (const Event* r : releases) {
        const Lab* lab = taxonomy.find_lab(lab_of(*r, taxonomy));
        if (lab != nullptr && lab->security) {
            out[lab->security->ticker].push_back(r);  // stays in time order
        }
    }
    return out;
}

void nearest_release(AnalystAction& a, const ReleasesByTicker& by_ticker) {
    const auto found = by_ticker.find(a.symbol);
    if (found == by_ticker.end()) {
        return;
    }
    const EventRefs& releases = found->second;
    const auto after = first_on_or_after(releases, day_of(a.at) - std::chrono::days{kAnalystNearDays});
    for (auto it = after; it != releases.end(); ++it) {
        const int days = days_between((*it)->occurred_at, a.at);
        if (days < -kAnalystNearDays) {
            break;
        }
        if (std::abs(days) <= kAnalystNearDays &&
            (!a.days_from_release || std::abs(days) < std::abs(*a.days_from_release))) {
            a.near_release_event_id = (*it)->id;
            a.days_from_release = days;
        }
    }
}

std::vector<CapexGuidance> capex_history(const EventRefs& events) {
    std::vector<CapexGuidance> out;
    for (const Event* e : of_kind(events, EventKind::CapexGuidance)) {
        const Fields& f = e->fields;
        CapexGuidance g{e->id,
                        e->occurred_at,
                        f.text("company").value_or(e->lab.value_or("")),
                        f.integer("fiscal_year"),
                        f.number("low_usd"),
                        f.number("high_usd"),
                        f.number("prior_low_usd"),
                        f.number("prior_high_usd"),
                        f.text("direction"),
                        {}};
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
    if (mid > prior_mid + tolerance)
        return "raised";
    if (mid < prior_mid - tolerance)
        return "lowered";
    if (*high - *low < *prior_high - *prior_low - tolerance)
        return "narrowed";
    return "reaffirmed";
}

MarketSection analyze_market(const EventRefs& events, const Taxonomy& taxonomy,
                             const std::map<std::string, std::vector<PriceBar>>& prices,
                             const EventStudyParams& params) {
    MarketSection out;
    study_releases(out, events, taxonomy, prices, params);
    const ReleasesByTicker releases = releases_by_ticker(of_kind(events, EventKind::ModelRelease), taxonomy);
    for (const Event* e : of_kind(events, EventKind::AnalystRating)) {
        const Fields& f = e->fields;
        AnalystAction a{e->id,
                        e->occurred_at,
                        f.text("firm").value_or(""),
                        f.text("symbol").value_or(e->security.value_or("")),
                        f.text("action").value_or(""),
                        f.number("old_target"),
                        f.number("new_target"),
                        {},
                        {}};
        nearest_release(a, releases);
        out.analyst_actions.push_back(std::move(a));
    }
    out.capex_guidance = capex_history(events);
    return out;
}

}  // namespace fw::analysis
