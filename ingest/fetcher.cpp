#include "ingest/fetcher.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <unordered_map>

#include "ingest/host_pacer.h"
#include "ingest/schedule.h"
#include "ingest/transfer.h"

namespace fw::ingest {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::duration_cast;
using std::chrono::milliseconds;
using std::chrono::seconds;

struct CurlMultiDeleter {
    void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
};

TimePoint wall_now() {
    return std::chrono::floor<seconds>(std::chrono::system_clock::now());
}

struct JobState {
    const FetchJob* job = nullptr;
    std::size_t index = 0;  ///< position in the job list
    std::size_t host = 0;   ///< index into Run::hosts_
    int attempts = 0;
    Clock::time_point not_before{};
    std::unique_ptr<detail::Transfer> transfer;
};

/// Where a Run puts each final result, and whether it may start more transfers.
struct Sink {
    std::function<void(std::size_t index, FetchResult&&)> deliver;
    std::function<bool()> full;               ///< no new transfer starts while true
    const std::atomic<bool>* stop = nullptr;  ///< the run ends early when set
};

// Jobs wait in their host's queue, so one pass of the scheduler costs O(hosts), not O(jobs):
// with 2,000 feeds the old flat list was rescanned on every wake-up, which dominated a run
// where every feed answers 304.
struct HostState {
    std::deque<JobState*> queue;  ///< waiting jobs, in submission order (retries at the back)
    int active = 0;
    bool is_file = false;
    Clock::time_point next_start{};
    Clock::time_point paused_until{};  ///< a pause longer than the run may wait
    TimePoint paused_until_wall{};
};

}  // namespace

namespace {

// The state of one Fetcher::run call: pending jobs, transfers in flight, hosts.
class Run {
public:
    Run(const FetcherOptions& options, CURLM* multi, std::mt19937_64& rng, std::span<const FetchJob> jobs,
        const std::function<void(const FetchProgress&)>& on_progress, Sink sink)
        : opt_(options),
          multi_(multi),
          rng_(rng),
          on_progress_(on_progress),
          sink_(std::move(sink)),
          states_(jobs.size()) {
        std::unordered_map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            // Politeness is per origin: scheme://host:port (127.0.0.1 and 127.0.0.2 are two hosts).
            const std::string key = origin_of(jobs[i].request.url);
            auto [it, added] = index.try_emplace(key, hosts_.size());
            if (added) {
                hosts_.emplace_back().is_file = key.rfind("file://", 0) == 0;
            }
            states_[i].job = &jobs[i];
            states_[i].index = i;
            states_[i].host = it->second;
            hosts_[it->second].queue.push_back(&states_[i]);
        }
        progress_.total = static_cast<int>(jobs.size());
    }

    // A run stopped early leaves transfers in the shared multi handle; take them out before
    // they are freed (the handle serves the next run).
    ~Run() {
        for (const auto& [easy, state] : in_flight_) {
            curl_multi_remove_handle(multi_, easy);
        }
    }
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    void execute() {
        while (progress_.done < progress_.total && !stopped()) {
            const bool full = sink_.full && sink_.full();
            if (!full) {
                start_ready(Clock::now());
            }
            int running = 0;
            curl_multi_perform(multi_, &running);
            harvest();
            if (progress_.done < progress_.total && !stopped()) {
                // While the sink is full, jobs ready to start must not make this a busy loop:
                // wait for a transfer or for the consumer's wake-up (curl_multi_wakeup).
                curl_multi_poll(multi_, nullptr, 0, full ? 100 : wait_ms(Clock::now()), nullptr);
            }
        }
    }

private:
    // Starts what the caps and each host's spacing allow. The first host visited rotates, so
    // with a global cap below the number of hosts no host is always served last.
    void start_ready(Clock::time_point now) {
        const std::size_t n = hosts_.size();
        for (std::size_t k = 0; k < n; ++k) {
            HostState& host = hosts_[(first_host_ + k) % n];
            if (host.paused_until > now) {
                drop_paused(host);
                continue;
            }
            while (!host.queue.empty() && active_ < opt_.max_total && host.active < opt_.max_per_host &&
                   (host.is_file || now >= host.next_start)) {
                auto ready = std::find_if(host.queue.begin(), host.queue.end(),
                                          [&](const JobState* s) { return now >= s->not_before; });
                if (ready == host.queue.end()) {
                    break;
                }
                JobState& s = **ready;
                Clock::duration turn_in{};
                if (!host.is_file && opt_.pacer != nullptr && !opt_.pacer->try_start(s.job->request.url, &turn_in)) {
                    // A follow-up request of the caller just used this host's turn: wait for the
                    // next one (next_start also keeps wait_ms from spinning meanwhile).
                    host.next_start = std::max(host.next_start, now + turn_in);
                    break;
                }
                host.queue.erase(ready);
                start(s, host, now);
            }
        }
        first_host_ = n == 0 ? 0 : (first_host_ + 1) % n;
    }

