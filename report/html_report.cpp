#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "report/escape.h"
#include "report/focus.h"
#include "report/render.h"
#include "report/svg_charts.h"
#include "report/tables.h"

namespace fw::report {
namespace {

using namespace analysis;

// The page loads nothing: no script, no external stylesheet, font or image. Colours are
// variables so one page (charts included) reads in light and dark schemes.
constexpr const char* kStyle = R"(
:root{--fg:#1d1d1f;--muted:#666;--bg:#fff;--panel:#f5f6f8;--line:#d8dbe0;--grid:#e6e8eb;--window:#fde9a9;--accent:#1f5fbf}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--muted:#a0a0a0;--bg:#16181c;--panel:#20242a;--line:#3a3f47;--grid:#2c3138;--window:#5a4a12;--accent:#7fb0ff}}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em auto;max-width:1040px;color:var(--fg);background:var(--bg);padding:0 1em}
h1{font-size:1.7em;margin-bottom:.1em}h2{font-size:1.25em;margin-top:1.8em;border-bottom:2px solid var(--line);padding-bottom:.15em}
h3{font-size:1.05em;margin:1.4em 0 .3em}a{color:var(--accent)}
table{border-collapse:collapse;margin:.5em 0;width:100%}th,td{border:1px solid var(--line);padding:4px 7px;text-align:left;vertical-align:top}
th{background:var(--panel)}td.n{text-align:right;font-variant-numeric:tabular-nums}
.note,.more{color:var(--muted)}.note{font-style:italic;margin:.2em 0}.more{margin:.3em 0}
.sub{color:var(--muted)}nav{margin:.4em 0 1em}nav a{margin-right:1em}
.status{display:inline-block;min-width:3.2em;text-align:center;border-radius:4px;padding:1px 6px;font-weight:bold;color:#fff}
.status-yes{background:#2e8b3e}.status-no{background:#c62828}.status-open{background:#8a8f98}
.facts{background:var(--panel);border-left:4px solid var(--accent);padding:.6em 1em .6em 2em;margin:.5em 0}.facts li{margin:.25em 0}
.chip{display:inline-block;border:1px solid var(--line);border-left:5px solid #999;border-radius:3px;padding:0 5px;margin:1px 2px;white-space:nowrap}
.ev{color:var(--muted);font-size:.92em}.ev li{margin:0}ul.ev{margin:0;padding-left:1.1em}.key{font-weight:bold}
.id{color:var(--muted);font-size:.9em}ol.markers{columns:2;column-gap:2.5em;font-size:.92em;margin:.2em 0 1em}ol.markers li{break-inside:avoid}td.d,td.m{white-space:nowrap}
svg{display:block;margin:.6em 0;font-size:11px;max-width:100%;height:auto}svg text{fill:var(--fg)}
svg .fw-axis{fill:var(--muted)}svg .fw-grid{stroke:var(--grid)}svg .fw-window{fill:var(--window)}
svg .fw-day0{stroke:var(--fg);stroke-width:1.5}svg .fw-marker{stroke:#d62728;stroke-dasharray:3,3}
svg .fw-marker-num{fill:#fff;font-weight:bold;font-size:10px}svg .fw-clip{stroke:var(--fg);stroke-width:.8}
svg .fw-ring{stroke:var(--fg)}details{margin:.2em 0}summary{cursor:pointer;color:var(--muted)}
)";

const char* const kSections[][2] = {
    {"questions", "Watch questions"}, {"facts", "Key facts"}, {"rollout", "Rollout"}, {"evals", "Eval disclosure"},
    {"openness", "Openness"},         {"cascade", "Cascade"}, {"market", "Market"},   {"people", "People"}};

using Row = std::vector<std::string>;  // cells already HTML

std::string e(const std::string& s) {
    return escape_xml(s);
}

std::string section(const char* id, const std::string& title, const std::string& note = "") {
    return "<h2 id=\"" + std::string(id) + "\">" + e(title) + "</h2>\n" +
           (note.empty() ? "" : "<p class=\"note\">" + e(note) + "</p>\n");
}

std::string table(const std::vector<std::string>& headers, const std::vector<Row>& rows) {
    if (rows.empty())
        return "<p class=\"more\">None.</p>\n";
    std::string out = "<table><thead><tr>";
    for (const std::string& h : headers)
        out += "<th>" + e(h) + "</th>";
    out += "</tr></thead><tbody>\n";
    for (const Row& row : rows) {
        out += "<tr>";
        for (const std::string& c : row)
            out += c.starts_with("<td") ? c : "<td>" + c + "</td>";
        out += "</tr>\n";
    }
    return out + "</tbody></table>\n";
}

std::string numeric(const std::string& text) {
    return "<td class=\"n\">" + e(text) + "</td>";
}
std::string date_cell(const std::string& text) {
    return "<td class=\"d\">" + e(text) + "</td>";
}
std::string date_cell(TimePoint t) {
    return date_cell(format_date(t));
}
std::string date_cell(const std::optional<TimePoint>& t) {
    return date_cell(detail::cell_date(t));
}
/// A model's name; the watched ones in bold.
std::string model_cell(const std::string& model, bool watched) {
    return "<td class=\"m" + std::string(watched ? " key" : "") + "\">" + e(model) + "</td>";
}

/// "65 other models reached no tracked surface." with their names folded away.
std::string more_line(const std::vector<std::string>& names, const std::string& what) {
    if (names.empty())
        return "";
    std::string list;
    for (const std::string& n : names)
        list += (list.empty() ? "" : ", ") + e(n);
    return "<details class=\"more\"><summary>" + std::to_string(names.size()) + " other " +
           (names.size() == 1 ? "model " : "models ") + e(what) + " (the JSON report lists them)</summary><p>" + list +
           "</p></details>\n";
}

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string questions_html(const WatchReport& r) {
    const auto labels = focus::event_labels(r);
    std::vector<Row> rows;
    for (const QuestionAnswer& q : r.questions) {
        const std::string status(to_string(q.status));
        std::string evidence = "<ul class=\"ev\">";
        for (std::int64_t id : q.evidence) {
            auto it = labels.find(id);
            evidence += "<li>#" + std::to_string(id) + (it == labels.end() ? "" : " " + e(it->second)) + "</li>";
        }
        evidence += q.evidence.empty() ? "<li>none yet</li></ul>" : "</ul>";
        rows.push_back({"<td><span class=\"status status-" + e(status) + "\">" + e(status) + "</span></td>",
                        "<b>" + e(q.text) + "</b><br><span class=\"sub\">" + e(q.id) + "</span>", e(q.explanation),
                        evidence});
    }
    return section("questions", "Watch questions") + table({"status", "question", "why", "evidence"}, rows);
}

std::string facts_html(const WatchReport& r) {
    std::string out = section("facts", "Key facts") + "<ul class=\"facts\">";
    for (const std::string& fact : focus::key_facts(r))
        out += "<li>" + e(fact) + "</li>";
    return out + "</ul>\n";
}

std::string category_colour(const std::optional<std::string>& c) {
    static const std::map<std::string, std::string> colours = {{"monetizable", "#d62728"},
                                                               {"engagement", "#1f77b4"},
                                                               {"hardware", "#9467bd"},
                                                               {"developer", "#2ca02c"},
                                                               {"enterprise", "#ff7f0e"}};
    auto it = c ? colours.find(*c) : colours.end();
    return it == colours.end() ? "#999999" : it->second;
}

std::string rollout_html(const WatchReport& r) {
    const auto watched = focus::watched_models(r);
    std::vector<ModelRollout> shown;
    std::vector<std::string> quiet;
    std::vector<Row> rows;
    for (const ModelRollout& m : r.rollout) {
        if (!focus::has_rollout(m)) {
            quiet.push_back(m.model);
            continue;
        }
        shown.push_back(m);
        std::string chips;
        for (const RolloutSurface& s : m.surfaces) {
            chips += "<span class=\"chip\" style=\"border-left-color:" + category_colour(s.category) + "\" title=\"" +
                     e(s.category.value_or("unknown")) + "\">" + e(s.surface + (s.stage ? " · " + *s.stage : "")) +
                     " <b>+" + std::to_string(s.days_after_launch) + "</b></span>";
        }
        rows.push_back({model_cell(m.model, watched.contains(m.model)), e(m.lab), date_cell(m.launched_at),
                        e(m.pattern), chips, numeric(detail::cell(m.breadth_30)), numeric(detail::cell(m.breadth_90))});
    }
    std::string out = section("rollout", "Rollout",
                              "surfaces each model reached after launch (+days); pattern = category of the earliest");
    out += table({"model", "lab", "launched", "pattern", "surfaces (stage, +days after launch)", "30d", "90d"}, rows);
    out += more_line(quiet, "reached no tracked surface");
    return out + (shown.empty() ? "" : detail::rollout_swimlanes_svg(shown) + "\n");
}

std::string evals_html(const WatchReport& r) {
    const auto watched = focus::watched_models(r);
    std::vector<EvalDisclosure> shown;
    std::vector<std::string> quiet;
    std::vector<Row> rows;
    for (const EvalDisclosure& d : r.eval_disclosure.models) {
        if (!focus::has_disclosure(d) && !watched.contains(d.model)) {
            quiet.push_back(d.model);
            continue;
        }
        shown.push_back(d);
        const std::string first =
            d.first_party_at ? format_date(*d.first_party_at) + " " + d.first_party_doc_type.value_or("") : "-";
        const std::string third =
            d.third_party_at ? format_date(*d.third_party_at) + " " + d.third_party_evaluator.value_or("") : "-";
        rows.push_back({model_cell(d.model, watched.contains(d.model)), e(d.lab), date_cell(d.launched_at), e(first),
                        numeric(detail::cell(d.first_party_lag_days) + (d.disclosed_at_launch ? " (at launch)" : "")),
                        e(third), numeric(detail::cell(d.third_party_lag_days)),
                        numeric(d.first_party_at ? "-" : std::to_string(d.days_open))});
    }
    std::string out = section("evals", "Eval disclosure",
                              "models with a report, and the watched models; lags in whole UTC days after launch");
    out += table({"model", "lab", "launched", "first-party", "lag", "third-party", "lag", "days open"}, rows);
    out += more_line(quiet, "have no first- or third-party eval report yet");
    if (!shown.empty())
        out += detail::eval_lags_svg(shown) + "\n";
    std::vector<Row> labs;
    for (const LabEvalSummary& s : r.eval_disclosure.labs) {
        labs.push_back(
            {e(s.lab), numeric(std::to_string(s.models)), numeric(std::to_string(s.first_party_disclosed)),
             numeric(detail::cell(s.median_first_party_lag)), numeric(detail::cell(s.km_median_first_party_lag)),
             numeric(detail::cell(s.median_third_party_lag)), numeric(detail::cell(s.km_median_third_party_lag))});
    }
    out += "<h3>By lab</h3><p class=\"note\">KM = Kaplan-Meier median counting undisclosed models as censored</p>\n";
    return out +
           table({"lab", "models", "disclosed", "median lag", "KM median", "3rd-party median", "3rd-party KM"}, labs);
}

std::string openness_html(const WatchReport& r) {
    std::string out = section("openness", "Openness",
                              "open share = open-weight releases among the lab's releases in the previous 365 days");
    out += detail::open_share_svg(r.openness.labs) + "\n";
    std::vector<Row> rows;
    for (const LabOpenness& lab : r.openness.labs) {
        int open = 0;
        for (const Release& rel : lab.releases)
            open += is_open(rel.openness) ? 1 : 0;
        std::string siblings;
        for (const SiblingRelease& s : lab.siblings) {
            siblings += (siblings.empty() ? "" : "<br>") +
                        e(s.sibling + " +" + std::to_string(s.days_after) + "d after " + s.flagship);
        }
        const std::string share = lab.open_share.empty() ? "-" : fixed(lab.open_share.back().share * 100, 0) + "%";
        const std::string switched =
            lab.switched_to_closed_at
                ? format_date(*lab.switched_to_closed_at) + (lab.switch_model ? " (" + *lab.switch_model + ")" : "")
                : "-";
        rows.push_back({e(lab.lab), numeric(std::to_string(lab.releases.size())), numeric(std::to_string(open)),
                        numeric(share), e(switched), siblings.empty() ? "-" : siblings});
    }
    out += table(
        {"lab", "releases", "open", "open share now", "switched to closed", "open siblings of closed flagships"}, rows);
    std::vector<Row> changes;
    for (const LicenseChangeRow& c : r.openness.license_changes) {
        changes.push_back({e(c.subject), date_cell(c.at), e(c.old_license), e(c.new_license),
                           e(c.more_restrictive ? (*c.more_restrictive ? "yes" : "no") : "unknown")});
    }
    return out + "<h3>Licence changes</h3>\n" + table({"subject", "at", "old", "new", "more restrictive"}, changes);
}

std::string cascade_html(const WatchReport& r) {
    const CascadeSection& c = r.cascade;
    const std::string note =
        detail::cascade_note(c) + (c.trigger ? "; P = Poisson P(N >= k) at the baseline rate" : "");
    std::vector<Row> rows;
    const auto joined = [](const std::vector<std::string>& labs) {
        std::string out;
        for (const std::string& l : labs)
            out += (out.empty() ? "" : ", ") + l;
        return out;
    };
    for (const CascadeWindow& w : c.windows) {
        const std::string labs = joined(w.labs_switched);
        const std::string also = joined(w.also_switched);
        rows.push_back({numeric(std::to_string(w.days)), e(labs.empty() ? "-" : labs), numeric(fixed(w.expected, 3)),
                        numeric(fixed(w.p_value, 3)), e(w.complete ? "yes" : "still open"),
                        e(also.empty() ? "-" : also)});
    }
    return section("cascade", "Cascade", note) +
           table({"window (days)", "labs switched", "expected", "P(N >= k)", "complete", "unwatched"}, rows);
}

std::string market_html(const WatchReport& r) {
    std::set<std::int64_t> key;
    for (const focus::KeyLaunch& k : focus::key_launches(r))
        key.insert(k.event_id);
    std::string out = section("market", "Market", "market model, estimation days -250..-30, CAR over the event window");
    std::vector<Row> rows;
    for (const MarketStudy& m : r.market.event_studies) {
        rows.push_back({model_cell(m.model, key.contains(m.event_id)), e(m.symbol + " vs " + m.benchmark),
                        date_cell(format_date(m.study.day0)), numeric(fixed(m.study.car * 100, 2) + "%"),
                        numeric(fixed(m.study.t_stat, 2)), numeric(std::to_string(m.study.estimation_days)),
                        numeric(std::to_string(m.confounders.size()))});
    }
    out += table({"release", "symbol", "day 0", "CAR", "t", "est. days", "earnings in window"}, rows);
    if (!r.market.skipped.empty()) {
        std::string list;
        for (const SkippedStudy& s : r.market.skipped)
            list += "<li>" + e(s.model + " (" + s.symbol + "): " + s.reason) + "</li>";
        out += "<details class=\"more\"><summary>" + std::to_string(r.market.skipped.size()) +
               " releases could not be studied</summary><ul>" + list + "</ul></details>\n";
    }
    int charted = 0;
    for (const MarketStudy& m : r.market.event_studies) {
        if (!key.contains(m.event_id))
            continue;
        ++charted;
        out += "<h3>" +
               e(m.model + ": " + m.symbol + " vs " + m.benchmark + ", day 0 " + format_date(m.study.day0) + ", CAR " +
                 fixed(m.study.car * 100, 2) + "% (t " + fixed(m.study.t_stat, 2) + ")") +
               "</h3>\n" + detail::price_chart_svg(m) + "\n" + detail::price_markers_html(m);
    }
    const auto others = static_cast<int>(r.market.event_studies.size()) - charted;
    if (charted > 0 && others > 0) {
        out += "<p class=\"more\">Charts for the key launches only; " + std::to_string(others) +
               " other studies are in the table above.</p>\n";
    }
    std::vector<Row> analysts;
    for (const AnalystAction& a : r.market.analyst_actions) {
        analysts.push_back({date_cell(a.at), e(a.firm), e(a.symbol), e(a.action),
                            numeric(detail::cell(a.old_target, 0) + " -> " + detail::cell(a.new_target, 0)),
                            numeric(detail::cell(a.days_from_release))});
    }
    out += "<h3>Analyst actions</h3>\n" +
           table({"at", "firm", "symbol", "action", "target", "days from release"}, analysts);
    std::vector<Row> capex;
    auto bn = [](std::optional<double> lo, std::optional<double> hi) {
        if (!lo && !hi)
            return std::string("-");
        return (lo ? fixed(*lo / 1e9, 0) : "?") + "-" + (hi ? fixed(*hi / 1e9, 0) : "?");
    };
    for (const CapexGuidance& g : r.market.capex_guidance) {
        capex.push_back({date_cell(g.at), e(g.company), e(g.fiscal_year ? std::to_string(*g.fiscal_year) : "-"),
                         numeric(bn(g.low_usd, g.high_usd)), numeric(bn(g.prior_low_usd, g.prior_high_usd)),
                         e(g.direction.value_or(g.computed_direction))});
    }
    return out + "<h3>Capex guidance (USD billions)</h3>\n" +
           table({"at", "company", "fiscal year", "range", "prior", "direction"}, capex);
}

std::string people_html(const WatchReport& r) {
    const auto labs = focus::watched_labs(r);
    std::vector<Row> rows;
    std::map<std::string, int> quiet;  // by org
    for (const Tenure& p : r.people.tenures) {
        if (!labs.contains(p.org) && !p.left_at) {
            ++quiet[p.org];
            continue;
        }
        rows.push_back({e(p.name.empty() ? p.person : p.name), e(p.org), e(p.role), date_cell(p.since),
                        date_cell(p.left_at), numeric(detail::cell(p.tenure_days))});
    }
    std::string out =
        section("people", "People", "the watched labs' people and every departure; tenure to departure or to as_of");
    out += table({"person", "org", "role", "since", "left", "tenure days"}, rows);
    std::string more;
    int count = 0;
    for (const auto& [org, n] : quiet) {
        more += (more.empty() ? "" : ", ") + e(org) + " " + std::to_string(n);
        count += n;
    }
    if (count > 0) {
        out += "<p class=\"more\">" + std::to_string(count) + " more people at other labs, none departed (" + more +
               ").</p>\n";
    }
    return out;
}

}  // namespace

std::string render_html(const WatchReport& r) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta name=\"color-scheme\" content=\"light dark\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<title>Frontier Watch report " +
        format_date(r.as_of) + "</title>\n<style>" + kStyle +
        "</style></head><body>\n<h1>Frontier Watch report</h1>\n<p class=\"sub\">As of " + format_date(r.as_of) + ", " +
        std::to_string(r.events_considered) + " events considered.</p>\n<nav>";
    for (const auto& s : kSections)
        out += "<a href=\"#" + std::string(s[0]) + "\">" + s[1] + "</a>";
    out += "</nav>\n";
    out += questions_html(r) + facts_html(r) + rollout_html(r) + evals_html(r) + openness_html(r) + cascade_html(r) +
           market_html(r) + people_html(r);
    return out + "</body></html>\n";
}

}  // namespace fw::report
