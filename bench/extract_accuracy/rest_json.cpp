#include "rest_json.h"

#include <nlohmann/json.hpp>

#include "domain/time.h"

namespace fw::eval {
namespace {

std::string text_of(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// "owner/name" from https://github.com/owner/name/...; "" when the URL is not GitHub's.
std::string repo_of(const std::string& html_url) {
    constexpr std::string_view prefix = "https://github.com/";
    if (html_url.rfind(prefix, 0) != 0) {
        return {};
    }
    const auto rest = html_url.substr(prefix.size());
    const auto first = rest.find('/');
    if (first == std::string::npos) {
        return {};
    }
    const auto second = rest.find('/', first + 1);
    return rest.substr(0, second);
}

}  // namespace

Result<std::vector<FeedEntry>> github_rest_entries(std::string_view json, bool commits,
                                                   const std::string& watched_path,
                                                   const std::string& origin) {
    auto doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded() || !doc.is_array()) {
        return make_error(ErrorCode::Parse, origin + ": not a GitHub REST list (a JSON array)");
    }
    std::vector<FeedEntry> out;
    for (const auto& o : doc) {
        if (!o.is_object()) {
            continue;
        }
        FeedEntry e;
        e.link = text_of(o, "html_url");
        e.extra["repo"] = repo_of(e.link);
        if (commits) {
            const auto& c = o.value("commit", nlohmann::json::object());
            const auto message = text_of(c, "message");
            e.id = text_of(o, "sha");
            e.title = message.substr(0, message.find('\n'));
            e.summary = e.summary_text = message;
            if (auto author = c.value("author", nlohmann::json::object()); author.is_object()) {
                e.published = parse_iso8601(text_of(author, "date"));
            }
            e.extra["commit_sha"] = e.id;
            if (!watched_path.empty()) {
                e.extra["path"] = watched_path;
            }
        } else {
            e.id = o.contains("id") ? o["id"].dump() : std::string();
            const auto tag = text_of(o, "tag_name");
            const auto name = text_of(o, "name");
            e.title = name.empty() ? tag : name;
            e.summary = e.summary_text = text_of(o, "body");
            e.published = parse_iso8601(text_of(o, "published_at"));
            e.extra["tag"] = tag;
        }
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace fw::eval
