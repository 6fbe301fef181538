#pragma once
// W3: openness of each lab's releases over time, closed-flagship siblings released as weights,
// licence changes, the rolling open share and the switch to closed.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/common.h"

namespace fw::analysis {

struct Release {
    std::string model;
    TimePoint at{};
    std::string kind;  ///< model_release | weights_release
    Openness openness = Openness::Unknown;
    std::string license;  ///< "" when unknown
    Tier tier = Tier::Unknown;
    std::int64_t event_id = 0;
};

struct SharePoint {
    TimePoint at{};
    double share = 0;  ///< open releases / releases in (at - 365 days, at]
    int releases = 0;  ///< releases in the window
};

struct TierOpenness {
    Tier tier = Tier::Unknown;
    int releases = 0;
    int open = 0;
};

/// A smaller/distilled/older model released as weights after the lab's closed flagship.
struct SiblingRelease {
    std::string flagship;
    TimePoint flagship_at{};
    std::string sibling;
    TimePoint weights_at{};
    int days_after = 0;
    std::int64_t event_id = 0;
};

struct LabOpenness {
    std::string lab;
    std::vector<Release> releases;  ///< in time order
    std::optional<TimePoint> switched_to_closed_at;
    std::optional<std::int64_t> switch_event_id;
    std::optional<std::string> switch_model;
    /// The first open-weight release known of the lab, stored or curated (the taxonomy's history).
    std::optional<TimePoint> open_since;
    std::vector<SharePoint> open_share;  ///< one point per release day
    std::vector<TierOpenness> tiers;
    std::vector<SiblingRelease> siblings;
};

struct LicenseChangeRow {
    std::string subject;
    TimePoint at{};
    std::string old_license;
    std::string new_license;
    std::optional<std::string> diff;
    std::optional<bool> more_restrictive;  ///< nullopt when either licence's class is unknown
    std::int64_t event_id = 0;
};

struct OpennessSection {
    std::vector<LabOpenness> labs;  ///< by lab slug
    std::vector<LicenseChangeRow> license_changes;
};

OpennessSection analyze_openness(const EventRefs& events, const Taxonomy& taxonomy);

/// The contract's switch: the first closed release after one or more open releases. An
/// `unreleased` model (announced, not usable) is not a release and does not switch. `open_before`:
/// an open release known outside `releases` (the taxonomy's history of the lab), open from then.
std::optional<std::size_t> find_switch(const std::vector<Release>& releases,
                                       std::optional<TimePoint> open_before = std::nullopt);

/// Rolling open share over a window of `window_days`, one point per release day. A
/// weights_release of a model already released open adds no second point to the share.
std::vector<SharePoint> rolling_open_share(const std::vector<Release>& releases, int window_days = 365);

}  // namespace fw::analysis
