#include "ingest/github_adapter.h"

#include "domain/slug.h"
#include "ingest/github_rest.h"
#include "ingest/parsers_detail.h"

namespace fw::ingest {
namespace {

/// "https://github.com/owner/name/..." -> "owner/name" ("" when not a github.com URL).
std::string repo_of(std::string_view url) {
    const auto host = url.find("github.com/");
    if (host == std::string_view::npos)
        return {};
    std::string_view rest = url.substr(host + 11);
    const auto a = rest.find('/');
    if (a == std::string_view::npos || a == 0)
        return {};
    const auto b = rest.find_first_of("/?#", a + 1);
    return std::string(rest.substr(0, b));
}

/// The feed's own URL: rel="self" link, else the caller's base URL.
std::string self_url(const detail::XmlDocument& doc, const std::string& fallback) {
    const pugi::xml_node root = detail::root_element(doc);
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && detail::local_name(c) == "link" &&
            detail::attr(doc, c, "rel") == "self") {
            return detail::attr(doc, c, "href");
        }
    }
    return fallback;
}

/// "https://github.com/o/r/commits/main/LICENSE-MODEL.atom" -> "LICENSE-MODEL"; "" for a branch feed.
std::string watched_path(std::string_view feed_url) {
    const auto commits = feed_url.find("/commits/");
    if (commits == std::string_view::npos)
        return {};
    std::string_view rest = feed_url.substr(commits + 9);
    rest = rest.substr(0, rest.find_first_of("?#"));
    const auto slash = rest.find('/');  // skip the branch name
    if (slash == std::string_view::npos)
        return {};
    std::string_view path = rest.substr(slash + 1);
    if (path.size() > 5 && path.substr(path.size() - 5) == ".atom")
        path.remove_suffix(5);
    return std::string(path);
}

std::string after(std::string_view s, std::string_view marker) {
    const auto p = s.find(marker);
    return p == std::string_view::npos ? std::string{} : std::string(s.substr(p + marker.size()));
}

}  // namespace

Result<ParsedFeed> parse_github_releases(std::string_view body, const ParseOptions& opts) {
    if (looks_like_json(body))
        return parse_github_releases_json(body, opts.base_url);
    detail::XmlDocument doc;
    ParsedFeed feed;
    if (Status s = detail::load_atom(body, opts, doc, feed); !s)
        return s.error();
    const std::string feed_repo = repo_of(!feed.link.empty() ? feed.link : self_url(doc, opts.base_url));
    for (FeedEntry& e : feed.items) {
        // id: tag:github.com,2008:Repository/<numeric id>/<tag> (a tag may itself contain '/').
        std::string tag = after(e.id, ":Repository/");
        tag = tag.substr(std::min(tag.size(), tag.find('/') + 1));
        if (tag.empty())
            tag = after(e.link, "/releases/tag/");
        e.extra["tag"] = tag;
        e.extra["repo"] = !repo_of(e.link).empty() ? repo_of(e.link) : feed_repo;
    }
    return feed;
}

Result<ParsedFeed> parse_github_commits(std::string_view body, const ParseOptions& opts) {
    if (looks_like_json(body))
        return parse_github_commits_json(body, opts.base_url);
    detail::XmlDocument doc;
    ParsedFeed feed;
    if (Status s = detail::load_atom(body, opts, doc, feed); !s)
        return s.error();
    const std::string self = self_url(doc, opts.base_url);
    const std::string path = watched_path(!self.empty() ? self : opts.base_url);
    for (FeedEntry& e : feed.items) {
        std::string sha = after(e.id, "Commit/");
        if (sha.empty())
            sha = after(e.link, "/commit/");
        e.extra["commit_sha"] = sha;
        e.extra["repo"] = !repo_of(e.link).empty() ? repo_of(e.link) : repo_of(self);
        if (!path.empty())
            e.extra["path"] = path;
    }
    return feed;
}

}  // namespace fw::ingest
