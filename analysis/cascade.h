#pragma once
// W5: does one lab's switch to closed releases pull others along? The trigger is the switch a
// watch question names (the "after" lab of a labs_switch_within question: Meta's switch with
// Muse Spark in the bundled questions), else the earliest switch; windows list the watched labs
// (or all others) that switched soon after; a Poisson baseline says how unusual that many
// switches would be. Every other switch is listed as a cascade of its own.

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

/// What the cascade is anchored on: a lab's switch to closed, and the labs watched as followers
/// (empty: every other lab). `origin` says where the anchor came from (a question id).
struct CascadeAnchor {
    std::string lab;
    std::vector<std::string> watched;
    std::string origin;
};

struct CascadeWindow {
    int days = 0;
    std::vector<std::string> labs_switched;  ///< other labs, in switch order
    bool complete = false;                   ///< the window has fully elapsed by as_of
    double expected = 0;                     ///< baseline switches expected in the window
    double p_value = 1;                      ///< Poisson P(N >= labs_switched.size())
    /// Labs outside the watch list that switched in the window too (the watch question names
    /// three followers; Moonshot going closed is news all the same). Empty when all labs are watched.
    std::vector<std::string> also_switched;
};

/// A lab that switched to closed after the trigger, with its lag: the cascade's answer in one
/// line ("DeepSeek followed 27 days later").
struct FollowerSwitch {
    std::string lab;
    std::string model;  ///< the release that made the switch, when known
    TimePoint at{};
    int days_after = 0;
    bool watched = true;  ///< among the anchor question's watch list (all labs when it has none)
};

struct CascadeSection {
    std::optional<CascadeTrigger> trigger;
    std::vector<FollowerSwitch> followers;  ///< every later switch, in order, with its lag
    std::vector<CascadeWindow> windows;     ///< 90, 180, 365 days
    /// Switches per lab-year before the trigger. No earlier switch can exist by definition of
    /// the trigger, so the rate is (switches + 0.5) / exposure (a Jeffreys-style prior).
    double baseline_rate_per_lab_year = 0;
    double exposure_lab_years = 0;  ///< from each lab's first open release to the trigger
    int candidate_labs = 0;         ///< other labs with an open release before the trigger
    /// "question <id>" when a watch question chose the trigger, "earliest switch" otherwise.
    std::string anchored_on;
    /// The anchor lab when it has not switched (trigger empty): said instead of guessing.
    std::optional<std::string> awaited_lab;
    /// The other switches, each as the trigger of its own cascade (no nesting below them).
    std::vector<CascadeSection> others;
};

/// Without an anchor (or when no question names one) the earliest switch is the trigger.
CascadeSection analyze_cascade(const std::vector<LabOpenness>& labs, TimePoint as_of,
                               const std::optional<CascadeAnchor>& anchor = std::nullopt);

/// P(N >= k) for N ~ Poisson(mean).
double poisson_tail(double mean, int k);

}  // namespace fw::analysis
