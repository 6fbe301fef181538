#include "report/json_util.h"
#include "report/render.h"

namespace fw::report {
namespace {

using namespace analysis;
using detail::Json;
using detail::opt;
using detail::opt_date;
using detail::text_or_null;

Json rollout_json(const std::vector<ModelRollout>& rows) {
    Json out = Json::array();
    for (const ModelRollout& r : rows) {
        Json surfaces = Json::array();
        for (const RolloutSurface& s : r.surfaces) {
            surfaces.push_back({{"surface", s.surface},
                                {"category", opt(s.category)},
                                {"at", format_date(s.at)},
                                {"days_after_launch", s.days_after_launch},
                                {"stage", opt(s.stage)},
                                {"event_id", s.event_id}});
        }
        out.push_back({{"model", r.model},
                       {"lab", text_or_null(r.lab)},
                       {"launched_at", format_date(r.launched_at)},
                       {"surfaces", std::move(surfaces)},
                       {"pattern", r.pattern},
                       {"breadth_30", opt(r.breadth_30)},
                       {"breadth_90", opt(r.breadth_90)},
                       {"launch_event_id", r.launch_event_id}});
    }
    return out;
}

Json eval_json(const std::vector<EvalDisclosure>& rows) {
    Json out = Json::array();
    for (const EvalDisclosure& d : rows) {
        out.push_back({{"model", d.model},
                       {"lab", text_or_null(d.lab)},
                       {"launched_at", format_date(d.launched_at)},
                       {"first_party_at", opt_date(d.first_party_at)},
                       {"first_party_lag_days", opt(d.first_party_lag_days)},
                       {"third_party_at", opt_date(d.third_party_at)},
                       {"third_party_lag_days", opt(d.third_party_lag_days)},
                       {"days_open", d.days_open},
                       {"disclosed_at_launch", d.disclosed_at_launch},
                       {"first_party_event_id", opt(d.first_party_event_id)},
                       {"first_party_doc_type", opt(d.first_party_doc_type)},
                       {"third_party_event_id", opt(d.third_party_event_id)},
                       {"third_party_evaluator", opt(d.third_party_evaluator)}});
    }
    return out;
}

Json eval_labs_json(const std::vector<LabEvalSummary>& rows) {
    Json out = Json::array();
    for (const LabEvalSummary& s : rows) {
        out.push_back({{"lab", text_or_null(s.lab)},
                       {"models", s.models},
                       {"first_party_disclosed", s.first_party_disclosed},
                       {"disclosed_at_launch", s.disclosed_at_launch},
                       {"median_first_party_lag_days", opt(s.median_first_party_lag)},
                       {"km_median_first_party_lag_days", opt(s.km_median_first_party_lag)},
                       {"median_third_party_lag_days", opt(s.median_third_party_lag)},
                       {"km_median_third_party_lag_days", opt(s.km_median_third_party_lag)}});
    }
    return out;
}

Json lab_openness_json(const LabOpenness& lab) {
    Json releases = Json::array(), share = Json::array(), tiers = Json::array(), siblings = Json::array();
    for (const Release& r : lab.releases) {
        releases.push_back({{"model", r.model},
                            {"at", format_date(r.at)},
                            {"openness", std::string(to_string(r.openness))},
                            {"license", text_or_null(r.license)},
                            {"kind", r.kind},
                            {"tier", std::string(to_string(r.tier))},
                            {"event_id", r.event_id}});
    }
    for (const SharePoint& p : lab.open_share) {
        share.push_back({{"at", format_date(p.at)}, {"share", p.share}, {"releases", p.releases}});
    }
    for (const TierOpenness& t : lab.tiers) {
        tiers.push_back({{"tier", std::string(to_string(t.tier))}, {"releases", t.releases}, {"open", t.open}});
    }
    for (const SiblingRelease& s : lab.siblings) {
        siblings.push_back({{"flagship", s.flagship},
                            {"flagship_at", format_date(s.flagship_at)},
                            {"sibling", s.sibling},
                            {"weights_at", format_date(s.weights_at)},
                            {"days_after", s.days_after},
                            {"event_id", s.event_id}});
    }
    return {{"lab", text_or_null(lab.lab)},
            {"releases", std::move(releases)},
            {"switched_to_closed_at", opt_date(lab.switched_to_closed_at)},
            {"switch_event_id", opt(lab.switch_event_id)},
            {"open_share_365d", std::move(share)},
            {"tiers", std::move(tiers)},
            {"siblings", std::move(siblings)}};
}

Json license_changes_json(const std::vector<LicenseChangeRow>& rows) {
    Json out = Json::array();
    for (const LicenseChangeRow& c : rows) {
        out.push_back({{"subject", c.subject},
                       {"at", format_date(c.at)},
                       {"old", text_or_null(c.old_license)},
                       {"new", text_or_null(c.new_license)},
                       {"more_restrictive", opt(c.more_restrictive)},
                       {"diff", opt(c.diff)},
                       {"event_id", c.event_id}});
    }
    return out;
}

Json people_json(const std::vector<Tenure>& rows) {
    Json out = Json::array();
    for (const Tenure& t : rows) {
        out.push_back({{"person", t.person},
                       {"org", text_or_null(t.org)},
                       {"role", text_or_null(t.role)},
                       {"since", opt_date(t.since)},
                       {"left_at", opt_date(t.left_at)},
                       {"tenure_days", opt(t.tenure_days)},
                       {"name", t.name},
                       {"event_ids", t.event_ids}});
    }
    return out;
}

Json flows_json(const std::vector<QuarterFlow>& rows) {
    Json out = Json::array();
    for (const QuarterFlow& f : rows) {
        out.push_back({{"lab", text_or_null(f.lab)},
                       {"quarter", f.quarter},
                       {"arrivals", f.arrivals},
                       {"departures", f.departures}});
    }
    return out;
}

Json cascade_json(const CascadeSection& c) {
    Json trigger = nullptr;
    if (c.trigger) {
        trigger = {{"lab", c.trigger->lab},
                   {"model", c.trigger->model},
                   {"at", format_date(c.trigger->at)},
                   {"event_id", c.trigger->event_id}};
    }
    Json windows = Json::array();
    for (const CascadeWindow& w : c.windows) {
        windows.push_back({{"days", w.days},
                           {"labs_switched", w.labs_switched},
                           {"also_switched", w.also_switched},
                           {"complete", w.complete},
                           {"expected", w.expected},
                           {"p_value", w.p_value}});
    }
    Json followers = Json::array();
    for (const FollowerSwitch& f : c.followers) {
        followers.push_back({{"lab", f.lab},
                             {"model", f.model.empty() ? Json() : Json(f.model)},
                             {"at", format_date(f.at)},
                             {"days_after", f.days_after},
                             {"watched", f.watched}});
    }
    Json out = {{"trigger", std::move(trigger)},
                {"followers", std::move(followers)},
                {"windows", std::move(windows)},
                {"baseline_rate_per_lab_year", c.baseline_rate_per_lab_year},
                {"exposure_lab_years", c.exposure_lab_years},
                {"candidate_labs", c.candidate_labs},
                {"anchored_on", c.anchored_on},
                {"awaited_lab", detail::opt(c.awaited_lab)}};
    Json others = Json::array();
    for (const CascadeSection& o : c.others) {
        others.push_back(cascade_json(o));
    }
    out["others"] = std::move(others);
    return out;
}

Json study_json(const MarketStudy& m) {
    Json ars = Json::array();
    for (const AbnormalReturn& a : m.study.window) {
        ars.push_back({{"tau", a.tau},
                       {"date", format_date(a.date)},
                       {"return", a.stock_return},
                       {"market_return", a.market_return},
                       {"abnormal", a.abnormal}});
    }
    return {{"event_id", m.event_id},
            {"symbol", m.symbol},
            {"benchmark", m.benchmark},
            {"window", {m.study.window_start, m.study.window_end}},
            {"car", m.study.car},
            {"t_stat", m.study.t_stat},
            {"estimation_days", m.study.estimation_days},
            {"model", m.model},
            {"lab", m.lab},
            {"event_date", format_date(m.study.event_date)},
            {"day0", format_date(m.study.day0)},
            {"alpha", m.study.alpha},
            {"beta", m.study.beta},
            {"sigma2", m.study.sigma2},
            {"abnormal_returns", std::move(ars)},
            {"confounders", m.confounders}};
}

Json market_json(const MarketSection& m) {
    Json studies = Json::array(), skipped = Json::array(), analysts = Json::array(), capex = Json::array();
    for (const MarketStudy& s : m.event_studies) {
        studies.push_back(study_json(s));
    }
    for (const SkippedStudy& s : m.skipped) {
        skipped.push_back({{"event_id", s.event_id}, {"model", s.model}, {"symbol", s.symbol}, {"reason", s.reason}});
    }
    for (const AnalystAction& a : m.analyst_actions) {
        analysts.push_back({{"event_id", a.event_id},
                            {"at", format_date(a.at)},
                            {"firm", a.firm},
                            {"symbol", a.symbol},
                            {"action", a.action},
                            {"old_target", opt(a.old_target)},
                            {"new_target", opt(a.new_target)},
                            {"near_release_event_id", opt(a.near_release_event_id)},
                            {"days_from_release", opt(a.days_from_release)}});
    }
    for (const CapexGuidance& g : m.capex_guidance) {
        capex.push_back({{"event_id", g.event_id},
                         {"at", format_date(g.at)},
                         {"company", g.company},
                         {"fiscal_year", opt(g.fiscal_year)},
                         {"low_usd", opt(g.low_usd)},
                         {"high_usd", opt(g.high_usd)},
                         {"prior_low_usd", opt(g.prior_low_usd)},
                         {"prior_high_usd", opt(g.prior_high_usd)},
                         {"direction", g.direction ? Json(*g.direction) : Json(g.computed_direction)},
                         {"computed_direction", g.computed_direction}});
    }
    return {{"event_studies", std::move(studies)},
            {"analyst_actions", std::move(analysts)},
            {"capex_guidance", std::move(capex)},
            {"skipped", std::move(skipped)}};
}

Json questions_json(const std::vector<QuestionAnswer>& rows) {
    Json out = Json::array();
    for (const QuestionAnswer& a : rows) {
        out.push_back({{"id", a.id},
                       {"text", a.text},
                       {"status", std::string(to_string(a.status))},
                       {"evidence", a.evidence},
                       {"resolved_at", opt_date(a.resolved_at)},
                       {"opened_at", opt_date(a.opened_at)},
                       {"explanation", a.explanation}});
    }
    return out;
}

}  // namespace

std::string render_json(const WatchReport& r) {
    Json openness = Json::array();
    for (const LabOpenness& lab : r.openness.labs) {
        openness.push_back(lab_openness_json(lab));
    }
    Json out{{"generated_at", format_rfc3339(r.generated_at)},
             {"as_of", format_rfc3339(r.as_of)},
             {"rollout", rollout_json(r.rollout)},
             {"eval_disclosure", eval_json(r.eval_disclosure.models)},
             {"openness", std::move(openness)},
             {"license_changes", license_changes_json(r.openness.license_changes)},
             {"people", people_json(r.people.tenures)},
             {"cascade", cascade_json(r.cascade)},
             {"market", market_json(r.market)},
             {"questions", questions_json(r.questions)},
             {"eval_disclosure_labs", eval_labs_json(r.eval_disclosure.labs)},
             {"people_flows", flows_json(r.people.flows)},
             {"events_considered", r.events_considered}};
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace fw::report
