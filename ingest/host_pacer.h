#pragma once
// Politeness for the requests made after a Fetcher run (next pages of a listing, linked
// articles): one request at a time per caller, and at least `interval` between two request
// starts on one origin (scheme://host:port), as the Fetcher keeps for the first requests.

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace fw::ingest {

/// scheme://host:port of a URL (the URL itself when it cannot be parsed).
std::string origin_of(std::string_view url);

class HostPacer {
public:
    explicit HostPacer(std::chrono::milliseconds interval) : interval_(interval) {}

    /// A request to this URL's origin started now (e.g. the Fetcher's first request).
    void mark(std::string_view url);
    /// Sleeps until `interval` has passed since the last start on this URL's origin, then
    /// marks it. Thread-safe; callers of different origins do not wait for each other's turn.
    void wait_turn(std::string_view url);
    /// Marks and returns true when `interval` has passed since the last start on this URL's
    /// origin; otherwise returns false without waiting and, when `wait` is given, sets it to the
    /// time left (for a caller that cannot sleep, such as the Fetcher's transfer loop sharing
    /// the spacing with follow-up requests).
    bool try_start(std::string_view url, std::chrono::steady_clock::duration* wait = nullptr);

    std::chrono::milliseconds interval() const { return interval_; }

private:
    std::chrono::milliseconds interval_;
    std::mutex mutex_;
    std::map<std::string, std::chrono::steady_clock::time_point> last_start_;
};

}  // namespace fw::ingest
