#pragma once
// The storage interface, implemented once over the repositories (store/repository_store.h)
// with a SQLite (store/sqlite_store.h) and a PostgreSQL (store/pg/pg_store.h) backend. It
// speaks domain types only: no SQL, no sqlite3 handles.
//
// Store is the composition of one small interface per aggregate (sources and the fetch log,
// items, events, candidates, entities, prices, answers and alerts, settings, workers), each in
// its own header. A use case takes the narrowest of them it needs (an alert service takes an
// AlertStore), so it can be tested with a fake of that aggregate alone and cannot reach the
// rest; what needs several aggregates in one commit, or the whole store, takes Store.
//
// Thread-safety: one Store per thread. Every method is one transaction unless noted.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "domain/result.h"
#include "store/alert_store.h"
#include "store/candidate_store.h"
#include "store/entity_store.h"
#include "store/event_store.h"
#include "store/item_store.h"
#include "store/price_store.h"
#include "store/setting_store.h"
#include "store/source_store.h"
#include "store/worker_store.h"

namespace fw::store {

/// Counts of every table, for `db copy` checks and health displays. `sources` counts the
/// active ones (a source removed without purge stays as a hidden row for its items).
struct StoreCounts {
    std::int64_t sources = 0, items = 0, item_versions = 0, events = 0, evidence = 0, prices = 0, entities = 0,
                 alerts = 0, fetch_log = 0;
};

/// Store calls grouped into one commit. Storing 2,000 fetched feeds one commit each spent more
/// time committing than writing; a batch of a few dozen sources commits once. Each call made
/// inside stays all-or-nothing on its own (a savepoint where the store nests them), so one
/// failing source still rolls back alone. Dropped without commit(): what it holds is undone.
class WriteBatch {
public:
    virtual ~WriteBatch() = default;
    virtual Status commit() = 0;
};

class Store : public SourceStore,
              public ItemStore,
              public EventStore,
              public CandidateStore,
              public EntityStore,
              public PriceStore,
              public AlertStore,
              public SettingStore,
              public WorkerStore {
public:
    virtual ~Store() = default;

    /// Problems found when opening that do not stop the store from working (a database on a
    /// network file system, WAL refused): the front ends show them.
    virtual std::vector<std::string> open_warnings() const { return {}; }

    /// Opens a batch; until it commits, the store's calls join it. A store that cannot group
    /// (the default) returns a batch that does nothing: every call commits by itself.
    virtual Result<std::unique_ptr<WriteBatch>> begin_batch() {
        struct Unbatched final : WriteBatch {
            Status commit() override { return ok(); }
        };
        return std::unique_ptr<WriteBatch>(std::make_unique<Unbatched>());
    }

    virtual Result<StoreCounts> counts() = 0;
    /// Human-readable location (file path or URL without password).
    virtual std::string location() const = 0;
};

/// Opens (creating and migrating) the store named by `location`: a file path, ":memory:", or a
/// "postgresql://" / "postgres://" URL (libpq's syntax) for the PostgreSQL store (Error{Config}
/// when this build has no libpq).
Result<std::unique_ptr<Store>> open_store(const std::string& location);

}  // namespace fw::store
