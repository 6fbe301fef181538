#include "report/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "report/escape.h"

namespace fw::report::detail {
namespace {

using namespace analysis;

constexpr double kWidth = 1000, kRight = 24;
constexpr int kMaxLaneDays = 360;  // beyond a year after launch a surface is clipped, whatever the spread
const char* const kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};
const char* const kCategories[] = {"monetizable", "engagement", "hardware", "developer", "enterprise"};

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string open_svg(double height, const std::string& label) {
    return "<svg role=\"img\" aria-label=\"" + escape_xml(label) + "\" viewBox=\"0 0 " + num(kWidth) + " " +
           num(height) + "\" width=\"" + num(kWidth) + "\" height=\"" + num(height) + "\">";
}

std::string text_at(double x, double y, const std::string& text, const std::string& extra = "") {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + extra + ">" + escape_xml(text) + "</text>";
}

std::string line(double x1, double y1, double x2, double y2, const std::string& extra) {
    return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\"" + extra +
           "/>";
}

std::string dot(double x, double y, double r, const std::string& fill, const std::string& title) {
    return "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(r) + "\" fill=\"" + fill + "\"><title>" +
           escape_xml(title) + "</title></circle>";
}

/// One hue per category, the same as the cockpit's (ui/charts/chart_util.cpp). A category a user
/// adds gets one of four hues no bundled category has (stable by name), not enterprise's orange.
std::string svg_category_colour(const std::optional<std::string>& c) {
    if (!c || *c == "unknown")
        return "#999999";
    if (*c == "monetizable")
        return "#d62728";
    if (*c == "engagement")
        return "#1f77b4";
    if (*c == "hardware")
        return "#9467bd";
    if (*c == "developer")
        return "#2ca02c";
    if (*c == "enterprise")
        return "#ff7f0e";
    static const char* const extra[] = {"#8c564b", "#e377c2", "#17becf", "#bcbd22"};
    unsigned sum = 0;
    for (const unsigned char ch : *c)
        sum = sum * 31u + ch;
    return extra[sum % 4];
}

/// A tick step of 1, 2 or 5 times a power of ten giving about `count` ticks over `span`.
double nice_step(double span, int count) {
    const double raw = span / std::max(count, 1);
    const double p = std::pow(10.0, std::floor(std::log10(std::max(raw, 1e-9))));
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * p >= raw)
            return m * p;
    }
    return 10 * p;
}

/// Approximate width of a label at the charts' 11px font (no layout engine to ask).
double text_width(const std::string& s) {
    return 6.3 * static_cast<double>(s.size());
}

/// Vertical day grid with "day N" labels under a lane area.
std::string day_axis(double left, double right, double top, double bottom, int max_days) {
    const int step = max_days <= 180 ? 30 : 60;
    std::string out;
    for (int d = 0; d <= max_days; d += step) {
        const double x = left + (right - left) * d / max_days;
        out += line(x, top, x, bottom, " class=\"fw-grid\"");
        out += text_at(x, bottom + 14, d == 0 ? "launch" : "day " + std::to_string(d),
                       " class=\"fw-axis\" text-anchor=\"middle\"");
    }
    return out;
}

/// Occupied label intervals per sub-row of a lane; labels go to the first row they fit in.
struct LabelRows {
    std::vector<std::vector<std::pair<double, double>>> rows;
    std::size_t place(double from, double to) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const bool free = std::none_of(rows[i].begin(), rows[i].end(),
                                           [&](const auto& iv) { return from < iv.second + 8 && iv.first < to + 8; });
            if (free) {
                rows[i].emplace_back(from, to);
                return i;
            }
        }
        rows.push_back({{from, to}});
        return rows.size() - 1;
    }
};

struct PlacedSurface {
    const RolloutSurface* surface;
    double x;
    bool clipped;
    bool label_left;
    std::size_t row;
};

std::string lanes_legend(double y) {
    std::string out;
    double x = 180;
    for (const char* c : kCategories) {
        out += dot(x, y - 4, 5, svg_category_colour(std::string(c)), c) + text_at(x + 9, y, c);
        x += 26 + text_width(c);
    }
    out += dot(x, y - 4, 5, svg_category_colour(std::nullopt), "category unknown") + text_at(x + 9, y, "unknown");
    x += 26 + text_width("unknown");
    out += "<path d=\"M" + num(x - 5) + "," + num(y - 10) + " l10,6 l-10,6 z\" class=\"fw-clip\" fill=\"#999999\"/>" +
           text_at(x + 9, y, "beyond the axis (day named)");
    return out;
}

}  // namespace