    // The host asked for a pause longer than this run waits: do not ask again.
    void drop_paused(HostState& host) {
        while (!host.queue.empty()) {
            JobState& s = *host.queue.front();
            host.queue.pop_front();
            finish(s,
                   make_error(ErrorCode::RateLimited,
                              "not fetched: the host asked to wait until " + format_rfc3339(host.paused_until_wall),
                              s.job->request.url),
                   host.paused_until_wall);
        }
    }

    void start(JobState& s, HostState& host, Clock::time_point now) {
        ++s.attempts;
        auto transfer = detail::Transfer::create(s.job->request);
        if (!transfer) {
            finish(s, transfer.error(), std::nullopt);
            return;
        }
        s.transfer = std::move(*transfer);
        curl_multi_add_handle(multi_, s.transfer->handle());
        in_flight_[s.transfer->handle()] = &s;
        ++host.active;
        ++active_;
        host.next_start = now + opt_.min_host_interval;
    }

    void harvest() {
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
            if (msg->msg != CURLMSG_DONE) {
                continue;
            }
            CURL* easy = msg->easy_handle;
            const CURLcode code = msg->data.result;
            JobState& s = *in_flight_.at(easy);
            in_flight_.erase(easy);
            curl_multi_remove_handle(multi_, easy);
            --hosts_[s.host].active;
            --active_;
            settle(s, s.transfer->finish(code), Clock::now());
        }
    }

    // Success, final failure, or back into the queue after a per-host wait.
    void settle(JobState& s, Result<HttpResponse> response, Clock::time_point now) {
        if (response) {
            finish(s, std::move(response), std::nullopt);
            return;
        }
        const detail::Transfer& t = *s.transfer;
        const int status = t.http_status();
        const bool throttled = status == 429 || status == 503;
        const bool retryable = throttled || status >= 500 || t.curl_code() == CURLE_OPERATION_TIMEDOUT;
        std::optional<seconds> wait;
        if (throttled && t.retry_after()) {
            wait = parse_retry_after(*t.retry_after(), wall_now());
            if (wait) {
                wait = std::min(*wait, opt_.max_retry_after);
            }
        }
        HostState& host = hosts_[s.host];
        if (wait && *wait > opt_.max_wait_in_run) {
            host.paused_until = now + *wait;
            host.paused_until_wall = wall_now() + *wait;
            finish(s, std::move(response), host.paused_until_wall);
            return;
        }
        if (!retryable || s.attempts > opt_.max_retries) {
            finish(s, std::move(response), wait ? std::optional(wall_now() + *wait) : std::nullopt);
            return;
        }
        const milliseconds delay = wait ? duration_cast<milliseconds>(*wait) : backoff(s.attempts);
        s.not_before = now + delay;
        host.next_start = std::max(host.next_start, now + delay);  // the whole host backs off
        s.transfer.reset();
        host.queue.push_back(&s);
    }

    milliseconds backoff(int attempt) {
        milliseconds delay = opt_.backoff_base;
        for (int i = 1; i < attempt && delay < opt_.backoff_cap; ++i) {
            delay *= 2;
        }
        delay = std::min(delay, opt_.backoff_cap);
        if (opt_.jitter > 0.0) {
            std::uniform_real_distribution<double> spread(1.0 - opt_.jitter, 1.0 + opt_.jitter);
            delay = milliseconds(static_cast<long long>(static_cast<double>(delay.count()) * spread(rng_)));
        }
        return delay;
    }

    void finish(JobState& s, Result<HttpResponse> response, std::optional<TimePoint> retry_not_before) {
        if (!response) {
            ++progress_.failed;
        }
        s.transfer.reset();
        ++progress_.done;
        sink_.deliver(s.index, FetchResult{s.job->key, std::move(response), s.attempts, retry_not_before});
        if (on_progress_) {
            on_progress_(progress_);
        }
    }

    bool stopped() const { return sink_.stop != nullptr && sink_.stop->load(std::memory_order_relaxed); }

    // How long libcurl may block: until the next queued job could start, at most 100 ms.
    int wait_ms(Clock::time_point now) const {
        auto earliest = now + milliseconds(100);
        for (const HostState& host : hosts_) {
            if (host.queue.empty() || host.active >= opt_.max_per_host) {
                continue;
            }
            auto job_ready = host.queue.front()->not_before;
            for (const JobState* s : host.queue) {  // usually stops at once: fresh jobs are ready
                job_ready = std::min(job_ready, s->not_before);
                if (job_ready <= now) {
                    break;
                }
            }
            earliest = std::min(earliest, std::max(job_ready, host.is_file ? now : host.next_start));
        }
        return static_cast<int>(std::max<long long>(0, duration_cast<milliseconds>(earliest - now).count()));
    }

    const FetcherOptions& opt_;
    CURLM* multi_;
    std::mt19937_64& rng_;
    const std::function<void(const FetchProgress&)>& on_progress_;
    Sink sink_;
    std::vector<JobState> states_;
    std::vector<HostState> hosts_;
    std::size_t first_host_ = 0;
    std::unordered_map<CURL*, JobState*> in_flight_;
    FetchProgress progress_;
    int active_ = 0;
};

}  // namespace

