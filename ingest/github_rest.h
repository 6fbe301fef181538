#pragma once
// GitHub REST API listings (api.github.com, JSON arrays), read beside the .atom feeds:
// GET /repos/O/R/releases and GET /repos/O/R/commits[?path=P]. The adapter in github_adapter.h
// picks this reader when the body is JSON, so a source's kind stays github-releases/-commits.

#include <optional>
#include <string>
#include <string_view>

#include "domain/feed.h"
#include "domain/result.h"

namespace fw::ingest {

/// Releases: id = tag_name, title = name (tag_name when name is null or empty), link =
/// html_url, published = published_at (null for drafts; updated = created_at then),
/// content = content_text = body (Markdown, kept as text), authors = [author.login];
/// extra: tag, repo, prerelease, draft ("true"/"false"), release_id.
/// Format FeedFormat::GithubJson. A JSON error object ({"message": ...}) or a non-array is
/// Error{Parse} naming `source_url`.
Result<ParsedFeed> parse_github_releases_json(std::string_view body, std::string_view source_url);

/// Commits: id = sha, title = the message's first line, content = content_text = the whole
/// message, link = html_url, published = commit.author.date, updated = commit.committer.date,
/// authors = [commit.author.name]; extra: commit_sha, repo, and path when the listing's URL has
/// ?path= (the watched file).
Result<ParsedFeed> parse_github_commits_json(std::string_view body, std::string_view source_url);

/// True when a body is JSON (first non-blank byte '[' or '{'), not an Atom feed.
bool looks_like_json(std::string_view body);

/// "Authorization: Bearer <token>" for an https://api.github.com/ URL and a non-empty token;
/// nullopt for any other host, so the token never leaves for a mirror, a redirect or a test server.
std::optional<std::string> github_auth_header(std::string_view url, std::string_view token);

}  // namespace fw::ingest
