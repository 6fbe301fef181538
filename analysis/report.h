#pragma once
// The watch report: every analysis over the same events, taxonomy, prices and as_of.

#include <map>
#include <span>
#include <string>
#include <vector>

#include "analysis/cascade.h"
#include "analysis/eval_disclosure.h"
#include "analysis/market.h"
#include "analysis/openness.h"
#include "analysis/people.h"
#include "analysis/rollout.h"
#include "domain/event.h"
#include "domain/price.h"
#include "domain/question.h"
#include "domain/taxonomy.h"

namespace fw::analysis {

struct AnalysisInput {
    std::span<const Event> events;
    const Taxonomy& taxonomy;
    const std::map<std::string, std::vector<PriceBar>>& prices;  ///< by symbol
    std::span<const WatchQuestion> questions;
    TimePoint as_of;
};

struct WatchReport {
    /// Set to as_of by build_report (analysis reads no clock); the caller may set the real time.
    TimePoint generated_at{};
    TimePoint as_of{};
    std::vector<ModelRollout> rollout;
    EvalSection eval_disclosure;
    OpennessSection openness;  ///< labs and license_changes
    PeopleSection people;
    CascadeSection cascade;
    MarketSection market;
    std::vector<QuestionAnswer> questions;
    int events_considered = 0;  ///< not rejected, not after as_of
};

/// Rejected events and events after as_of's UTC day are ignored.
WatchReport build_report(const AnalysisInput& input);

}  // namespace fw::analysis
