#include "analysis/alerts.h"
#include "domain/event_schema.h"

#include <algorithm>

namespace fw::analysis {
namespace {

bool listed(const std::vector<std::string>& filter, const std::string& value) {
    return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

bool model_matches(const std::vector<std::string>& models, const Event& e) {
    if (models.empty()) {
        return true;
    }
    const std::string model = e.model.value_or("");
    const std::string family = get(e.fields, field::family).value_or("");
    for (const std::string& m : models) {
        const bool versioned = model.size() > m.size() && model.starts_with(m) && model[m.size()] == '-';
        if ((!model.empty() && model == m) || versioned || (!family.empty() && family == m)) {
            return true;
        }
    }
    return false;
}

bool questions_only(const AlertRule& r) {
    return r.question_changes && r.kinds.empty() && r.labs.empty() && r.models.empty();
}

std::string event_title(const Event& e) {
    std::string t = std::string(to_string(e.kind)) + ": " + e.title;
    if (e.lab) {
        t += " (" + *e.lab + ")";
    }
    return t;
}

}  // namespace

std::string AlertMatch::delivery_key(const std::string& channel) const {
    return rule_id + "|" + subject_key + "|" + channel;
}

bool rule_matches(const AlertRule& rule, const Event& e) {
    if (e.review == Review::Rejected || questions_only(rule)) {
        return false;
    }
    return listed(rule.kinds, std::string(to_string(e.kind))) && listed(rule.labs, e.lab.value_or("")) &&
           model_matches(rule.models, e);
}

std::vector<AlertMatch> match_alerts(std::span<const AlertRule> rules, std::span<const Event> new_events,
                                     std::span<const QuestionAnswer> changed_answers) {
    std::vector<AlertMatch> out;
    for (const AlertRule& rule : rules) {
        for (const Event& e : new_events) {
            if (rule_matches(rule, e)) {
                out.push_back(AlertMatch{rule.id, rule.name, rule.channels, e.id, std::nullopt, event_title(e),
                                         "event:" + std::to_string(e.id)});
            }
        }
        if (!rule.question_changes) {
            continue;
        }
        for (const QuestionAnswer& a : changed_answers) {
            const std::string status(to_string(a.status));
            out.push_back(AlertMatch{rule.id, rule.name, rule.channels, std::nullopt, a.id,
                                     "question " + a.id + " is now " + status + ": " + a.text,
                                     "question:" + a.id + "=" + status});
        }
    }
    return out;
}

}  // namespace fw::analysis
