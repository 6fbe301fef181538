#pragma once
// Many sources at once over one libcurl multi handle (connection reuse, HTTP/2 multiplexing
// where offered). Politeness per host: a cap on parallel transfers and a minimum interval
// between request starts. Timeouts and 5xx are retried with exponential backoff and jitter;
// 429/503 honour Retry-After. All waiting is per host, so one slow or throttling host never
// delays the others. Every transfer follows HttpClient's rules (same setup code).

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "domain/result.h"
#include "domain/time.h"
#include "ingest/host_pacer.h"
#include "ingest/http_client.h"

namespace fw::ingest {

struct FetchJob {
    std::int64_t key = 0;  ///< the caller's id (e.g. source id), echoed in the result
    HttpRequest request;
};

struct FetchResult {
    std::int64_t key = 0;
    Result<HttpResponse> response;
    int attempts = 0;
    /// Set when the server asked for a pause longer than this run may wait (Retry-After): do
    /// not try again before then.
    std::optional<TimePoint> retry_not_before;
};

struct FetchProgress {
    int done = 0;
    int total = 0;
    int failed = 0;
};

struct FetcherOptions {
    int max_total = 16;                                 ///< transfers in flight overall
    int max_per_host = 2;                               ///< transfers in flight per scheme://host:port
    std::chrono::milliseconds min_host_interval{1000};  ///< between starts on one host
    int max_retries = 2;                                ///< extra attempts after a timeout, 5xx, 429 or 503
    std::chrono::milliseconds backoff_base{1000};       ///< first retry delay, doubled each time
    std::chrono::milliseconds backoff_cap{30000};
    double jitter = 0.2;                         ///< +- fraction applied to each backoff delay
    std::chrono::seconds max_retry_after{3600};  ///< Retry-After values are clamped to this
    /// A server-requested pause up to this long is waited out within the run; a longer one
    /// ends the job (and the host's other jobs) with retry_not_before.
    std::chrono::milliseconds max_wait_in_run{60000};
    std::uint64_t seed = 0;  ///< jitter random seed; 0 = nondeterministic
    /// Shared with the requests the caller makes during a streamed run (next pages, linked
    /// articles): a transfer to an http(s) host starts only when this pacer grants the host a
    /// turn (HostPacer::try_start), so both kinds of request keep one spacing per host.
    HostPacer* pacer = nullptr;
};

class Fetcher {
public:
    explicit Fetcher(FetcherOptions options = {});
    ~Fetcher();
    Fetcher(const Fetcher&) = delete;
    Fetcher& operator=(const Fetcher&) = delete;

    /// Fetches every job; results come back in job order. `on_progress` is called after each
    /// job finishes (successfully or not). Connections stay cached for the next run.
    std::vector<FetchResult> run(std::span<const FetchJob> jobs,
                                 const std::function<void(const FetchProgress&)>& on_progress = {});

    /// Fetches every job and hands each final result, once, to `on_result` on the calling
    /// thread as soon as it is taken (completion order, not job order), so a caller can store
    /// and free each body while the others are still in transfer. The transfers run on a
    /// worker thread meanwhile. Backpressure: while `options.queue_capacity` results wait to be
    /// taken, no new transfer starts, so the bodies held at once are bounded by the queue plus
    /// `max_total` in flight, whatever the number of jobs. `on_result` returns false to stop:
    /// transfers in flight are abandoned and nothing more is handed over. Returns the number of
    /// results handed over.
    struct StreamOptions {
        std::size_t queue_capacity = 16;
        /// Called on the calling thread when no result has arrived for `idle_after` (e.g. to
        /// end an open write transaction before a long network wait); once per wait.
        std::function<void()> on_idle;
        std::chrono::milliseconds idle_after{100};
    };
    int stream(std::span<const FetchJob> jobs, const std::function<bool(FetchResult&&)>& on_result,
               const StreamOptions& options);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace fw::ingest
