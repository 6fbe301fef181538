#include "report/svg_charts.h"

#include <algorithm>
#include <cstdio>

#include "report/escape.h"

namespace fw::report::detail {
namespace {

using namespace analysis;

constexpr double kWidth = 760, kLeft = 140, kRight = 20;
const char* const kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string open_svg(double height, const std::string& label) {
    return "<svg role=\"img\" aria-label=\"" + escape_xml(label) +
           "\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) + "\" width=\"" + num(kWidth) + "\" height=\"" +
           num(height) + "\">";
}

std::string text_at(double x, double y, const std::string& text, const std::string& extra = "") {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + extra + ">" + escape_xml(text) + "</text>";
}

std::string category_colour(const std::optional<std::string>& c) {
    if (!c) return "#999999";
    if (*c == "monetizable") return "#d62728";
    if (*c == "engagement") return "#1f77b4";
    if (*c == "hardware") return "#9467bd";
    if (*c == "developer") return "#2ca02c";
    return "#ff7f0e";  // enterprise
}

}  // namespace

std::string price_chart_svg(const MarketStudy& m) {
    const double height = 240, top = 20, bottom = 30;
    if (m.chart.size() < 2) return "";
    double lo = 1e300, hi = -1e300;
    for (const PricePoint& p : m.chart) {
        for (double v : {100 * p.stock / m.chart.front().stock, 100 * p.benchmark / m.chart.front().benchmark}) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    if (hi - lo < 1e-9) hi = lo + 1;
    const double n = static_cast<double>(m.chart.size() - 1);
    auto x = [&](std::size_t i) { return kLeft + (kWidth - kLeft - kRight) * static_cast<double>(i) / n; };
    auto y = [&](double v) { return top + (height - top - bottom) * (hi - v) / (hi - lo); };
    auto index_of = [&](Day d) {
        auto it = std::lower_bound(m.chart.begin(), m.chart.end(), d, [](const PricePoint& p, Day v) { return p.date < v; });
        return static_cast<std::size_t>(std::min<long>(it - m.chart.begin(), static_cast<long>(m.chart.size()) - 1));
    };
    std::string out = open_svg(height, "price of " + m.symbol + " and " + m.benchmark + " around the release of " + m.model);
    const double x0 = x(index_of(m.study.window.front().date)), x1 = x(index_of(m.study.window.back().date));
    out += "<rect class=\"window\" x=\"" + num(x0 - 2) + "\" y=\"" + num(top) + "\" width=\"" + num(x1 - x0 + 4) +
           "\" height=\"" + num(height - top - bottom) + "\" fill=\"#fde9a9\"><title>event window</title></rect>";
    std::string stock, bench;
    for (std::size_t i = 0; i < m.chart.size(); ++i) {
        stock += num(x(i)) + "," + num(y(100 * m.chart[i].stock / m.chart.front().stock)) + " ";
        bench += num(x(i)) + "," + num(y(100 * m.chart[i].benchmark / m.chart.front().benchmark)) + " ";
    }
    out += "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"" + stock + "\"/>";
    out += "<polyline fill=\"none\" stroke=\"#888888\" stroke-width=\"1.5\" points=\"" + bench + "\"/>";
    for (const EventMarker& mk : m.markers) {
        const double mx = x(index_of(mk.date));
        out += "<line x1=\"" + num(mx) + "\" x2=\"" + num(mx) + "\" y1=\"" + num(top) + "\" y2=\"" +
               num(height - bottom) + "\" stroke=\"#d62728\" stroke-dasharray=\"3,3\"><title>" +
               escape_xml(format_date(mk.date) + " " + mk.label) + "</title></line>";
    }
    out += text_at(4, top + 10, m.symbol + " (blue)") + text_at(4, top + 26, m.benchmark + " (grey)") +
           text_at(4, top + 42, "rebased to 100");
    out += text_at(kLeft - 4, y(hi) + 4, num(hi), " text-anchor=\"end\"") +
           text_at(kLeft - 4, y(lo) + 4, num(lo), " text-anchor=\"end\"");
    out += text_at(4, height - 8, format_date(m.chart.front().date)) +
           text_at(kWidth - kRight, height - 8, format_date(m.chart.back().date), " text-anchor=\"end\"");
    return out + "</svg>";
}

std::string rollout_swimlanes_svg(const std::vector<ModelRollout>& rollout) {
    const double lane = 28, top = 20;
    const double height = top + lane * static_cast<double>(std::max<std::size_t>(rollout.size(), 1)) + 24;
    int max_days = 30;
    for (const ModelRollout& r : rollout) {
        for (const RolloutSurface& s : r.surfaces) max_days = std::max(max_days, s.days_after_launch);
    }
    auto x = [&](int d) { return kLeft + (kWidth - kLeft - kRight) * d / max_days; };
    std::string out = open_svg(height, "rollout of each model across surfaces, days after launch");
    for (std::size_t i = 0; i < rollout.size(); ++i) {
        const double y = top + lane * static_cast<double>(i) + lane / 2;
        out += text_at(4, y + 4, rollout[i].model);
        out += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(kWidth - kRight) + "\" y1=\"" + num(y) + "\" y2=\"" +
               num(y) + "\" stroke=\"#dddddd\"/>";
        for (const RolloutSurface& s : rollout[i].surfaces) {
            out += "<circle cx=\"" + num(x(s.days_after_launch)) + "\" cy=\"" + num(y) + "\" r=\"6\" fill=\"" +
                   category_colour(s.category) + "\"><title>" +
                   escape_xml(s.surface + " (" + s.category.value_or("unknown") + "), day " +
                              std::to_string(s.days_after_launch)) +
                   "</title></circle>";
        }
    }
    out += text_at(kLeft, height - 6, "day 0") + text_at(kWidth - kRight, height - 6, "day " + std::to_string(max_days), " text-anchor=\"end\"");
    return out + "</svg>";
}

std::string eval_lags_svg(const std::vector<EvalDisclosure>& rows) {
    const double bar = 22, top = 10;
    const double height = top + bar * static_cast<double>(std::max<std::size_t>(rows.size(), 1)) + 24;
    int max_days = 30;
    for (const EvalDisclosure& d : rows) max_days = std::max({max_days, d.first_party_lag_days.value_or(0), d.days_open});
    auto w = [&](int d) { return (kWidth - kLeft - kRight) * d / max_days; };
    std::string out = open_svg(height, "first-party eval disclosure lag per model, in days");
    out += "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
           "<path d=\"M0,6 L6,0\" stroke=\"#999999\"/></pattern></defs>";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const EvalDisclosure& d = rows[i];
        const double y = top + bar * static_cast<double>(i);
        const bool open = !d.first_party_lag_days;
        const int days = open ? d.days_open : *d.first_party_lag_days;
        out += text_at(4, y + 15, d.model);
        out += "<rect x=\"" + num(kLeft) + "\" y=\"" + num(y + 3) + "\" width=\"" + num(std::max(w(days), 2.0)) +
               "\" height=\"" + num(bar - 6) + "\" fill=\"" + (open ? "url(#hatch)" : "#2ca02c") + "\"><title>" +
               escape_xml(d.model + (open ? ": no first-party report, open " : ": lag ") + std::to_string(days) + " days") +
               "</title></rect>";
    }
    return out + "</svg>";
}

std::string open_share_svg(const std::vector<LabOpenness>& labs) {
    const double height = 220, top = 15, bottom = 30;
    std::optional<TimePoint> first, last;
    for (const LabOpenness& lab : labs) {
        for (const SharePoint& p : lab.open_share) {
            first = first ? std::min(*first, p.at) : p.at;
            last = last ? std::max(*last, p.at) : p.at;
        }
    }
    if (!first) return "";
    const double span = std::max(1, days_between(*first, *last));
    auto x = [&](TimePoint t) { return kLeft + (kWidth - kLeft - kRight) * days_between(*first, t) / span; };
    auto y = [&](double s) { return top + (height - top - bottom) * (1 - s); };
    std::string out = open_svg(height, "share of open-weight releases per lab, 365-day window");
    for (std::size_t i = 0; i < labs.size(); ++i) {
        if (labs[i].open_share.empty()) continue;
        const std::string colour = kPalette[i % 8];
        std::string points;
        std::optional<double> previous;
        for (const SharePoint& p : labs[i].open_share) {
            if (previous) points += num(x(p.at)) + "," + num(y(*previous)) + " ";  // a step: the share holds
            points += num(x(p.at)) + "," + num(y(p.share)) + " ";
            previous = p.share;
        }
        out += "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" points=\"" + points + "\"><title>" +
               escape_xml(labs[i].lab) + "</title></polyline>";
        out += text_at(4, top + 14 * static_cast<double>(i) + 10, labs[i].lab, " fill=\"" + colour + "\"");
    }
    out += text_at(kLeft - 4, y(1) + 4, "100%", " text-anchor=\"end\"") + text_at(kLeft - 4, y(0) + 4, "0%", " text-anchor=\"end\"");
    out += text_at(kLeft, height - 8, format_date(*first)) +
           text_at(kWidth - kRight, height - 8, format_date(*last), " text-anchor=\"end\"");
    return out + "</svg>";
}

}  // namespace fw::report::detail
