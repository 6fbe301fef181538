#pragma once
// GitHub Atom feeds (no API quota): releases.atom and commits/<branch>[/<path>].atom.
// Releases: extra "tag" (from the entry id, else the link) and "repo" ("owner/name").
// Commits: extra "commit_sha", "repo" and, when the feed URL shows it, "path" (the watched file).
// A JSON body (the REST API: api.github.com/repos/O/R/releases, .../commits?path=P) is read by
// github_rest.h instead, with the same extra keys: the format is told by content, not by URL.

#include <string_view>

#include "domain/feed.h"
#include "domain/result.h"
#include "ingest/feed_parser.h"

namespace fw::ingest {

Result<ParsedFeed> parse_github_releases(std::string_view body, const ParseOptions& opts = {});
Result<ParsedFeed> parse_github_commits(std::string_view body, const ParseOptions& opts = {});

}  // namespace fw::ingest
