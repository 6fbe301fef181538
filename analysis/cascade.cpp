#include "analysis/cascade.h"

#include <algorithm>
#include <cmath>

namespace fw::analysis {
namespace {

constexpr double kDaysPerYear = 365.25;

std::optional<CascadeTrigger> earliest_switch(const std::vector<LabOpenness>& labs) {
    std::optional<CascadeTrigger> best;
    for (const LabOpenness& lab : labs) {
        if (lab.switched_to_closed_at && (!best || *lab.switched_to_closed_at < best->at)) {
            best = CascadeTrigger{lab.lab, lab.switch_model.value_or(""), *lab.switched_to_closed_at,
                                  lab.switch_event_id.value_or(0)};
        }
    }
    return best;
}

std::optional<TimePoint> first_open_release(const LabOpenness& lab) {
    for (const Release& r : lab.releases) {
        if (is_open(r.openness)) {
            return r.at;
        }
    }
    return std::nullopt;
}

}  // namespace

double poisson_tail(double mean, int k) {
    if (k <= 0) {
        return 1.0;
    }
    double term = std::exp(-mean);
    double below = term;
    for (int i = 1; i < k; ++i) {
        term *= mean / i;
        below += term;
    }
    return std::clamp(1.0 - below, 0.0, 1.0);
}

CascadeSection analyze_cascade(const std::vector<LabOpenness>& labs, TimePoint as_of) {
    CascadeSection out;
    out.trigger = earliest_switch(labs);
    if (!out.trigger) {
        for (int days : {90, 180, 365}) {
            out.windows.push_back(CascadeWindow{days, {}, false, 0, 1});
        }
        return out;
    }
    const CascadeTrigger& t = *out.trigger;
    for (const LabOpenness& lab : labs) {
        const auto first_open = first_open_release(lab);
        if (lab.lab == t.lab || !first_open || *first_open >= t.at) {
            continue;
        }
        ++out.candidate_labs;
        out.exposure_lab_years += days_between(*first_open, t.at) / kDaysPerYear;
    }
    out.baseline_rate_per_lab_year =
        out.exposure_lab_years > 0 ? 0.5 / out.exposure_lab_years : 0.0;
    std::vector<const LabOpenness*> followers;
    for (const LabOpenness& lab : labs) {
        if (lab.lab != t.lab && lab.switched_to_closed_at) {
            followers.push_back(&lab);
        }
    }
    std::sort(followers.begin(), followers.end(), [](const LabOpenness* a, const LabOpenness* b) {
        return *a->switched_to_closed_at < *b->switched_to_closed_at;
    });
    for (int days : {90, 180, 365}) {
        CascadeWindow w{days, {}, days_between(t.at, as_of) >= days, 0, 1};
        for (const LabOpenness* lab : followers) {
            const int after = days_between(t.at, *lab->switched_to_closed_at);
            if (after >= 0 && after <= days) {
                w.labs_switched.push_back(lab->lab);
            }
        }
        w.expected = out.baseline_rate_per_lab_year * out.candidate_labs * days / kDaysPerYear;
        w.p_value = poisson_tail(w.expected, static_cast<int>(w.labs_switched.size()));
        out.windows.push_back(std::move(w));
    }
    return out;
}

}  // namespace fw::analysis
