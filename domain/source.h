#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.h"

namespace fw {

enum class SourceKind { Feed, HfAuthor, GithubReleases, GithubCommits, Edgar, Arxiv, Prices, Page };

/// Contract names: feed, hf-author, github-releases, github-commits, edgar, arxiv, prices, page.
std::string_view to_string(SourceKind kind);
std::optional<SourceKind> source_kind_from_string(std::string_view text);

/// How the last fetch of a source ended. Contract names: ok, not_modified, failed (the JSON
/// output, the fetch log and the sources table store these words).
enum class FetchStatus { Ok, NotModified, Failed };

std::string_view to_string(FetchStatus status);
/// nullopt for any other word: a reader decides what an unknown stored value means.
std::optional<FetchStatus> fetch_status_from_string(std::string_view text);

/// HTTP validators kept per source for conditional GET.
struct HttpValidators {
    std::string etag;
    std::string last_modified;
};

struct SourceHealth {
    std::optional<TimePoint> last_fetch_at;
    std::optional<FetchStatus> last_status;  ///< nullopt: never fetched
    std::optional<int> http_status;
    int consecutive_failures = 0;
    std::optional<std::string> last_error;
    std::optional<TimePoint> newest_item_at;
    /// Where the last fetches were permanently redirected (301/308 only), and how many fetches
    /// in a row said the same; the URL itself moves only after several (see app/fetch_service).
    std::string redirect_url;
    int redirect_count = 0;
};

struct Source {
    std::int64_t id = 0;
    std::string name;
    std::string url;
    SourceKind kind = SourceKind::Feed;
    std::optional<std::string> lab;             ///< lab slug
    std::optional<std::string> category;        ///< OPML folder
    std::optional<std::int64_t> every_seconds;  ///< user override of the interval
    std::int64_t interval_seconds = 3600;       ///< current (adaptive) interval
    std::optional<TimePoint> due_at;            ///< next fetch; nullopt = due now
    HttpValidators validators;
    SourceHealth health;
};

}  // namespace fw
