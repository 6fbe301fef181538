#pragma once
// W5: does one lab's switch to closed releases pull others along? The trigger is the earliest
// switch; windows list the other labs that switched soon after; a Poisson baseline says how
// unusual that many switches would be.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/openness.h"

namespace fw::analysis {

struct CascadeTrigger {
    std::string lab;
    std::string model;
    TimePoint at{};
    std::int64_t event_id = 0;
};

struct CascadeWindow {
    int days = 0;
    std::vector<std::string> labs_switched;  ///< other labs, in switch order
    bool complete = false;     ///< the window has fully elapsed by as_of
    double expected = 0;       ///< baseline switches expected in the window
    double p_value = 1;        ///< Poisson P(N >= labs_switched.size())
};

struct CascadeSection {
    std::optional<CascadeTrigger> trigger;
    std::vector<CascadeWindow> windows;  ///< 90, 180, 365 days
    /// Switches per lab-year before the trigger. No earlier switch can exist by definition of
    /// the trigger, so the rate is (switches + 0.5) / exposure (a Jeffreys-style prior).
    double baseline_rate_per_lab_year = 0;
    double exposure_lab_years = 0;  ///< from each lab's first open release to the trigger
    int candidate_labs = 0;         ///< other labs with an open release before the trigger
};

CascadeSection analyze_cascade(const std::vector<LabOpenness>& labs, TimePoint as_of);

/// P(N >= k) for N ~ Poisson(mean).
double poisson_tail(double mean, int k);

}  // namespace fw::analysis
