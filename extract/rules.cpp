#include "extract/rules.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "domain/slug.h"

namespace fw::extract {
namespace {

using nlohmann::json;

Error config_error(std::string_view origin, std::string message) {
    return make_error(ErrorCode::Config, std::move(message), std::string(origin));
}

Result<Cue> parse_cue(const json& entry, std::string_view origin, const std::string& where) {
    Cue cue;
    if (entry.is_string()) {
        cue.pattern = to_lower_ascii(trim(entry.get<std::string>()));
    } else if (entry.is_object()) {
        auto pattern = entry.find("pattern");
        if (pattern == entry.end() || !pattern->is_string()) {
            return config_error(origin, where + ": entry has no \"pattern\" string");
        }
        cue.pattern = to_lower_ascii(trim(pattern->get<std::string>()));
        if (auto v = entry.find("value"); v != entry.end()) {
            if (!v->is_string()) {
                return config_error(origin, where + ": \"value\" must be a string");
            }
            cue.value = v->get<std::string>();
        }
        if (auto c = entry.find("confidence"); c != entry.end()) {
            if (!c->is_number() || c->get<double>() <= 0.0 || c->get<double>() > 1.0) {
                return config_error(origin, where + ": \"confidence\" must be a number in (0, 1]");
            }
            cue.confidence = c->get<double>();
        }
        if (auto r = entry.find("remove"); r != entry.end()) {
            cue.remove = r->is_boolean() && r->get<bool>();
        }
    } else {
        return config_error(origin, where + ": entry must be a string or an object");
    }
    if (cue.pattern.empty()) {
        return config_error(origin, where + ": empty pattern");
    }
    return cue;
}

Status parse_list(Rules& rules, const std::string& name, const json& entries, std::string_view origin) {
    const auto& known = known_rule_lists();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
        return config_error(origin, "unknown rule list \"" + name + "\"");
    }
    if (!entries.is_array()) {
        return config_error(origin, "list \"" + name + "\" must be an array");
    }
    auto& list = rules.mutable_list(name);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto cue = parse_cue(entries[i], origin, name + "[" + std::to_string(i) + "]");
        if (!cue) {
            return cue.error();
        }
        list.push_back(std::move(*cue));
    }
    return ok();
}

}  // namespace

const std::vector<Cue>& Rules::list(std::string_view name) const {
    static const std::vector<Cue> empty;
    auto it = lists_.find(name);
    return it == lists_.end() ? empty : it->second;
}

bool Rules::contains(std::string_view name, std::string_view word) const {
    const auto& cues = list(name);
    return std::any_of(cues.begin(), cues.end(), [&](const Cue& c) { return !c.remove && c.pattern == word; });
}

const std::vector<std::string>& known_rule_lists() {
    static const std::vector<std::string> names = {
        "release_cues",
        "openness_cues",
        "other_model_words",
        "past_time_words",
        "launch_day_words",
        "body_arrival_words",
        "participle_heads",
        "entry_labels",
        "how_to_words",
        "every_model_phrases",
        "base_model_phrases",
        "exclusive_access_words",
        "model_context_words",
        "non_model_words",
        "personnel_nouns",
        "tier_words",
        "variant_words",
        "weights_cues",
        "rollout_verbs",
        "stage_words",
        "regions",
        "eval_doc_types",
        "eval_cues",
        "eval_verbs",
        "ranking_verbs",
        "job_ad_cues",
        "evaluators",
        "personnel_verbs",
        "personnel_lemmas",
        "continuing_words",
        "hedge_words",
        "roles",
        "analyst_firms",
        "analyst_ratings",
        "analyst_actions",
        "capex_phrases",
        "capex_directions",
        "license_aliases",
        "license_page_words",
        "non_model_context",
        "non_model_heads",
        "group_words",
        "role_words",
        "launch_verbs",
        "arrival_verbs",
        "negation_words",
        "contrast_words",
        "future_words",
        "release_stages",
        "evaluator_heads",
        "availability_cues",
        "withdrawal_words",
        "continuation_words",
        "eval_subject_cues",
        "weights_release_words",
        "evaluator_sources",
        "license_change_verbs",
        "license_replaced_marks",
        "launch_nouns",
        "creation_verbs",
        "score_words",
        "benchmark_words",
        "non_name_words",
        "incident_words",
        "first_person_moves",
        "api_channels",
        "tier_phrases",
    };
    return names;
}

Result<Rules> parse_rules(std::string_view text, std::string_view origin) {
    json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        return config_error(origin, "not valid JSON");
    }
    if (!doc.is_object()) {
        return config_error(origin, "top level must be an object with \"lists\"");
    }
    auto lists = doc.find("lists");
    if (lists == doc.end() || !lists->is_object()) {
        return config_error(origin, "missing \"lists\" object");
    }
    Rules rules;
    for (auto it = lists->begin(); it != lists->end(); ++it) {
        if (auto st = parse_list(rules, it.key(), it.value(), origin); !st) {
            return st.error();
        }
    }
    return rules;
}

void merge_rules(Rules& base, const Rules& overlay) {
    for (const auto& [name, cues] : overlay.lists()) {
        auto& target = base.mutable_list(name);
        for (const auto& cue : cues) {
            auto same =
                std::find_if(target.begin(), target.end(), [&](const Cue& c) { return c.pattern == cue.pattern; });
            if (cue.remove) {
                if (same != target.end()) {
                    target.erase(same);
                }
            } else if (same != target.end()) {
                *same = cue;
            } else {
                target.push_back(cue);
            }
        }
    }
}

Result<Rules> parse_rule_files(const std::vector<std::pair<std::string, std::string>>& files) {
    Rules merged;
    for (const auto& [origin, text] : files) {
        auto rules = parse_rules(text, origin);
        if (!rules) {
            return rules.error();
        }
        merge_rules(merged, *rules);
    }
    return merged;
}

}  // namespace fw::extract
