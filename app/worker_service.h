#pragma once
// One round of a `watch` worker when several share one database (docs/teams.md): claim due
// sources with a lease, book their hosts (politeness across workers), fetch and store them
// (app/fetch_service), give the leases back, then derive events, re-evaluate the questions and
// send alerts under a lock held by one worker at a time, so each event is derived once and
// each alert sent once whichever worker saw the item. A worker that dies leaves leases that
// expire; another worker then fetches those sources.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/fetch_round.h"
#include "app/fetch_service.h"
#include "domain/result.h"
#include "store/worker_store.h"

namespace fw::app {

struct WorkerOptions {
    std::string worker_id;  ///< unique among the workers; default_worker_id() when empty
    /// How to open a second connection for lease renewals while fetching (the --db value);
    /// empty: no renewals (the lease must outlast a round).
    std::string db_location;
    std::chrono::seconds lease{600};
    int batch = 50;  ///< sources claimed per round
    /// Minimum gap between request starts on one host, across all workers.
    std::chrono::milliseconds host_interval{1000};
    std::chrono::seconds lock_wait{120};  ///< longest wait for the derivation lock
    std::optional<std::string> edgar_contact;
    bool derive = true;  ///< derive events, questions and alerts after fetching
};

struct WorkerRound {
    int claimed = 0;
    int deferred = 0;  ///< claimed but given back: their host was busy with another worker
    FetchSummary fetched;
    int new_events = 0;
    int alerts_sent = 0;
    bool derived = false;  ///< false when the derivation lock was not had in time
    std::vector<std::string> warnings;
};

/// "<hostname>:<pid>".
std::string default_worker_id();

/// "scheme://host[:port]" of `url`; "" for file:// and URLs without a host.
std::string host_key(std::string_view url);

/// What a worker's round reaches in the store: what a fetch round declares (app/fetch_round.h)
/// and the leases, host bookings and the derivation lock shared by the workers.
struct WorkerStores {
    RoundStores round;
    store::WorkerStore& workers;

    static WorkerStores of(store::Store& store) { return {RoundStores::of(store), store}; }
};

/// One round at `now`. Errors only when the store fails before anything was fetched. Before
/// deriving, the taxonomy `inputs` refer to is reloaded from the store (other workers may
/// have discovered models).
Result<WorkerRound> run_worker_round(const WorkerStores& stores, const RoundInputs& inputs,
                                     const WorkerOptions& options, TimePoint now);
Result<WorkerRound> run_worker_round(AppContext& ctx, const WorkerOptions& options, TimePoint now);

}  // namespace fw::app
