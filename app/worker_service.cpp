#include "app/worker_service.h"

#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "app/extract_service.h"
#include "app/fetch_round.h"

namespace fw::app {
namespace {

constexpr const char* kDeriveLock = "derive";

std::int64_t unix_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

TimePoint wall_now() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

/// Renews this worker's leases from its own connection while the round fetches (one Store
/// per thread), so a slow fetch never lets a live worker's lease lapse.
class LeaseKeeper {
public:
    LeaseKeeper(const WorkerOptions& o) : options_(o) {
        if (!o.db_location.empty()) {
            thread_ = std::thread([this] { run(); });
        }
    }
    ~LeaseKeeper() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        if (thread_.joinable()) {
            thread_.join();
        }
    }
    LeaseKeeper(const LeaseKeeper&) = delete;
    LeaseKeeper& operator=(const LeaseKeeper&) = delete;

private:
    void run() {
        auto store = store::open_store(options_.db_location);
        if (!store) {
            return;  // the round still finishes well inside a lease in the common case
        }
        std::unique_lock<std::mutex> lock(mutex_);
        while (!wake_.wait_for(lock, options_.lease / 3, [this] { return stop_; })) {
            (void)(*store)->renew_leases(options_.worker_id, wall_now() + options_.lease);
        }
    }

    const WorkerOptions& options_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    std::thread thread_;
};

/// Books each host for its sources' requests; returns the sources whose host was had and gives
/// the others back (they stay due for the next round or another worker).
std::vector<Source> book_hosts(store::WorkerStore& store, const WorkerOptions& o, std::vector<Source> claimed,
                               WorkerRound& round) {
    std::map<std::string, std::vector<Source>> by_host;
    for (auto& s : claimed) {
        by_host[host_key(s.url)].push_back(std::move(s));
    }
    std::vector<Source> go;
    const std::int64_t now_ms = unix_ms();
    for (auto& [host, sources] : by_host) {
        bool booked = host.empty();  // local files need no politeness
        if (!booked) {
            const auto span = o.host_interval.count() * static_cast<std::int64_t>(sources.size());
            auto got = store.try_reserve_host(host, now_ms, span);
            booked = got && *got;
        }
        for (auto& s : sources) {
            if (booked) {
                go.push_back(std::move(s));
            } else {
                ++round.deferred;
                (void)store.release_lease(o.worker_id, s.id);
            }
        }
    }
    return go;
}

/// A 429/503 with Retry-After moved the source's due time; hold its host for everyone.
void hold_throttled_hosts(store::SourceStore& sources, store::WorkerStore& workers, const std::vector<Source>& fetched,
                          const FetchSummary& summary) {
    for (const auto& line : summary.sources) {
        if (line.status != FetchStatus::Failed || !line.http_status ||
            (*line.http_status != 429 && *line.http_status != 503)) {
            continue;
        }
        auto now = sources.find_source(line.name);
        if (now && *now && (**now).due_at) {
            const auto until =
                std::chrono::duration_cast<std::chrono::milliseconds>((**now).due_at->time_since_epoch()).count();
            (void)workers.hold_host(host_key(line.url), until);
        }
    }
    (void)fetched;
}

bool wait_for_lock(store::WorkerStore& store, const WorkerOptions& o) {
    const auto deadline = std::chrono::steady_clock::now() + o.lock_wait;
    for (;;) {
        auto got = store.try_lock(kDeriveLock, o.worker_id, wall_now(), o.lease);
        if (got && *got) {
            return true;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

/// Events from new items (after the shared watermark) and from this round's changed items,
/// then questions and alerts; the caller holds the derivation lock.
void derive(const RoundStores& stores, const RoundInputs& inputs, const std::vector<std::int64_t>& touched,
            TimePoint now, WorkerRound& round) {
    // Other workers may have discovered models since this one loaded the taxonomy.
    if (auto t = stores.fetch.entities.load_taxonomy(); t && !t->models.empty()) {
        inputs.extract.taxonomy = std::move(*t);
    }
    auto extracted = extract_new_items(stores.fetch.extraction(), inputs.extract, touched);
    if (!extracted) {
        round.warnings.push_back("extract: " + extracted.error().describe());
        return;
    }
    round.new_events = extracted->new_events;
    auto answered = answer_and_alert(stores.fetch.events, stores.fetch.prices, stores.alerts, inputs.answer,
                                     extracted->new_event_ids, now);
    round.alerts_sent = answered.alerts.sent;
    round.warnings.insert(round.warnings.end(), answered.warnings.begin(), answered.warnings.end());
}

}  // namespace

std::string default_worker_id() {
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0) {
        host[0] = '\0';
    }
    return std::string(host[0] ? host : "worker") + ":" + std::to_string(::getpid());
}

std::string host_key(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos || url.substr(0, scheme) == "file") {
        return "";
    }
    const auto end = url.find_first_of("/?#", scheme + 3);
    std::string key(url.substr(0, end == std::string_view::npos ? url.size() : end));
    for (char& c : key) {
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return key.size() > scheme + 3 ? key : "";
}

Result<WorkerRound> run_worker_round(AppContext& ctx, const WorkerOptions& options, TimePoint now) {
    return run_worker_round(WorkerStores::of(*ctx.store), RoundInputs::of(ctx), options, now);
}

Result<WorkerRound> run_worker_round(const WorkerStores& stores, const RoundInputs& inputs,
                                     const WorkerOptions& options, TimePoint now) {
    WorkerOptions o = options;
    if (o.worker_id.empty()) {
        o.worker_id = default_worker_id();
    }
    WorkerRound round;
    auto claimed = stores.workers.claim_due_sources(o.worker_id, now, o.lease, o.batch);
    if (!claimed) {
        return claimed.error();
    }
    round.claimed = static_cast<int>(claimed->size());
    const auto go = book_hosts(stores.workers, o, std::move(*claimed), round);
    if (!go.empty()) {
        LeaseKeeper keeper(o);
        FetchRequest req;
        req.now = now;
        req.edgar_contact = o.edgar_contact;
        req.derive_events = false;
        req.host_interval = o.host_interval;
        for (const auto& s : go) {
            req.names.push_back(s.name);
        }
        auto fetched = fetch_sources(stores.round.fetch, inputs.extract, req);
        // Saved states moved each due time forward: the sources are done for this period.
        for (const auto& s : go) {
            (void)stores.workers.release_lease(o.worker_id, s.id);
        }
        if (!fetched) {
            return fetched.error();
        }
        hold_throttled_hosts(stores.round.fetch.sources, stores.workers, go, *fetched);
        round.fetched = std::move(*fetched);
    }
    if (!o.derive) {
        return round;
    }
    if (!wait_for_lock(stores.workers, o)) {
        round.warnings.push_back("another worker held the derivation lock for " + std::to_string(o.lock_wait.count()) +
                                 "s; derivation deferred");
        return round;
    }
    derive(stores.round, inputs, round.fetched.touched_item_ids, now, round);
    round.derived = true;
    (void)stores.workers.unlock(kDeriveLock, o.worker_id);
    return round;
}

}  // namespace fw::app