int swimlane_axis_days(std::vector<int> days) {
    int end = 120;
    if (!days.empty()) {
        std::sort(days.begin(), days.end());
        auto quantile = [&](double q) {
            const double pos = q * static_cast<double>(days.size() - 1);
            const auto lo = static_cast<std::size_t>(std::floor(pos));
            const std::size_t hi = std::min(lo + 1, days.size() - 1);
            return days[lo] + (pos - static_cast<double>(lo)) * (days[hi] - days[lo]);
        };
        const double q1 = quantile(0.25), q3 = quantile(0.75);
        const double fence = q3 + 3 * (q3 - q1);
        for (int d : days) {
            if (d <= fence && d <= kMaxLaneDays)
                end = std::max(end, d);
        }
    }
    return (end + 29) / 30 * 30;
}

std::string price_chart_svg(const MarketStudy& m) {
    const double height = 350, top = 56, bottom = 50, left = 60;
    if (m.chart.size() < 2)
        return "";
    const double s0 = m.chart.front().stock, b0 = m.chart.front().benchmark;
    double lo = 1e300, hi = -1e300;
    for (const PricePoint& p : m.chart) {
        for (double v : {100 * p.stock / s0, 100 * p.benchmark / b0}) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    const double step = nice_step(std::max(hi - lo, 1.0), 5);
    lo = std::floor(lo / step) * step;
    hi = std::ceil(hi / step) * step;
    const double n = static_cast<double>(m.chart.size() - 1);
    auto x = [&](std::size_t i) { return left + (kWidth - left - kRight) * static_cast<double>(i) / n; };
    auto y = [&](double v) { return top + (height - top - bottom) * (hi - v) / (hi - lo); };
    auto index_of = [&](Day d) {
        auto it =
            std::lower_bound(m.chart.begin(), m.chart.end(), d, [](const PricePoint& p, Day v) { return p.date < v; });
        return static_cast<std::size_t>(std::min<long>(it - m.chart.begin(), static_cast<long>(m.chart.size()) - 1));
    };
    std::string out =
        open_svg(height, "price of " + m.symbol + " and " + m.benchmark + " around the release of " + m.model);
    for (double v = lo; v <= hi + step / 2; v += step) {
        out += line(left, y(v), kWidth - kRight, y(v), " class=\"fw-grid\"") +
               text_at(left - 6, y(v) + 4, step >= 1 ? std::to_string(std::lround(v)) : num(v),
                       " class=\"fw-axis\" text-anchor=\"end\"");
    }
    if (!m.study.window.empty()) {
        const double x0 = x(index_of(m.study.window.front().date)), x1 = x(index_of(m.study.window.back().date));
        out += "<rect class=\"fw-window\" x=\"" + num(x0 - 3) + "\" y=\"" + num(top) + "\" width=\"" +
               num(x1 - x0 + 6) + "\" height=\"" + num(height - top - bottom) + "\"><title>event window</title></rect>";
    }
    const double xd0 = x(index_of(m.study.day0));
    out += line(xd0, top, xd0, height - bottom, " class=\"fw-day0\"") +
           text_at(xd0, height - bottom + 15, "day 0 " + format_date(m.study.day0),
                   " text-anchor=\"middle\" font-weight=\"bold\"");
    std::string stock, bench;
    for (std::size_t i = 0; i < m.chart.size(); ++i) {
        stock += num(x(i)) + "," + num(y(100 * m.chart[i].stock / s0)) + " ";
        bench += num(x(i)) + "," + num(y(100 * m.chart[i].benchmark / b0)) + " ";
    }
    out += "<polyline fill=\"none\" stroke=\"#888888\" stroke-width=\"1.5\" points=\"" + bench + "\"/>";
    out += "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2.5\" points=\"" + stock + "\"/>";
    std::map<Day, std::vector<const EventMarker*>> by_date;
    for (const EventMarker& mk : m.markers)
        by_date[mk.date].push_back(&mk);
    int number = 0;
    std::vector<double> level_end;  // numbers of close markers stack upwards instead of overlapping
    for (const auto& [date, marks] : by_date) {
        const double mx = x(index_of(date));
        std::size_t level = 0;
        while (level < level_end.size() && mx - level_end[level] < 18)
            ++level;
        if (level == level_end.size())
            level_end.push_back(mx);
        level_end[level] = mx;
        const double my = top - 10 - 18 * static_cast<double>(level);
        std::string title = format_date(date);
        for (const EventMarker* mk : marks)
            title += "\n" + mk->label;
        out += line(mx, my, mx, height - bottom, " class=\"fw-marker\"");
        out += "<g><title>" + escape_xml(title) + "</title>" + dot(mx, my, 8, "#d62728", "") +
               text_at(mx, my + 4, std::to_string(++number), " class=\"fw-marker-num\" text-anchor=\"middle\"") +
               "</g>";
    }
    const double ly = height - 8;
    out += line(left, ly - 4, left + 24, ly - 4, " stroke=\"#1f77b4\" stroke-width=\"2.5\"") +
           text_at(left + 30, ly, m.symbol + " (rebased to 100)");
    out += line(left + 200, ly - 4, left + 224, ly - 4, " stroke=\"#888888\" stroke-width=\"1.5\"") +
           text_at(left + 230, ly, m.benchmark + " (benchmark)");
    out += "<rect class=\"fw-window\" x=\"" + num(left + 400) + "\" y=\"" + num(ly - 10) +
           "\" width=\"14\" height=\"12\"/>" +
           text_at(left + 420, ly,
                   "event window (days " + std::to_string(m.study.window_start) + ".." +
                       std::to_string(m.study.window_end) + ")");
    out += dot(left + 600, ly - 4, 7, "#d62728", "") + text_at(left + 612, ly, "lab event (numbered below)");
    out += text_at(left, height - bottom + 14, format_date(m.chart.front().date), " class=\"fw-axis\"") +
           text_at(kWidth - kRight, height - bottom + 14, format_date(m.chart.back().date),
                   " class=\"fw-axis\" text-anchor=\"end\"");
    return out + "</svg>";
}

std::string price_markers_html(const MarketStudy& m) {
    std::map<Day, std::vector<const EventMarker*>> by_date;
    for (const EventMarker& mk : m.markers)
        by_date[mk.date].push_back(&mk);
    if (by_date.empty())
        return "";
    std::string out = "<ol class=\"markers\">";
    for (const auto& [date, marks] : by_date) {
        out += "<li><b>" + format_date(date) + "</b> ";
        for (std::size_t i = 0; i < marks.size(); ++i) {
            out += (i ? "; " : "") + escape_xml(marks[i]->label) + " <span class=\"id\">#" +
                   std::to_string(marks[i]->event_id) + "</span>";
        }
        out += "</li>";
    }
    return out + "</ol>\n";
}

std::string rollout_swimlanes_svg(const std::vector<ModelRollout>& rollout) {
    const double left = 170, right = kWidth - kRight, row_h = 17, top = 34;
    std::vector<int> days;
    for (const ModelRollout& r : rollout) {
        for (const RolloutSurface& s : r.surfaces)
            days.push_back(s.days_after_launch);
    }
    const int max_days = swimlane_axis_days(days);
    auto x = [&](int d) { return left + (right - left) * std::min(d, max_days) / max_days; };
    std::vector<std::vector<PlacedSurface>> lanes;
    std::vector<std::size_t> lane_rows;
    for (const ModelRollout& r : rollout) {
        LabelRows rows;
        std::vector<PlacedSurface> placed;
        for (const RolloutSurface& s : r.surfaces) {
            const bool clipped = s.days_after_launch > max_days;
            const std::string label = s.surface + (s.stage ? " · " + *s.stage : "") +
                                      (clipped ? " · day " + std::to_string(s.days_after_launch) : "");
            const double sx = x(s.days_after_launch), w = text_width(label);
            const bool label_left = sx + 10 + w > kWidth - 2;
            const std::size_t row = label_left ? rows.place(sx - 10 - w, sx) : rows.place(sx, sx + 10 + w);
            placed.push_back(PlacedSurface{&s, sx, clipped, label_left, row});
        }
        lane_rows.push_back(std::max<std::size_t>(rows.rows.size(), 2));  // room for the model and lab lines
        lanes.push_back(std::move(placed));
    }
    double height = top + 40;
    for (std::size_t n : lane_rows)
        height += static_cast<double>(n) * row_h + 12;
    std::string out = open_svg(height, "rollout of each model across surfaces, days after launch");
    out += lanes_legend(14);
    const double lanes_bottom = height - 34;
    out += day_axis(left, right, top, lanes_bottom, max_days);
    double y0 = top;
    for (std::size_t i = 0; i < rollout.size(); ++i) {
        const double lane_h = static_cast<double>(lane_rows[i]) * row_h + 12;
        out += line(4, y0, right, y0, " class=\"fw-grid\"");
        out += text_at(4, y0 + 18, rollout[i].model, " font-weight=\"bold\"") +
               text_at(4, y0 + 32, rollout[i].lab + ", " + format_date(rollout[i].launched_at), " class=\"fw-axis\"");
        for (const PlacedSurface& p : lanes[i]) {
            const RolloutSurface& s = *p.surface;
            const double cy = y0 + 14 + static_cast<double>(p.row) * row_h;
            const std::string title = s.surface + " (" + s.category.value_or("unknown") +
                                      (s.stage ? ", " + *s.stage : "") + "), day " +
                                      std::to_string(s.days_after_launch) + ", " + format_date(s.at);
            if (p.clipped) {
                out += "<path class=\"fw-clip\" d=\"M" + num(p.x - 6) + "," + num(cy - 6) +
                       " l12,6 l-12,6 z\" fill=\"" + svg_category_colour(s.category) + "\"><title>" +
                       escape_xml(title) + "</title></path>";
            } else {
                out += dot(p.x, cy, 5.5, svg_category_colour(s.category), title);
            }
            const std::string label = s.surface + (s.stage ? " · " + *s.stage : "") +
                                      (p.clipped ? " · day " + std::to_string(s.days_after_launch) : "");
            out += p.label_left ? text_at(p.x - 10, cy + 4, label, " text-anchor=\"end\"")
                                : text_at(p.x + 9, cy + 4, label);
        }
        y0 += lane_h;
    }
    return out + "</svg>";
}

std::string eval_lags_svg(const std::vector<EvalDisclosure>& rows) {
    const double bar = 26, top = 34, left = 170, right = kWidth - kRight - 190;
    const double height = top + bar * static_cast<double>(std::max<std::size_t>(rows.size(), 1)) + 30;
    int max_days = 30;
    for (const EvalDisclosure& d : rows) {
        max_days =
            std::max({max_days, d.first_party_lag_days.value_or(0), d.third_party_lag_days.value_or(0), d.days_open});
    }
    max_days = static_cast<int>(nice_step(max_days, 1) * std::ceil(max_days / nice_step(max_days, 1)));
    auto x = [&](int d) { return left + (right - left) * d / max_days; };
    std::string out = open_svg(height, "first-party eval disclosure lag per model, in days");
    out +=
        "<defs><pattern id=\"fw-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
        "<path d=\"M0,6 L6,0\" stroke=\"#999999\" stroke-width=\"1.5\"/></pattern></defs>";
    out += "<rect x=\"170\" y=\"5\" width=\"14\" height=\"10\" fill=\"#2ca02c\"/>" +
           text_at(190, 14, "first-party report (lag)") +
           "<rect x=\"350\" y=\"5\" width=\"14\" height=\"10\" fill=\"url(#fw-hatch)\" stroke=\"#999999\"/>" +
           text_at(370, 14, "no first-party report yet (days open)") +
           "<path d=\"M610,4 l6,6 l-6,6 l-6,-6 z\" fill=\"#ff7f0e\"/>" + text_at(622, 14, "third-party eval (lag)");
    out += day_axis(left, right, top - 4, height - 26, max_days);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const EvalDisclosure& d = rows[i];
        const double y = top + bar * static_cast<double>(i);
        const bool open = !d.first_party_lag_days;
        const int days = open ? d.days_open : *d.first_party_lag_days;
        out += text_at(4, y + 17, d.model, " font-weight=\"bold\"");
        const std::string what = open ? "no first-party report, open " + std::to_string(days) + " days"
                                      : d.first_party_doc_type.value_or("report") + " after " + std::to_string(days) +
                                            " days" + (d.disclosed_at_launch ? " (at launch)" : "");
        out += "<rect x=\"" + num(left) + "\" y=\"" + num(y + 5) + "\" width=\"" + num(std::max(x(days) - left, 3.0)) +
               "\" height=\"" + num(bar - 10) + "\" fill=\"" + (open ? "url(#fw-hatch)" : "#2ca02c") + "\"" +
               (open ? " stroke=\"#999999\"" : "") + "><title>" + escape_xml(d.model + ": " + what) + "</title></rect>";
        std::string label = what;
        if (d.third_party_lag_days) {
            const double tx = x(*d.third_party_lag_days), ty = y + bar / 2;
            const std::string third = d.third_party_evaluator.value_or("third party") + " after " +
                                      std::to_string(*d.third_party_lag_days) + " days";
            out += "<path d=\"M" + num(tx) + "," + num(ty - 7) + " l7,7 l-7,7 l-7,-7 z\" fill=\"#ff7f0e\"><title>" +
                   escape_xml(d.model + ": " + third) + "</title></path>";
            label += "; " + third;
        }
        out += text_at(std::max(x(days), x(d.third_party_lag_days.value_or(0))) + 12, y + 17, label);
    }
    return out + "</svg>";
}

