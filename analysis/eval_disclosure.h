#pragma once
// W2: how long after launch a model's evals are disclosed, first-party and third-party.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/common.h"

namespace fw::analysis {

struct EvalDisclosure {
    std::string model;
    std::string lab;
    TimePoint launched_at{};
    std::int64_t launch_event_id = 0;
    std::optional<TimePoint> first_party_at;
    std::optional<int> first_party_lag_days;  ///< whole UTC days, clipped at 0
    std::optional<std::int64_t> first_party_event_id;
    std::optional<std::string> first_party_doc_type;
    std::optional<TimePoint> third_party_at;
    std::optional<int> third_party_lag_days;
    std::optional<std::int64_t> third_party_event_id;
    std::optional<std::string> third_party_evaluator;
    int days_open = 0;                 ///< launch to as_of while no first-party report, else 0
    bool disclosed_at_launch = false;  ///< a first-party report on or before the launch day
};

/// Per lab: observed medians and the Kaplan-Meier median that counts open models as censored.
struct LabEvalSummary {
    std::string lab;
    int models = 0;
    int first_party_disclosed = 0;
    int disclosed_at_launch = 0;
    std::optional<double> median_first_party_lag;     ///< over disclosed models only
    std::optional<double> km_median_first_party_lag;  ///< nullopt when S(t) never reaches 0.5
    std::optional<double> median_third_party_lag;
    std::optional<double> km_median_third_party_lag;
};

struct EvalSection {
    std::vector<EvalDisclosure> models;
    std::vector<LabEvalSummary> labs;
};

EvalSection analyze_eval_disclosure(const EventRefs& events, const Taxonomy& taxonomy, TimePoint as_of);

/// One observation for Kaplan-Meier: a time and whether the event happened (false = censored).
struct Survival {
    double time = 0;
    bool observed = false;
};

/// Smallest time t at which the Kaplan-Meier survival S(t) <= 0.5; nullopt when it stays above.
std::optional<double> kaplan_meier_median(std::vector<Survival> data);

}  // namespace fw::analysis
