// Questions and alert rules are JSON written by hand: comments allowed, errors precise.
#include "app/question_loader.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/questions.h"

namespace fw::app {
namespace {

using nlohmann::json;

Error config_error(const std::string& origin, std::string message) {
    return make_error(ErrorCode::Config, std::move(message), origin);
}

Result<json> parse_json(std::string_view text, const std::string& origin) {
    try {
        return json::parse(text.begin(), text.end(), nullptr, true, /*ignore_comments=*/true);
    } catch (const json::parse_error& e) {
        return config_error(origin, std::string("malformed JSON: ") + e.what());
    }
}

/// {"<section>": [...]}, a bare list, or a single object.
Result<json> entries_of(const json& doc, const char* section, const std::string& origin) {
    if (doc.is_object() && doc.contains(section)) {
        if (!doc[section].is_array())
            return config_error(origin, std::string("'") + section + "' is not a list");
        return doc[section];
    }
    if (doc.is_array())
        return doc;
    if (doc.is_object())
        return json::array({doc});
    return config_error(origin, std::string("expected an object with '") + section + "' or a list");
}

Result<std::string> param_text(const json& v) {
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_number_integer() || v.is_number_float() || v.is_boolean())
        return v.dump();
    if (v.is_array()) {
        std::string out;
        for (const json& item : v) {
            if (!item.is_string())
                return make_error(ErrorCode::Config, "lists may hold only text");
            out += (out.empty() ? "" : ",") + item.get<std::string>();
        }
        return out;
    }
    return make_error(ErrorCode::Config, "must be text, a number, true/false or a list of text");
}

Result<WatchQuestion> question_of(const json& entry, const std::string& origin) {
    if (!entry.is_object())
        return config_error(origin, "a question must be an object");
    auto text = [&](const char* key) {
        return entry.contains(key) && entry[key].is_string() ? entry[key].get<std::string>() : "";
    };
    WatchQuestion q{text("id"), text("text"), text("check"), {}};
    const std::string who = q.id.empty() ? "a question" : "question '" + q.id + "'";
    for (const char* key : {"id", "text", "check"}) {
        if (text(key).empty())
            return config_error(origin, who + ": missing or empty '" + key + "'");
    }
    if (entry.contains("params")) {
        if (!entry["params"].is_object())
            return config_error(origin, who + ": 'params' is not an object");
        for (const auto& [key, value] : entry["params"].items()) {
            auto v = param_text(value);
            if (!v)
                return config_error(origin, who + ": param '" + key + "' " + v.error().message);
            q.params[key] = *v;
        }
    }
    if (std::string problem = analysis::validate_question(q); !problem.empty()) {
        return config_error(origin, who + ": " + problem);
    }
    return q;
}

Result<std::vector<std::string>> text_list(const json& entry, const char* key, const std::string& who,
                                           const std::string& origin) {
    std::vector<std::string> out;
    if (!entry.contains(key))
        return out;
    if (!entry[key].is_array())
        return config_error(origin, who + ": '" + key + "' is not a list");
    for (const json& v : entry[key]) {
        if (!v.is_string())
            return config_error(origin, who + ": '" + key + "' must hold text");
        out.push_back(v.get<std::string>());
    }
    return out;
}

std::string channel_problem(const std::string& c) {
    if (c == "terminal" || c == "desktop")
        return {};
    if (c.starts_with("webhook:")) {
        const std::string url = c.substr(8);
        return url.starts_with("https://") || url.starts_with("http://") ? "" : "a webhook needs an http(s) URL";
    }
    if (c.starts_with("atom:"))
        return c.size() > 5 ? "" : "an atom channel needs a file";
    return "unknown channel (expected terminal, desktop, webhook:URL or atom:FILE)";
}

Result<AlertRule> rule_of(const json& entry, const std::string& origin) {
    if (!entry.is_object())
        return config_error(origin, "a rule must be an object");
    AlertRule r;
    r.id = entry.contains("id") && entry["id"].is_string() ? entry["id"].get<std::string>() : "";
    if (r.id.empty())
        return config_error(origin, "a rule: missing or empty 'id'");
    const std::string who = "rule '" + r.id + "'";
    r.name = entry.contains("name") && entry["name"].is_string() ? entry["name"].get<std::string>() : r.id;
    auto kinds = text_list(entry, "kinds", who, origin);
    auto labs = text_list(entry, "labs", who, origin);
    auto models = text_list(entry, "models", who, origin);
    auto channels = text_list(entry, "channels", who, origin);
    for (const auto* list : {&kinds, &labs, &models, &channels}) {
        if (!*list)
            return list->error();
    }
    r.kinds = *kinds;
    r.labs = *labs;
    r.models = *models;
    r.channels = *channels;
    for (const std::string& k : r.kinds) {
        if (!event_kind_from_string(k))
            return config_error(origin, who + ": unknown event kind '" + k + "'");
    }
    if (r.channels.empty())
        return config_error(origin, who + ": no 'channels'");
    for (const std::string& c : r.channels) {
        if (std::string problem = channel_problem(c); !problem.empty()) {
            return config_error(origin, who + ": channel '" + c + "': " + problem);
        }
    }
    if (entry.contains("question_changes")) {
        if (!entry["question_changes"].is_boolean())
            return config_error(origin, who + ": 'question_changes' is not true/false");
        r.question_changes = entry["question_changes"].get<bool>();
    }
    return r;
}

template <typename T, typename Parse>
Result<std::vector<T>> parse_list(std::string_view text, const std::string& origin, const char* section, Parse parse) {
    auto doc = parse_json(text, origin);
    if (!doc)
        return doc.error();
    auto entries = entries_of(*doc, section, origin);
    if (!entries)
        return entries.error();
    std::vector<T> out;
    for (const json& entry : *entries) {
        auto item = parse(entry, origin);
        if (!item)
            return item.error();
        const bool duplicate = std::any_of(out.begin(), out.end(), [&](const T& t) { return t.id == item->id; });
        if (duplicate)
            return config_error(origin, "duplicate id '" + item->id + "'");
        out.push_back(std::move(*item));
    }
    return out;
}

Result<std::string> read_question_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return config_error(path.string(), "cannot open the file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Adds items, a later one replacing an earlier one with the same id in place.
template <typename T>
void overlay(std::vector<T>& base, std::vector<T> items) {
    for (T& item : items) {
        auto it = std::find_if(base.begin(), base.end(), [&](const T& t) { return t.id == item.id; });
        if (it != base.end()) {
            *it = std::move(item);
        } else {
            base.push_back(std::move(item));
        }
    }
}

std::vector<std::filesystem::path> question_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "questions", ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

Result<std::vector<WatchQuestion>> parse_questions(std::string_view text, const std::string& origin) {
    return parse_list<WatchQuestion>(text, origin, "questions", question_of);
}

Result<std::vector<AlertRule>> parse_alert_rules(std::string_view text, const std::string& origin) {
    return parse_list<AlertRule>(text, origin, "rules", rule_of);
}

Result<std::vector<WatchQuestion>> load_questions(const std::vector<std::filesystem::path>& dirs) {
    std::vector<WatchQuestion> out;
    for (const auto& dir : dirs) {
        std::vector<WatchQuestion> from_dir;
        for (const auto& file : question_files(dir)) {
            auto text = read_question_text(file);
            if (!text)
                return text.error();
            auto questions = parse_questions(*text, file.string());
            if (!questions)
                return questions.error();
            for (const WatchQuestion& q : *questions) {
                const bool seen =
                    std::any_of(from_dir.begin(), from_dir.end(), [&](const auto& o) { return o.id == q.id; });
                if (seen)
                    return config_error(file.string(),
                                        "question '" + q.id + "' is also defined in another file of " + dir.string());
            }
            from_dir.insert(from_dir.end(), questions->begin(), questions->end());
        }
        overlay(out, std::move(from_dir));
    }
    return out;
}

Result<std::vector<AlertRule>> load_alert_rules(const std::vector<std::filesystem::path>& dirs) {
    std::vector<AlertRule> out;
    for (const auto& dir : dirs) {
        const auto file = dir / "alerts.json";
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec))
            continue;
        auto text = read_question_text(file);
        if (!text)
            return text.error();
        auto rules = parse_alert_rules(*text, file.string());
        if (!rules)
            return rules.error();
        overlay(out, std::move(*rules));
    }
    return out;
}

}  // namespace fw::app
