#pragma once
// What a human report shows first: the models and labs with something to say. The JSON report
// lists everything; the human renderers list what these rules select and sum up the rest.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/report.h"

namespace fw::report::focus {

/// A model has something to say about rollout when it reached at least one tracked surface.
bool has_rollout(const analysis::ModelRollout& m);

/// A model has something to say about evals when a first- or third-party report exists.
bool has_disclosure(const analysis::EvalDisclosure& d);

/// Models the watch questions point at: the model of every evidence event (launch, rollout,
/// eval, weights, event study).
std::set<std::string> watched_models(const analysis::WatchReport& r);

/// Labs of the watched models, plus the labs with an event study (a listed security).
std::set<std::string> watched_labs(const analysis::WatchReport& r);

/// One line per evidence event id: "muse-spark launch 2026-04-08", "muse-spark on
/// instagram-creator-tools 2026-04-23", ... (ids the report cannot name are absent).
std::map<std::int64_t, std::string> event_labels(const analysis::WatchReport& r);

/// A launch worth a line: a model_release of a watched lab in the 365 days before as_of that
/// is a flagship or a watched model.
struct KeyLaunch {
    std::string model;
    std::string lab;
    TimePoint at{};
    Openness openness = Openness::Unknown;
    Tier tier = Tier::Unknown;
    std::int64_t event_id = 0;
};
std::vector<KeyLaunch> key_launches(const analysis::WatchReport& r);

/// The key facts as short plain-text sentences (launches, switches to closed, open siblings,
/// cascade, eval lags and rollout of watched models); the caller escapes them.
std::vector<std::string> key_facts(const analysis::WatchReport& r);

}  // namespace fw::report::focus
