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
    if (lab.open_since) {
        return lab.open_since;  // stored or curated, whichever is earlier
    }
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

namespace {

std::optional<CascadeTrigger> switch_of(const LabOpenness& lab) {
    if (!lab.switched_to_closed_at) {
        return std::nullopt;
    }
    return CascadeTrigger{lab.lab, lab.switch_model.value_or(""), *lab.switched_to_closed_at,
                          lab.switch_event_id.value_or(0)};
}

bool watched(const std::vector<std::string>& labs, const std::string& lab) {
    return labs.empty() || std::find(labs.begin(), labs.end(), lab) != labs.end();
}

/// The cascade after trigger `t` among the `followers_of` labs (empty: all but the trigger's).
CascadeSection cascade_after(const CascadeTrigger& t, const std::vector<LabOpenness>& labs,
                             const std::vector<std::string>& followers_of, TimePoint as_of) {
    CascadeSection out;
    out.trigger = t;
    // Baseline: switches of the watched labs before the trigger per lab-year of exposure (from
    // each lab's first open release), with half a switch added so that none seen is not a zero rate.
    int earlier = 0;
    for (const LabOpenness& lab : labs) {
        const auto first_open = first_open_release(lab);
        if (lab.lab == t.lab || !watched(followers_of, lab.lab) || !first_open || *first_open >= t.at) {
            continue;
        }
        ++out.candidate_labs;
        const TimePoint end =
            lab.switched_to_closed_at && *lab.switched_to_closed_at < t.at ? *lab.switched_to_closed_at : t.at;
        earlier += end < t.at ? 1 : 0;
        out.exposure_lab_years += days_between(*first_open, end) / kDaysPerYear;
    }
    out.baseline_rate_per_lab_year = out.exposure_lab_years > 0 ? (earlier + 0.5) / out.exposure_lab_years : 0.0;
    // Every later switch with its lag, in switch order; the windows read them.
    for (const LabOpenness& lab : labs) {
        if (lab.lab == t.lab || !lab.switched_to_closed_at) {
            continue;
        }
        if (const int after = days_between(t.at, *lab.switched_to_closed_at); after >= 0) {
            out.followers.push_back(FollowerSwitch{lab.lab, lab.switch_model.value_or(""), *lab.switched_to_closed_at,
                                                   after, watched(followers_of, lab.lab)});
        }
    }
    std::sort(out.followers.begin(), out.followers.end(),
              [](const FollowerSwitch& a, const FollowerSwitch& b) { return a.at < b.at; });
    const int still_open = out.candidate_labs - earlier;  // those that can still follow
    for (int days : {90, 180, 365}) {
        CascadeWindow w{days, {}, days_between(t.at, as_of) >= days, 0, 1, {}};
        for (const FollowerSwitch& f : out.followers) {
            if (f.days_after <= days) {
                (f.watched ? w.labs_switched : w.also_switched).push_back(f.lab);
            }
        }
        w.expected = out.baseline_rate_per_lab_year * still_open * days / kDaysPerYear;
        w.p_value = poisson_tail(w.expected, static_cast<int>(w.labs_switched.size()));
        out.windows.push_back(std::move(w));
    }
    return out;
}

}  // namespace

CascadeSection analyze_cascade(const std::vector<LabOpenness>& labs, TimePoint as_of,
                               const std::optional<CascadeAnchor>& anchor) {
    CascadeSection out;
    std::optional<CascadeTrigger> trigger;
    std::vector<std::string> followers_of;
    if (anchor) {
        out.anchored_on = anchor->origin.empty() ? "anchor " + anchor->lab : anchor->origin;
        followers_of = anchor->watched;
        for (const LabOpenness& lab : labs) {
            if (lab.lab == anchor->lab) {
                trigger = switch_of(lab);
            }
        }
        if (!trigger) {
            out.awaited_lab = anchor->lab;
        }
    } else {
        out.anchored_on = "earliest switch";
        trigger = earliest_switch(labs);
    }
    if (trigger) {
        auto anchored = cascade_after(*trigger, labs, followers_of, as_of);
        anchored.anchored_on = out.anchored_on;
        out = std::move(anchored);
    } else {
        for (int days : {90, 180, 365}) {
            out.windows.push_back(CascadeWindow{days, {}, false, 0, 1, {}});
        }
    }
    for (const LabOpenness& lab : labs) {
        auto other = switch_of(lab);
        if (other && (!trigger || other->lab != trigger->lab)) {
            auto section = cascade_after(*other, labs, {}, as_of);
            section.anchored_on = "switch of " + other->lab;
            out.others.push_back(std::move(section));
        }
    }
    std::sort(out.others.begin(), out.others.end(),
              [](const CascadeSection& a, const CascadeSection& b) { return a.trigger->at < b.trigger->at; });
    return out;
}

}  // namespace fw::analysis
