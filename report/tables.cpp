#include "report/tables.h"

#include <algorithm>
#include <cstdio>

namespace fw::report::detail {
namespace {

using namespace analysis;

std::string tables_fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string tables_join(const std::vector<std::string>& items, const std::string& sep = ", ") {
    std::string out;
    for (const std::string& s : items) {
        out += (out.empty() ? "" : sep) + s;
    }
    return out.empty() ? "-" : out;
}

/// "42 more models with no surface rollout", or "" when none was left out.
std::string tables_more_line(int left_out, bool none_shown, const std::string& what) {
    if (left_out == 0) {
        return {};
    }
    return std::to_string(left_out) + (none_shown ? "" : " more") + (left_out == 1 ? " model " : " models ") + what +
           "; --format json lists them";
}

Table rollout_table(const WatchReport& r) {
    Table t{"Rollout",
            "surfaces each model reached after launch; pattern = category of the earliest",
            {"model", "lab", "launched", "pattern", "surfaces (days after launch)", "breadth 30d", "breadth 90d"},
            {},
            {}};
    int quiet = 0;
    for (const ModelRollout& m : r.rollout) {
        if (m.surfaces.empty()) {
            ++quiet;  // nothing to show but "undetermined" and dashes
            continue;
        }
        std::vector<std::string> surfaces;
        for (const RolloutSurface& s : m.surfaces) {
            surfaces.push_back(s.surface + " +" + std::to_string(s.days_after_launch));
        }
        t.rows.push_back({m.model, m.lab, format_date(m.launched_at), m.pattern, tables_join(surfaces),
                          cell(m.breadth_30), cell(m.breadth_90)});
    }
    t.footer = tables_more_line(quiet, t.rows.empty(), "with no surface rollout");
    return t;
}

Table eval_table(const WatchReport& r) {
    Table t{"Eval disclosure",
            "lags in whole UTC days after launch; open = days without a first-party report",
            {"model", "lab", "launched", "first-party", "lag", "third-party", "lag", "days open"},
            {},
            {}};
    int quiet = 0;
    int oldest_open = 0;
    for (const EvalDisclosure& d : r.eval_disclosure.models) {
        if (!d.first_party_at && !d.third_party_at) {
            ++quiet;
            oldest_open = std::max(oldest_open, d.days_open);
            continue;
        }
        t.rows.push_back({d.model, d.lab, format_date(d.launched_at), cell_date(d.first_party_at),
                          cell(d.first_party_lag_days) + (d.disclosed_at_launch ? " (at launch)" : ""),
                          cell_date(d.third_party_at), cell(d.third_party_lag_days), std::to_string(d.days_open)});
    }
    t.footer = tables_more_line(quiet, t.rows.empty(), "with no eval report yet");
    if (quiet > 0) {
        t.footer += " (open up to " + std::to_string(oldest_open) + " days)";
    }
    return t;
}

Table eval_labs_table(const WatchReport& r) {
    Table t{"Eval disclosure by lab",
            "KM = Kaplan-Meier median counting undisclosed models as censored",
            {"lab", "models", "disclosed", "median lag", "KM median", "3rd-party median", "3rd-party KM"},
            {},
            {}};
    for (const LabEvalSummary& s : r.eval_disclosure.labs) {
        t.rows.push_back({s.lab, std::to_string(s.models), std::to_string(s.first_party_disclosed),
                          cell(s.median_first_party_lag), cell(s.km_median_first_party_lag),
                          cell(s.median_third_party_lag), cell(s.km_median_third_party_lag)});
    }
    return t;
}

Table openness_table(const WatchReport& r) {
    Table t{"Openness",
            "share = open releases in the last 365 days at the lab's latest release",
            {"lab", "releases", "open", "open share (365d)", "switched to closed", "siblings as weights"},
            {},
            {}};
    for (const LabOpenness& lab : r.openness.labs) {
        int open = 0;
        for (const Release& rel : lab.releases) {
            open += is_open(rel.openness) ? 1 : 0;
        }
        std::vector<std::string> siblings;
        for (const SiblingRelease& s : lab.siblings) {
            siblings.push_back(s.sibling + " +" + std::to_string(s.days_after) + "d after " + s.flagship);
        }
        const std::optional<double> share =
            lab.open_share.empty() ? std::nullopt : std::optional<double>(lab.open_share.back().share * 100);
        t.rows.push_back({lab.lab, std::to_string(lab.releases.size()), std::to_string(open),
                          share ? tables_fixed(*share, 0) + "%" : "-", cell_date(lab.switched_to_closed_at),
                          tables_join(siblings)});
    }
    return t;
}

Table license_table(const WatchReport& r) {
    Table t{"Licence changes", "", {"subject", "at", "old", "new", "more restrictive"}, {}, {}};
    for (const LicenseChangeRow& c : r.openness.license_changes) {
        t.rows.push_back({c.subject, format_date(c.at), c.old_license, c.new_license,
                          c.more_restrictive ? (*c.more_restrictive ? "yes" : "no") : "unknown"});
    }
    return t;
}

Table people_table(const WatchReport& r) {
    Table t{"People",
            "tenure to departure, or to as_of while still there",
            {"person", "org", "role", "since", "left", "tenure days"},
            {},
            {}};
    for (const Tenure& p : r.people.tenures) {
        t.rows.push_back({p.name.empty() ? p.person : p.name, p.org, p.role, cell_date(p.since), cell_date(p.left_at),
                          cell(p.tenure_days)});
    }
    return t;
}

}  // namespace

std::string cascade_note(const CascadeSection& c) {
    std::string note;
    if (c.trigger) {
        note = "trigger: " + c.trigger->lab + " (" + c.trigger->model + ") switched on " + format_date(c.trigger->at) +
               " (" + c.anchored_on + ")";
    } else if (c.awaited_lab) {
        note = *c.awaited_lab + " has not switched to closed releases (" + c.anchored_on + ")";
    } else {
        note = "no lab has switched to closed releases";
    }
    if (c.trigger && !c.followers.empty()) {
        std::vector<std::string> lags;
        for (const FollowerSwitch& f : c.followers) {
            lags.push_back(f.lab + " +" + std::to_string(f.days_after) + " d" + (f.watched ? "" : " (not watched)"));
        }
        note += "; followed by " + tables_join(lags);
    }
    std::vector<std::string> others;
    for (const CascadeSection& o : c.others) {
        const std::vector<std::string> after =
            o.windows.empty() ? std::vector<std::string>{} : o.windows.back().labs_switched;
        others.push_back(o.trigger->lab + " " + format_date(o.trigger->at) +
                         (after.empty() ? "" : " (then " + tables_join(after) + " within 365 days)"));
    }
    if (!others.empty()) {
        note += "; other switches: " + tables_join(others, "; ");
    }
    return note;
}

namespace {

Table cascade_table(const WatchReport& r) {
    const CascadeSection& c = r.cascade;
    const std::string note = cascade_note(c);
    Table t{
        "Cascade", note, {"window (days)", "labs switched", "expected", "P(N >= k)", "complete", "unwatched"}, {}, {}};
    for (const CascadeWindow& w : c.windows) {
        t.rows.push_back({std::to_string(w.days), tables_join(w.labs_switched), tables_fixed(w.expected, 3),
                          tables_fixed(w.p_value, 3), w.complete ? "yes" : "no", tables_join(w.also_switched)});
    }
    return t;
}

Table market_table(const WatchReport& r) {
    Table t{"Market: event studies",
            "market model, estimation days -250..-30, CAR over the event window",
            {"event", "model", "symbol", "benchmark", "day 0", "CAR %", "t", "est. days", "confounders"},
            {},
            {}};
    for (const MarketStudy& m : r.market.event_studies) {
        t.rows.push_back({std::to_string(m.event_id), m.model, m.symbol, m.benchmark, format_date(m.study.day0),
                          tables_fixed(m.study.car * 100, 2), tables_fixed(m.study.t_stat, 2),
                          std::to_string(m.study.estimation_days), std::to_string(m.confounders.size())});
    }
    for (const SkippedStudy& s : r.market.skipped) {
        t.rows.push_back({std::to_string(s.event_id), s.model, s.symbol, "-", "-", "-", "-", "-", s.reason});
    }
    return t;
}

Table analyst_table(const WatchReport& r) {
    Table t{"Market: analyst actions", "", {"at", "firm", "symbol", "action", "target", "days from release"}, {}, {}};
    for (const AnalystAction& a : r.market.analyst_actions) {
        t.rows.push_back({format_date(a.at), a.firm, a.symbol, a.action,
                          cell(a.old_target, 0) + " -> " + cell(a.new_target, 0), cell(a.days_from_release)});
    }
    return t;
}

Table capex_table(const WatchReport& r) {
    Table t{"Market: capex guidance",
            "USD billions",
            {"at", "company", "fiscal year", "range", "prior", "direction"},
            {},
            {}};
    auto bn = [](std::optional<double> v) { return v ? std::optional<double>(*v / 1e9) : std::nullopt; };
    auto range = [&](std::optional<double> lo, std::optional<double> hi) {
        return !lo && !hi ? std::string("-") : cell(bn(lo)) + "-" + cell(bn(hi));
    };
    for (const CapexGuidance& g : r.market.capex_guidance) {
        t.rows.push_back({format_date(g.at), g.company, g.fiscal_year ? std::to_string(*g.fiscal_year) : "-",
                          range(g.low_usd, g.high_usd), range(g.prior_low_usd, g.prior_high_usd),
                          g.direction.value_or(g.computed_direction)});
    }
    return t;
}

Table questions_table(const WatchReport& r) {
    Table t{"Watch questions", "", {"id", "status", "question", "why", "evidence"}, {}, {}};
    for (const QuestionAnswer& a : r.questions) {
        std::vector<std::string> ids;
        for (auto id : a.evidence)
            ids.push_back(std::to_string(id));
        t.rows.push_back({a.id, std::string(to_string(a.status)), a.text, a.explanation, tables_join(ids)});
    }
    return t;
}

}  // namespace

std::string cell(const std::optional<int>& v) {
    return v ? std::to_string(*v) : "-";
}
std::string cell(const std::optional<double>& v, int decimals) {
    return v ? tables_fixed(*v, decimals) : "-";
}
std::string cell_date(const std::optional<TimePoint>& t) {
    return t ? format_date(*t) : "-";
}

std::vector<Table> report_tables(const WatchReport& r) {
    return {questions_table(r), rollout_table(r), eval_table(r),   eval_labs_table(r),
            openness_table(r),  license_table(r), people_table(r), cascade_table(r),
            market_table(r),    analyst_table(r), capex_table(r)};
}

}  // namespace fw::report::detail
