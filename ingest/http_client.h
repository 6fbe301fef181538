#pragma once
// One HTTP(S) or file:// GET at a time, with the safety rules every fetch obeys: TLS verified,
// at most 5 redirects and only to http/https, a decoded-size cap, timeouts for connect, total
// time and stalled transfers, conditional GET from stored validators. Many sources at once go
// through fw::ingest::Fetcher (fetcher.h), which applies the same rules (transfer.h).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/source.h"
#include "ingest/address_policy.h"

namespace fw::ingest {

inline constexpr std::size_t kDefaultMaxBytes = 32u * 1024u * 1024u;

struct HttpRequest {
    std::string url;
    std::string user_agent;
    HttpValidators validators;         ///< sent as If-None-Match / If-Modified-Since
    std::vector<std::string> headers;  ///< extra "Name: value" lines
    long connect_timeout_ms = 10000;
    long timeout_ms = 60000;
    long low_speed_bytes = 100;                ///< abort when slower than this many bytes/s ...
    long low_speed_seconds = 30;               ///< ... for this long
    std::size_t max_bytes = kDefaultMaxBytes;  ///< cap on the DECODED body
    int max_redirects = 5;
    /// What the store lets fetches reach (file://, internal addresses, userinfo); the default
    /// allows all. Checked on the address actually connected to, every redirect hop included.
    NetworkPolicy network;
};

struct HttpResponse {
    int status = 0;  ///< 200 for a file:// read; 304 when not modified
    std::string body;
    std::string content_type;
    std::string effective_url;
    HttpValidators validators;  ///< ETag and Last-Modified as answered (kept from the request on 304)
    std::optional<std::string> retry_after;
    std::optional<std::string> link_next;  ///< rel="next" target of a Link header
    /// Set when the answer came through redirects that were all permanent (301/308): where the
    /// resource now lives. A 302/307 anywhere in the chain leaves it empty.
    std::optional<std::string> moved_permanently_to;
    /// The server sent `Expires: 0` (its content is stale at once): its validators are not kept,
    /// so the next fetch asks unconditionally, as Miniflux does (robustness.md H8).
    bool expires_now = false;
    double elapsed_ms = 0.0;

    bool not_modified() const { return status == 304; }
};

class HttpClient {
public:
    HttpClient();

    /// GET. 2xx and 304 are values; 429/503 are Error{RateLimited} (message carries
    /// "Retry-After: ..."), other statuses >= 400 Error{HttpStatus}; transport failures
    /// Error{Network}, body over the cap Error{TooLarge}. Error context is the URL.
    Result<HttpResponse> get(const HttpRequest& request) const;

    /// POST with a JSON body (Content-Type: application/json); same rules as get().
    Result<HttpResponse> post_json(const HttpRequest& request, std::string_view json) const;
};

/// The target of the rel="next" link in an RFC 8288 Link header value, if any.
std::optional<std::string> parse_link_next(std::string_view header);

}  // namespace fw::ingest