struct Fetcher::Impl {
    FetcherOptions options;
    std::unique_ptr<CURLM, CurlMultiDeleter> multi;  // one for all runs: connections are reused
    std::mt19937_64 rng;
};

Fetcher::Fetcher(FetcherOptions options) : impl_(std::make_unique<Impl>()) {
    detail::ensure_curl_initialized();
    impl_->options = options;
    impl_->options.max_total = std::max(1, options.max_total);
    impl_->options.max_per_host = std::max(1, options.max_per_host);
    impl_->rng.seed(options.seed != 0 ? options.seed : std::random_device{}());
    impl_->multi.reset(curl_multi_init());
    CURLM* m = impl_->multi.get();
    curl_multi_setopt(m, CURLMOPT_PIPELINING, static_cast<long>(CURLPIPE_MULTIPLEX));
    curl_multi_setopt(m, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(impl_->options.max_total));
    curl_multi_setopt(m, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(impl_->options.max_per_host));
}

Fetcher::~Fetcher() = default;

std::vector<FetchResult> Fetcher::run(std::span<const FetchJob> jobs,
                                      const std::function<void(const FetchProgress&)>& on_progress) {
    std::vector<std::optional<FetchResult>> slots(jobs.size());
    Sink sink{[&](std::size_t index, FetchResult&& r) { slots[index].emplace(std::move(r)); }, {}, nullptr};
    Run(impl_->options, impl_->multi.get(), impl_->rng, jobs, on_progress, std::move(sink)).execute();
    std::vector<FetchResult> results;
    results.reserve(slots.size());
    for (auto& slot : slots) {
        results.push_back(std::move(*slot));
    }
    return results;
}

namespace {

/// The hand-over between the transfer thread and the caller's thread. It never blocks the
/// transfer thread: a transfer that completes while the queue is full still goes in (so the
/// queue holds at most capacity + max_total); fullness only keeps new transfers from starting.
class ResultQueue {
public:
    ResultQueue(std::size_t capacity, CURLM* multi) : capacity_(std::max<std::size_t>(1, capacity)), multi_(multi) {}

    void push(FetchResult&& r) {
        {
            const std::lock_guard lock(mutex_);
            queue_.push_back(std::move(r));
        }
        ready_.notify_one();
    }
    bool full() {
        const std::lock_guard lock(mutex_);
        return queue_.size() >= capacity_;
    }
    void close(std::exception_ptr error) {
        {
            const std::lock_guard lock(mutex_);
            closed_ = true;
            error_ = std::move(error);
        }
        ready_.notify_one();
    }

    /// The next result; nullopt once the producer closed and everything was taken. `on_idle`
    /// runs (unlocked) once when nothing arrived within `idle_after`.
    std::optional<FetchResult> take(const Fetcher::StreamOptions& options) {
        std::unique_lock lock(mutex_);
        const auto has_work = [&] { return !queue_.empty() || closed_; };
        if (options.on_idle && !ready_.wait_for(lock, options.idle_after, has_work)) {
            lock.unlock();
            options.on_idle();
            lock.lock();
        }
        ready_.wait(lock, has_work);
        if (queue_.empty()) {
            if (error_) {
                std::rethrow_exception(error_);
            }
            return std::nullopt;
        }
        const bool was_full = queue_.size() >= capacity_;
        FetchResult r = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        if (was_full) {
            curl_multi_wakeup(multi_);  // the transfer loop may start the next job now
        }
        return r;
    }

private:
    std::size_t capacity_;
    CURLM* multi_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<FetchResult> queue_;
    bool closed_ = false;
    std::exception_ptr error_;
};

}  // namespace

int Fetcher::stream(std::span<const FetchJob> jobs, const std::function<bool(FetchResult&&)>& on_result,
                    const StreamOptions& options) {
    CURLM* multi = impl_->multi.get();
    ResultQueue queue(options.queue_capacity, multi);
    std::atomic<bool> stop{false};
    const std::function<void(const FetchProgress&)> no_progress;
    Sink sink{[&](std::size_t, FetchResult&& r) { queue.push(std::move(r)); }, [&] { return queue.full(); }, &stop};
    std::thread transfers([&] {
        std::exception_ptr error;
        try {
            Run(impl_->options, multi, impl_->rng, jobs, no_progress, std::move(sink)).execute();
        } catch (...) {
            error = std::current_exception();  // rethrown on the caller's thread
        }
        queue.close(error);
    });
    // Whatever ends the loop below (done, stopped, an exception from on_result or the transfer
    // thread), the transfer thread is told to stop and joined before the queue goes away.
    struct Join {
        std::thread& thread;
        std::atomic<bool>& stop;
        CURLM* multi;
        ~Join() {
            stop = true;
            curl_multi_wakeup(multi);
            thread.join();
        }
    } join{transfers, stop, multi};
    int handed = 0;
    while (auto r = queue.take(options)) {
        ++handed;
        if (!on_result(std::move(*r))) {
            break;
        }
    }
    return handed;
}

}  // namespace fw::ingest