std::string open_share_svg(const std::vector<LabOpenness>& labs) {
    const double height = 300, top = 40, bottom = 30, left = 60, right = kWidth - kRight;
    std::optional<TimePoint> first, last;
    for (const LabOpenness& lab : labs) {
        for (const SharePoint& p : lab.open_share) {
            first = first ? std::min(*first, p.at) : p.at;
            last = last ? std::max(*last, p.at) : p.at;
        }
    }
    if (!first)
        return "";
    const double span = std::max(1, days_between(*first, *last));
    auto x = [&](TimePoint t) { return left + (right - left) * days_between(*first, t) / span; };
    auto y = [&](double s) { return top + (height - top - bottom) * (1 - s); };
    std::string out = open_svg(height, "share of open-weight releases per lab, 365-day window");
    for (int pct = 0; pct <= 100; pct += 25) {
        out +=
            line(left, y(pct / 100.0), right, y(pct / 100.0), " class=\"fw-grid\"") +
            text_at(left - 6, y(pct / 100.0) + 4, std::to_string(pct) + "%", " class=\"fw-axis\" text-anchor=\"end\"");
    }
    const auto first_year = static_cast<int>(std::chrono::year_month_day(day_of(*first)).year());
    const auto last_year = static_cast<int>(std::chrono::year_month_day(day_of(*last)).year());
    for (int year = first_year + 1; year <= last_year; ++year) {
        const double yx = x(make_time(year, 1, 1));
        out += line(yx, top, yx, height - bottom, " class=\"fw-grid\"") +
               text_at(yx, height - bottom + 16, std::to_string(year), " class=\"fw-axis\" text-anchor=\"middle\"");
    }
    double legend_x = left;
    for (std::size_t i = 0; i < labs.size(); ++i) {
        const LabOpenness& lab = labs[i];
        if (lab.open_share.empty())
            continue;
        const std::string colour = kPalette[i % 8];
        std::string points;
        std::optional<double> previous;
        for (const SharePoint& p : lab.open_share) {
            if (previous)
                points += num(x(p.at)) + "," + num(y(*previous)) + " ";  // a step: the share holds
            points += num(x(p.at)) + "," + num(y(p.share)) + " ";
            previous = p.share;
        }
        points += num(right) + "," + num(y(*previous));
        out += "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2.5\" points=\"" + points +
               "\"><title>" + escape_xml(lab.lab) + "</title></polyline>";
        if (lab.switched_to_closed_at) {
            double share = lab.open_share.front().share;
            for (const SharePoint& p : lab.open_share)
                share = p.at <= *lab.switched_to_closed_at ? p.share : share;
            out += "<circle cx=\"" + num(x(*lab.switched_to_closed_at)) + "\" cy=\"" + num(y(share)) +
                   "\" r=\"6\" fill=\"none\" stroke-width=\"2.5\" stroke=\"" + colour + "\"><title>" +
                   escape_xml(lab.lab + " switched to closed on " + format_date(*lab.switched_to_closed_at)) +
                   "</title></circle>";
        }
        const std::string entry =
            lab.lab + " " + std::to_string(static_cast<int>(std::lround(previous.value_or(0) * 100))) + "%";
        out += line(legend_x, 14, legend_x + 20, 14, " stroke=\"" + colour + "\" stroke-width=\"3\"") +
               text_at(legend_x + 25, 18, entry);
        legend_x += 40 + text_width(entry);
    }
    out += "<circle cx=\"" + num(legend_x + 6) +
           "\" cy=\"14\" r=\"6\" fill=\"none\" stroke-width=\"2\" class=\"fw-ring\"/>" +
           text_at(legend_x + 17, 18, "switch to closed");
    out += text_at(left, height - bottom + 16, format_date(*first), " class=\"fw-axis\"") +
           text_at(right, height - bottom + 16, format_date(*last), " class=\"fw-axis\" text-anchor=\"end\"");
    return out + "</svg>";
}

}  // namespace fw::report::detail
