#pragma once
// W4: tenure of tracked people (taxonomy people plus personnel_move events), and arrivals and
// departures per lab per quarter.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/common.h"

namespace fw::analysis {

/// One stay of one person at one org.
struct Tenure {
    std::string person;
    std::string name;
    std::string org;
    std::string role;
    std::optional<TimePoint> since;
    std::optional<TimePoint> left_at;
    std::optional<int> tenure_days;  ///< since to left_at (or as_of while still there)
    std::vector<std::int64_t> event_ids;
};

struct QuarterFlow {
    std::string lab;
    std::string quarter;  ///< "2026Q2"
    int arrivals = 0;
    int departures = 0;
};

struct PeopleSection {
    std::vector<Tenure> tenures;     ///< taxonomy order, then people first seen in events
    std::vector<QuarterFlow> flows;  ///< by lab, then quarter
};

/// personnel_move fields: move (joined | left | role_change), org (else the event's lab), role.
PeopleSection analyze_people(const EventRefs& events, const Taxonomy& taxonomy, TimePoint as_of);

}  // namespace fw::analysis
