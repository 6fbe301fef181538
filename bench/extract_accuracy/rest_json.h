#pragma once
// GitHub REST captures (GET /repos/O/R/releases and /commits) as feed entries. ingest/ reads
// GitHub's Atom feeds only, so the evaluation maps the REST shape itself, to the same entry
// fields and extra keys the Atom adapter (ingest/github_adapter.h) sets: a release's title is
// its name, else its tag, and its id the release id; a commit's title is the message's first
// line and its id the sha.

#include <string>
#include <string_view>
#include <vector>

#include "domain/feed.h"
#include "domain/result.h"

namespace fw::eval {

/// `watched_path` is the file a path-filtered commits capture watched ("" when unfiltered).
Result<std::vector<FeedEntry>> github_rest_entries(std::string_view json, bool commits,
                                                   const std::string& watched_path,
                                                   const std::string& origin);

}  // namespace fw::eval
