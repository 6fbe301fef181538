#include "report/escape.h"
#include "report/render.h"
#include "report/svg_charts.h"
#include "report/tables.h"

namespace fw::report {
namespace {

// The page loads nothing: no script, no external stylesheet, font or image.
constexpr const char* kStyle = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5em 0;width:100%}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f4f4f4}.note{color:#666;font-style:italic}svg{display:block;margin:.5em 0;font-size:11px}
.status-yes{color:#2ca02c;font-weight:bold}.status-no{color:#d62728;font-weight:bold}.status-open{color:#777}
)";

std::string table_html(const detail::Table& t) {
    std::string out = "<h2>" + escape_xml(t.title) + "</h2>\n";
    if (!t.note.empty()) out += "<p class=\"note\">" + escape_xml(t.note) + "</p>\n";
    if (t.rows.empty()) return out + "<p>None.</p>\n";
    out += "<table><thead><tr>";
    for (const std::string& h : t.headers) out += "<th>" + escape_xml(h) + "</th>";
    out += "</tr></thead><tbody>\n";
    const bool questions = t.title == "Watch questions";
    for (const auto& row : t.rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::string cls = questions && i == 1 ? " class=\"status-" + escape_xml(row[i]) + "\"" : "";
            out += "<td" + cls + ">" + escape_xml(row[i]) + "</td>";
        }
        out += "</tr>\n";
    }
    return out + "</tbody></table>\n";
}

std::string charts_for(const std::string& title, const analysis::WatchReport& r) {
    if (title == "Rollout" && !r.rollout.empty()) return detail::rollout_swimlanes_svg(r.rollout);
    if (title == "Eval disclosure" && !r.eval_disclosure.models.empty()) {
        return detail::eval_lags_svg(r.eval_disclosure.models);
    }
    if (title == "Openness") return detail::open_share_svg(r.openness.labs);
    if (title == "Market: event studies") {
        std::string out;
        for (const analysis::MarketStudy& m : r.market.event_studies) {
            out += "<h3>" + escape_xml(m.model + " (" + m.symbol + " vs " + m.benchmark + ", day 0 " +
                                       format_date(m.study.day0) + ")") +
                   "</h3>\n" + detail::price_chart_svg(m) + "\n";
        }
        return out;
    }
    return "";
}

}  // namespace

std::string render_html(const analysis::WatchReport& r) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                      "<title>Frontier Watch report " + format_date(r.as_of) + "</title>\n<style>" + kStyle +
                      "</style></head><body>\n<h1>Frontier Watch report</h1>\n<p>As of " + format_date(r.as_of) +
                      ", " + std::to_string(r.events_considered) + " events considered.</p>\n";
    for (const detail::Table& t : detail::report_tables(r)) {
        out += table_html(t) + charts_for(t.title, r);
    }
    return out + "</body></html>\n";
}

}  // namespace fw::report
