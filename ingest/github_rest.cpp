#include "ingest/github_rest.h"

#include <nlohmann/json.hpp>

#include "domain/slug.h"
#include "ingest/url.h"

namespace fw::ingest {
namespace {

using nlohmann::json;

std::string text(const json& obj, const char* key) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_boolean())
        return it->get<bool>() ? "true" : "false";
    if (it->is_number())
        return it->dump();
    return {};
}

const json& object_at(const json& obj, const char* key) {
    static const json empty = json::object();
    const auto it = obj.find(key);
    return it != obj.end() && it->is_object() ? *it : empty;
}

/// "https://github.com/owner/name/..." or "https://api.github.com/repos/owner/name/..." -> "owner/name".
std::string rest_repo_of(std::string_view url) {
    std::string_view rest;
    if (auto p = url.find("api.github.com/repos/"); p != std::string_view::npos) {
        rest = url.substr(p + 21);
    } else if (auto q = url.find("github.com/"); q != std::string_view::npos) {
        rest = url.substr(q + 11);
    } else {
        return {};
    }
    const auto a = rest.find('/');
    if (a == std::string_view::npos || a == 0)
        return {};
    const auto b = rest.find_first_of("/?#", a + 1);
    return std::string(rest.substr(0, b));
}

std::string percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) != 0 &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2])) != 0) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}

/// The `path` query parameter of a commits listing URL ("" when absent).
std::string path_param(std::string_view url) {
    const auto q = url.find('?');
    if (q == std::string_view::npos)
        return {};
    std::string_view query = url.substr(q + 1);
    query = query.substr(0, query.find('#'));
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto param = query.substr(0, amp);
        if (param.starts_with("path="))
            return percent_decode(param.substr(5));
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    }
    return {};
}

void read_time(const json& obj, const char* key, std::optional<TimePoint>& out, std::string& raw,
               std::vector<std::string>& warnings, const std::string& id) {
    raw = text(obj, key);
    if (raw.empty())
        return;
    out = parse_iso8601(raw);
    if (!out)
        warnings.push_back(std::string("unparseable ") + key + " '" + raw + "': " + id);
}

/// The array of a listing, or the error that explains why there is none.
Result<json> listing(std::string_view body, std::string_view source_url, const char* what) {
    const std::string where(source_url);
    const json doc = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        return make_error(ErrorCode::Parse, std::string("not JSON: GitHub ") + what + " listing expected", where);
    }
    if (doc.is_object() && doc.contains("message")) {
        return make_error(ErrorCode::Parse, "GitHub API error: " + text(doc, "message"), where);
    }
    if (!doc.is_array()) {
        return make_error(ErrorCode::Parse, std::string("a JSON array of ") + what + " expected", where);
    }
    return doc;
}

}  // namespace

bool looks_like_json(std::string_view body) {
    const auto start = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    return start != std::string_view::npos && (body[start] == '[' || body[start] == '{');
}

std::optional<std::string> github_auth_header(std::string_view url, std::string_view token) {
    if (token.empty() || !url.starts_with("https://api.github.com/"))
        return std::nullopt;
    // A token with a line break would smuggle a second header: refuse it.
    if (token.find_first_of("\r\n") != std::string_view::npos)
        return std::nullopt;
    return "Authorization: Bearer " + std::string(token);
}

Result<ParsedFeed> parse_github_releases_json(std::string_view body, std::string_view source_url) {
    auto doc = listing(body, source_url, "releases");
    if (!doc)
        return doc.error();
    ParsedFeed feed;
    feed.format = FeedFormat::GithubJson;
    feed.link = std::string(source_url);
    const std::string source_repo = rest_repo_of(source_url);
    feed.title = source_repo.empty() ? "GitHub releases" : source_repo + " releases";
    for (const json& r : *doc) {
        if (!r.is_object()) {
            feed.warnings.push_back("non-object release skipped");
            continue;
        }
        FeedEntry e;
        const std::string tag = text(r, "tag_name");
        e.id = tag;
        e.title = trim(text(r, "name")).empty() ? tag : std::string(trim(text(r, "name")));
        e.link = text(r, "html_url");
        read_time(r, "published_at", e.published, e.published_raw, feed.warnings, tag);
        if (!e.published)
            read_time(r, "created_at", e.updated, e.updated_raw, feed.warnings, tag);
        e.content = text(r, "body");
        e.content_text = e.content;
        if (auto login = text(object_at(r, "author"), "login"); !login.empty())
            e.authors.push_back(login);
        e.extra["tag"] = tag;
        e.extra["repo"] = !rest_repo_of(e.link).empty() ? rest_repo_of(e.link) : source_repo;
        e.extra["prerelease"] = text(r, "prerelease") == "true" ? "true" : "false";
        e.extra["draft"] = text(r, "draft") == "true" ? "true" : "false";
        e.extra["release_id"] = text(r, "id");
        feed.items.push_back(std::move(e));
    }
    return feed;
}

Result<ParsedFeed> parse_github_commits_json(std::string_view body, std::string_view source_url) {
    auto doc = listing(body, source_url, "commits");
    if (!doc)
        return doc.error();
    ParsedFeed feed;
    feed.format = FeedFormat::GithubJson;
    feed.link = std::string(source_url);
    const std::string source_repo = rest_repo_of(source_url);
    const std::string path = path_param(source_url);
    feed.title = source_repo.empty() ? "GitHub commits" : source_repo + " commits";
    for (const json& c : *doc) {
        if (!c.is_object()) {
            feed.warnings.push_back("non-object commit skipped");
            continue;
        }
        const json& commit = object_at(c, "commit");
        FeedEntry e;
        e.id = text(c, "sha");
        const std::string message = text(commit, "message");
        e.title = std::string(trim(std::string_view(message).substr(0, message.find('\n'))));
        e.content = message;
        e.content_text = message;
        e.link = text(c, "html_url");
        read_time(object_at(commit, "author"), "date", e.published, e.published_raw, feed.warnings, e.id);
        read_time(object_at(commit, "committer"), "date", e.updated, e.updated_raw, feed.warnings, e.id);
        if (auto name = text(object_at(commit, "author"), "name"); !name.empty())
            e.authors.push_back(name);
        e.extra["commit_sha"] = e.id;
        e.extra["repo"] = !rest_repo_of(e.link).empty() ? rest_repo_of(e.link) : source_repo;
        if (!path.empty())
            e.extra["path"] = path;
        feed.items.push_back(std::move(e));
    }
    return feed;
}

}  // namespace fw::ingest
