#include "analysis/eval_disclosure.h"
#include "domain/event_schema.h"

#include <algorithm>
#include <map>

namespace fw::analysis {
namespace {

using FirstByModel = std::map<std::string, const Event*, std::less<>>;

/// The earliest event per model (events are in time order).
FirstByModel first_by_model(const EventRefs& events) {
    FirstByModel out;
    for (const Event* e : events) {
        if (e->model) {
            out.emplace(*e->model, e);
        }
    }
    return out;
}

const Event* first_for_model(const FirstByModel& firsts, const std::string& model) {
    auto it = firsts.find(model);
    return it == firsts.end() ? nullptr : it->second;
}

EvalDisclosure disclosure_of(const Event& launch, const FirstByModel& first_party, const FirstByModel& third_party,
                             const Taxonomy& taxonomy, TimePoint as_of) {
    EvalDisclosure d;
    d.model = *launch.model;
    d.lab = lab_of(launch, taxonomy);
    d.launched_at = launch.occurred_at;
    d.launch_event_id = launch.id;
    if (const Event* e = first_for_model(first_party, d.model)) {
        const int lag = days_between(d.launched_at, e->occurred_at);
        d.first_party_at = e->occurred_at;
        d.first_party_lag_days = std::max(lag, 0);
        d.first_party_event_id = e->id;
        d.first_party_doc_type = get(e->fields, field::doc_type);
        d.disclosed_at_launch = lag <= 0;
    } else {
        d.days_open = std::max(days_between(d.launched_at, as_of), 0);
    }
    if (const Event* e = first_for_model(third_party, d.model)) {
        d.third_party_at = e->occurred_at;
        d.third_party_lag_days = std::max(days_between(d.launched_at, e->occurred_at), 0);
        d.third_party_event_id = e->id;
        d.third_party_evaluator = get(e->fields, field::evaluator);
    }
    return d;
}

LabEvalSummary summarize(const std::string& lab, const std::vector<const EvalDisclosure*>& rows, TimePoint as_of) {
    LabEvalSummary s;
    s.lab = lab;
    std::vector<double> first, third;
    std::vector<Survival> km_first, km_third;
    for (const EvalDisclosure* d : rows) {
        ++s.models;
        const double open_for = std::max(days_between(d->launched_at, as_of), 0);
        if (d->first_party_lag_days) {
            ++s.first_party_disclosed;
            s.disclosed_at_launch += d->disclosed_at_launch ? 1 : 0;
            first.push_back(*d->first_party_lag_days);
            km_first.push_back({static_cast<double>(*d->first_party_lag_days), true});
        } else {
            km_first.push_back({open_for, false});
        }
        if (d->third_party_lag_days) {
            third.push_back(*d->third_party_lag_days);
            km_third.push_back({static_cast<double>(*d->third_party_lag_days), true});
        } else {
            km_third.push_back({open_for, false});
        }
    }
    s.median_first_party_lag = median(first);
    s.median_third_party_lag = median(third);
    s.km_median_first_party_lag = kaplan_meier_median(km_first);
    s.km_median_third_party_lag = kaplan_meier_median(km_third);
    return s;
}

}  // namespace

std::optional<double> kaplan_meier_median(std::vector<Survival> data) {
    // Events before censorings at the same time, the usual convention.
    std::sort(data.begin(), data.end(), [](const Survival& a, const Survival& b) {
        return a.time != b.time ? a.time < b.time : a.observed > b.observed;
    });
    double survival = 1.0;
    std::size_t at_risk = data.size();
    std::size_t i = 0;
    while (i < data.size()) {
        const double t = data[i].time;
        std::size_t deaths = 0, leaving = 0;
        for (; i < data.size() && data[i].time == t; ++i, ++leaving) {
            deaths += data[i].observed ? 1 : 0;
        }
        if (deaths > 0) {
            survival *= 1.0 - static_cast<double>(deaths) / static_cast<double>(at_risk);
            if (survival <= 0.5) {
                return t;
            }
        }
        at_risk -= leaving;
    }
    return std::nullopt;
}

EvalSection analyze_eval_disclosure(const EventRefs& events, const Taxonomy& taxonomy, TimePoint as_of) {
    const FirstByModel first_party = first_by_model(of_kind(events, EventKind::EvalReport));
    const FirstByModel third_party = first_by_model(of_kind(events, EventKind::ThirdPartyEval));
    EvalSection out;
    std::map<std::string, bool> seen;
    for (const Event* e : of_kind(events, EventKind::ModelRelease)) {
        if (!e->model || seen[*e->model]) {
            continue;
        }
        seen[*e->model] = true;
        out.models.push_back(disclosure_of(*e, first_party, third_party, taxonomy, as_of));
    }
    std::map<std::string, std::vector<const EvalDisclosure*>> by_lab;
    for (const EvalDisclosure& d : out.models) {
        by_lab[d.lab].push_back(&d);
    }
    for (const auto& [lab, rows] : by_lab) {
        out.labs.push_back(summarize(lab, rows, as_of));
    }
    return out;
}

}  // namespace fw::analysis
