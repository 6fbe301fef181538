#pragma once
// W1: how a model reaches surfaces after its launch (the contract's "rollout" section).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/common.h"

namespace fw::analysis {

struct RolloutSurface {
    std::string surface;
    std::optional<std::string> category;  ///< surface category name; nullopt when unknown
    TimePoint at{};
    int days_after_launch = 0;
    std::optional<std::string> stage;  ///< preview | limited | ga, from the event ("announced" ones are not arrivals)
    std::int64_t event_id = 0;
};

struct ModelRollout {
    std::string model;
    std::string lab;
    TimePoint launched_at{};
    std::int64_t launch_event_id = 0;
    std::vector<RolloutSurface> surfaces;  ///< first reach per surface, in time order
    /// monetizable-first | engagement-first | hardware-first | developer-first |
    /// enterprise-first | mixed | undetermined
    std::string pattern = "undetermined";
    /// Surfaces reached within 30/90 days; nullopt while that window is still open at as_of.
    std::optional<int> breadth_30;
    std::optional<int> breadth_90;
};

/// One entry per model with a model_release event (the earliest one is the launch), in launch
/// order. Rollouts dated before the launch day are not counted (they precede the launch event).
std::vector<ModelRollout> analyze_rollout(const EventRefs& events, const Taxonomy& taxonomy, TimePoint as_of);

/// The pattern of a list of surfaces in time order (the contract's definition).
std::string rollout_pattern(const std::vector<RolloutSurface>& surfaces);

}  // namespace fw::analysis
