#include "report/focus.h"

#include <algorithm>
#include <cstdio>

namespace fw::report::focus {
namespace {

using namespace analysis;

std::string percent(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.2f%%", v * 100);
    return buf;
}

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep = ", ") {
    std::string out;
    for (const std::string& p : parts)
        out += (out.empty() ? "" : sep) + p;
    return out;
}

/// Event id -> model, for every event the report can attribute to a model.
std::map<std::int64_t, std::string> event_models(const WatchReport& r) {
    std::map<std::int64_t, std::string> out;
    for (const LabOpenness& lab : r.openness.labs) {
        for (const Release& rel : lab.releases)
            out.emplace(rel.event_id, rel.model);
        for (const SiblingRelease& s : lab.siblings)
            out.emplace(s.event_id, s.sibling);
    }
    for (const ModelRollout& m : r.rollout) {
        out.emplace(m.launch_event_id, m.model);
        for (const RolloutSurface& s : m.surfaces)
            out.emplace(s.event_id, m.model);
    }
    for (const EvalDisclosure& d : r.eval_disclosure.models) {
        if (d.first_party_event_id)
            out.emplace(*d.first_party_event_id, d.model);
        if (d.third_party_event_id)
            out.emplace(*d.third_party_event_id, d.model);
    }
    for (const MarketStudy& m : r.market.event_studies)
        out.emplace(m.event_id, m.model);
    return out;
}

std::map<std::string, std::string> model_labs(const WatchReport& r) {
    std::map<std::string, std::string> out;
    for (const ModelRollout& m : r.rollout)
        out.emplace(m.model, m.lab);
    for (const LabOpenness& lab : r.openness.labs) {
        for (const Release& rel : lab.releases)
            out.emplace(rel.model, lab.lab);
    }
    return out;
}

std::string launches_fact(const std::vector<KeyLaunch>& launches, const WatchReport& r) {
    std::map<std::string, std::vector<std::string>> by_lab;
    for (const KeyLaunch& k : launches) {
        std::string text = k.model + " " + format_date(k.at) + " (" + std::string(to_string(k.openness));
        for (const MarketStudy& m : r.market.event_studies) {
            if (m.event_id == k.event_id)
                text += ", CAR " + percent(m.study.car) + " t " + fixed(m.study.t_stat, 2);
        }
        by_lab[k.lab].push_back(text + ")");
    }
    std::vector<std::string> labs;
    for (const auto& [lab, items] : by_lab)
        labs.push_back(lab + ": " + join(items));
    return labs.empty() ? "" : "Launches in the last 365 days: " + join(labs, "; ") + ".";
}

std::string switches_fact(const WatchReport& r) {
    std::vector<std::pair<TimePoint, std::string>> switches;
    for (const LabOpenness& lab : r.openness.labs) {
        if (!lab.switched_to_closed_at)
            continue;
        switches.emplace_back(*lab.switched_to_closed_at, lab.lab + " on " + format_date(*lab.switched_to_closed_at) +
                                                              (lab.switch_model ? " (" + *lab.switch_model + ")" : ""));
    }
    std::sort(switches.begin(), switches.end());
    std::vector<std::string> parts;
    for (const auto& s : switches)
        parts.push_back(s.second);
    return parts.empty() ? "No lab has switched from open to closed releases."
                         : "Switched to closed: " + join(parts) + ".";
}

std::string siblings_fact(const WatchReport& r) {
    std::map<std::string, std::vector<std::string>> by_sibling;  // one line per sibling, all flagships
    for (const LabOpenness& lab : r.openness.labs) {
        for (const SiblingRelease& s : lab.siblings) {
            by_sibling[s.sibling + " (" + lab.lab + ", weights " + format_date(s.weights_at) + ")"].push_back(
                std::to_string(s.days_after) + " days after " + s.flagship);
        }
    }
    std::vector<std::string> parts;
    for (const auto& [sibling, after] : by_sibling)
        parts.push_back(sibling + " " + join(after));
    return parts.empty() ? "" : "Open siblings of closed flagships: " + join(parts, "; ") + ".";
}

std::string cascade_fact(const CascadeSection& c) {
    if (!c.trigger || c.windows.empty())
        return "";
    const CascadeWindow& w = c.windows.back();
    return "Cascade after " + c.trigger->lab + "'s switch (" + c.trigger->model + ", " + format_date(c.trigger->at) +
           "): " + std::to_string(w.labs_switched.size()) + " other lab(s) switched within " + std::to_string(w.days) +
           " days" + (w.labs_switched.empty() ? "" : " (" + join(w.labs_switched) + ")") + ", expected " +
           fixed(w.expected, 2) + ", P(N >= k) " + fixed(w.p_value, 3) + (w.complete ? "" : ", window still open") +
           ".";
}

std::string evals_fact(const WatchReport& r, const std::set<std::string>& watched) {
    std::vector<std::string> parts;
    for (const EvalDisclosure& d : r.eval_disclosure.models) {
        if (!watched.contains(d.model))
            continue;
        std::string text = d.model + ": ";
        if (d.first_party_lag_days) {
            text += "first-party " + d.first_party_doc_type.value_or("report") + " after " +
                    std::to_string(*d.first_party_lag_days) + " days";
        } else {
            text += "no first-party report after " + std::to_string(d.days_open) + " days";
        }
        if (d.third_party_lag_days) {
            text += ", third-party (" + d.third_party_evaluator.value_or("independent") + ") after " +
                    std::to_string(*d.third_party_lag_days) + " days";
        }
        parts.push_back(text);
    }
    return parts.empty() ? "" : "Eval disclosure: " + join(parts, "; ") + ".";
}

std::string rollout_fact(const WatchReport& r, const std::set<std::string>& watched) {
    std::vector<std::string> parts;
    for (const ModelRollout& m : r.rollout) {
        if (!watched.contains(m.model) || m.surfaces.empty())
            continue;
        std::string text = m.model + " reached " + std::to_string(m.surfaces.size()) + " surface(s), " + m.pattern;
        auto money = std::find_if(m.surfaces.begin(), m.surfaces.end(),
                                  [](const RolloutSurface& s) { return s.category == "monetizable"; });
        if (money != m.surfaces.end()) {
            text += "; first monetizable " + money->surface + " on day " + std::to_string(money->days_after_launch);
        }
        parts.push_back(text);
    }
    return parts.empty() ? "" : "Rollout: " + join(parts, "; ") + ".";
}

}  // namespace

