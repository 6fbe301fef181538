#pragma once
// M: event studies of each listed lab's model releases, analyst actions around launches, and
// the capex guidance history with its revisions.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/common.h"
#include "analysis/event_study.h"

namespace fw::analysis {

/// A point of the price chart drawn around a study (tau -60..+20, prices on common dates).
struct PricePoint {
    Day date{};
    double stock = 0;
    double benchmark = 0;
};

struct EventMarker {
    Day date{};
    std::string label;
    std::int64_t event_id = 0;
};

struct MarketStudy {
    std::int64_t event_id = 0;
    std::string model;
    std::string lab;
    std::string symbol;
    std::string benchmark;
    EventStudy study;
    std::vector<std::int64_t> confounders;  ///< earnings_release events inside the window
    std::vector<PricePoint> chart;
    /// The lab's market-relevant events (releases, licence changes, earnings, capex, analyst
    /// actions) within the chart's dates, at most 40.
    std::vector<EventMarker> markers;
};

/// A release that could not be studied, and why ("prices do not cover this event", ...).
struct SkippedStudy {
    std::int64_t event_id = 0;
    std::string model;
    std::string symbol;
    std::string reason;
};

struct AnalystAction {
    std::int64_t event_id = 0;
    TimePoint at{};
    std::string firm;
    std::string symbol;
    std::string action;
    std::optional<double> old_target;
    std::optional<double> new_target;
    std::optional<std::int64_t> near_release_event_id;  ///< nearest release within 30 days
    std::optional<int> days_from_release;               ///< action date - release date
};

struct CapexGuidance {
    std::int64_t event_id = 0;
    TimePoint at{};
    std::string company;
    std::optional<std::int64_t> fiscal_year;
    std::optional<double> low_usd;
    std::optional<double> high_usd;
    std::optional<double> prior_low_usd;  ///< from the event, else the previous guidance
    std::optional<double> prior_high_usd;
    std::optional<std::string> direction;  ///< as reported
    std::string computed_direction;        ///< initiated|raised|lowered|narrowed|reaffirmed
};

struct MarketSection {
    std::vector<MarketStudy> event_studies;
    std::vector<SkippedStudy> skipped;
    std::vector<AnalystAction> analyst_actions;
    std::vector<CapexGuidance> capex_guidance;
};

MarketSection analyze_market(const EventRefs& events, const Taxonomy& taxonomy,
                             const std::map<std::string, std::vector<PriceBar>>& prices,
                             const EventStudyParams& params = {});

/// Direction of a revision, from the midpoints and widths of the ranges.
std::string revision_direction(std::optional<double> prior_low, std::optional<double> prior_high,
                               std::optional<double> low, std::optional<double> high);

}  // namespace fw::analysis