bool has_rollout(const ModelRollout& m) {
    return !m.surfaces.empty();
}

bool has_disclosure(const EvalDisclosure& d) {
    return d.first_party_at.has_value() || d.third_party_at.has_value();
}

std::set<std::string> watched_models(const WatchReport& r) {
    const auto models = event_models(r);
    std::set<std::string> out;
    for (const QuestionAnswer& q : r.questions) {
        for (std::int64_t id : q.evidence) {
            if (auto it = models.find(id); it != models.end())
                out.insert(it->second);
        }
    }
    return out;
}

std::set<std::string> watched_labs(const WatchReport& r) {
    const auto labs = model_labs(r);
    std::set<std::string> out;
    for (const std::string& model : watched_models(r)) {
        if (auto it = labs.find(model); it != labs.end() && !it->second.empty())
            out.insert(it->second);
    }
    for (const MarketStudy& m : r.market.event_studies)
        out.insert(m.lab);
    return out;
}

std::map<std::int64_t, std::string> event_labels(const WatchReport& r) {
    std::map<std::int64_t, std::string> out;
    for (const LabOpenness& lab : r.openness.labs) {
        for (const Release& rel : lab.releases) {
            out.emplace(rel.event_id, rel.model + (rel.kind == "weights_release" ? " weights " : " launch ") +
                                          format_date(rel.at) + " (" + std::string(to_string(rel.openness)) + ")");
        }
    }
    for (const ModelRollout& m : r.rollout) {
        out.emplace(m.launch_event_id, m.model + " launch " + format_date(m.launched_at));
        for (const RolloutSurface& s : m.surfaces) {
            out.emplace(s.event_id, m.model + " on " + s.surface + " " + format_date(s.at));
        }
    }
    for (const EvalDisclosure& d : r.eval_disclosure.models) {
        if (d.first_party_event_id && d.first_party_at) {
            out.emplace(*d.first_party_event_id, d.model + " " + d.first_party_doc_type.value_or("eval report") + " " +
                                                     format_date(*d.first_party_at));
        }
        if (d.third_party_event_id && d.third_party_at) {
            out.emplace(*d.third_party_event_id, d.model + " evaluated by " +
                                                     d.third_party_evaluator.value_or("a third party") + " " +
                                                     format_date(*d.third_party_at));
        }
    }
    return out;
}

std::vector<KeyLaunch> key_launches(const WatchReport& r) {
    const auto labs = watched_labs(r);
    const auto models = watched_models(r);
    std::vector<KeyLaunch> out;
    for (const LabOpenness& lab : r.openness.labs) {
        if (!labs.contains(lab.lab))
            continue;
        for (const Release& rel : lab.releases) {
            const int age = days_between(rel.at, r.as_of);
            if (rel.kind != "model_release" || age < 0 || age > 365)
                continue;
            if (rel.tier != Tier::Flagship && !models.contains(rel.model))
                continue;
            out.push_back(KeyLaunch{rel.model, lab.lab, rel.at, rel.openness, rel.tier, rel.event_id});
        }
    }
    std::sort(out.begin(), out.end(), [](const KeyLaunch& a, const KeyLaunch& b) { return a.at < b.at; });
    return out;
}

std::vector<std::string> key_facts(const WatchReport& r) {
    const auto watched = watched_models(r);
    std::vector<std::string> out;
    for (std::string fact : {launches_fact(key_launches(r), r), switches_fact(r), siblings_fact(r),
                             cascade_fact(r.cascade), evals_fact(r, watched), rollout_fact(r, watched)}) {
        if (!fact.empty())
            out.push_back(std::move(fact));
    }
    return out;
}

}  // namespace fw::report::focus
