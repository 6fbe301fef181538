#pragma once
// The storage interface, implemented once over the repositories (store/repository_store.h)
// with a SQLite (store/sqlite_store.h) and a PostgreSQL (store/pg/pg_store.h) backend. It
// speaks domain types only: no SQL, no sqlite3 handles.
//
// Thread-safety: one Store per thread. Every method is one transaction unless noted.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/alert.h"
#include "domain/candidate.h"
#include "domain/event.h"
#include "domain/item.h"
#include "domain/price.h"
#include "domain/question.h"
#include "domain/result.h"
#include "domain/source.h"
#include "domain/taxonomy.h"

namespace fw::store {

/// One fetch attempt of one source, appended to the fetch log.
struct FetchLogEntry {
    std::int64_t source_id = 0;
    TimePoint started_at{};
    double duration_ms = 0;
    FetchStatus status = FetchStatus::Ok;
    std::optional<int> http_status;
    std::int64_t bytes = 0;
    int new_items = 0;
    std::optional<std::string> error;
};

/// What an upsert did: new items, changed items (a new version, the old one kept), unchanged.
struct UpsertStats {
    int inserted = 0;
    int changed = 0;
    int unchanged = 0;
    std::vector<std::int64_t> touched_ids;  ///< ids of inserted and changed items
};

struct ItemQuery {
    std::optional<std::string> source;     ///< source name
    std::optional<std::string> search;     ///< FTS5 query over title and text
    std::optional<std::int64_t> after_id;  ///< items with id > after_id, in id order (incremental work)
    int limit = 50;                        ///< <= 0: no limit
};

struct EventQuery {
    std::optional<EventKind> kind;
    std::optional<std::string> lab;
    std::optional<std::string> model;
    std::optional<TimePoint> since;
    bool include_rejected = true;
    int limit = 0;  ///< <= 0: no limit
};

struct CandidateQuery {
    std::optional<CandidateState> state = CandidateState::Open;  ///< nullopt: every state
    int limit = 0;                                               ///< <= 0: no limit
};

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

class Store {
public:
    virtual ~Store() = default;

    /// Problems found when opening that do not stop the store from working (a database on a
    /// network file system, WAL refused): the front ends show them.
    virtual std::vector<std::string> open_warnings() const { return {}; }

    /// Opens a batch; until it commits, the calls below join it. A store that cannot group
    /// (the default) returns a batch that does nothing: every call commits by itself.
    virtual Result<std::unique_ptr<WriteBatch>> begin_batch() {
        struct Unbatched final : WriteBatch {
            Status commit() override { return ok(); }
        };
        return std::unique_ptr<WriteBatch>(std::make_unique<Unbatched>());
    }

    // ---- sources ----
    /// Adds a source; Error{Invalid} when the name exists.
    virtual Result<std::int64_t> add_source(const Source& source) = 0;
    virtual Result<std::vector<Source>> list_sources() = 0;
    virtual Result<std::optional<Source>> find_source(std::string_view name) = 0;
    /// Removes a source; with purge also its items and the events only they support.
    virtual Status remove_source(std::string_view name, bool purge) = 0;
    /// Writes validators, interval, due time and health after a fetch.
    virtual Status save_source_state(const Source& source) = 0;
    /// `sources edit`: rewrites the settings of the source with `source.id` (name, url, kind,
    /// lab, every, interval, validators) in one transaction; health, due time and items stay.
    /// Error{Invalid} when another source (a removed one too) has the name, Error{NotFound}.
    virtual Status update_source(const Source& source) = 0;
    virtual Status log_fetch(const FetchLogEntry& entry) = 0;

    // ---- items ----
    /// Idempotent upsert keyed by (source, native_id); a changed content_hash keeps the
    /// previous version in item_versions. All or nothing.
    virtual Result<UpsertStats> upsert_items(std::int64_t source_id, std::span<const Item> items) = 0;
    /// Newest first (published, else fetched); with after_id, oldest id first. A search is
    /// matched word by word (punctuation is safe); a query SQLite still rejects is Error{Storage}.
    virtual Result<std::vector<Item>> list_items(const ItemQuery& query) = 0;
    virtual Result<std::vector<Item>> items_by_ids(std::span<const std::int64_t> ids) = 0;
    /// Earlier versions of an item, oldest first (the current one excluded).
    virtual Result<std::vector<Item>> item_versions(std::int64_t item_id) = 0;

    // ---- events ----
    /// Inserts or merges by dedupe_key: a new event is inserted; an existing one gains the new
    /// evidence rows (deduplicated by item/url) and, unless curated (confirmed, rejected,
    /// manual or edited), takes the new fields, confidence and time. Returns the event id.
    virtual Result<std::int64_t> upsert_event(const Event& event) = 0;
    /// The id of the event stored under `dedupe_key`, if any: a keyed lookup, so a caller can
    /// tell a new event from a merged one without loading the events.
    virtual Result<std::optional<std::int64_t>> find_event_id(std::string_view dedupe_key) = 0;
    /// Newest first (occurred_at, then id), each with its evidence.
    virtual Result<std::vector<Event>> list_events(const EventQuery& query) = 0;
    virtual Result<std::optional<Event>> find_event(std::int64_t id) = 0;
    virtual Status set_review(std::int64_t id, Review review) = 0;
    /// Replaces title/fields/time/entities of an event and marks it edited.
    virtual Status edit_event(const Event& event) = 0;
    /// Deletes every auto (uncurated, unedited) event; curated ones stay. For extract --rebuild.
    virtual Result<int> delete_auto_events() = 0;

    // ---- candidates: the review queue of facts not classified with confidence ----
    /// Inserts, or refreshes an open candidate with the same dedupe key; a confirmed or
    /// dismissed one keeps its state (curation survives a rebuild). Returns the id.
    virtual Result<std::int64_t> upsert_candidate(const Candidate& candidate) = 0;
    /// Newest first.
    virtual Result<std::vector<Candidate>> list_candidates(const CandidateQuery& query) = 0;
    virtual Result<std::optional<Candidate>> find_candidate(std::int64_t id) = 0;
    /// Error{NotFound} for an unknown id; `event_id` is the event a confirmation made.
    virtual Status set_candidate_state(std::int64_t id, CandidateState state, std::optional<std::int64_t> event_id) = 0;
    /// Deletes the open candidates (extract --rebuild derives them again); returns how many.
    virtual Result<int> delete_open_candidates() = 0;

    // ---- entities (taxonomy as loaded, plus discovered models) ----
    virtual Status save_taxonomy(const Taxonomy& taxonomy) = 0;
    virtual Result<Taxonomy> load_taxonomy() = 0;
    /// Adds a model discovered in a source; no-op if the slug is known.
    virtual Status add_discovered_model(const ModelInfo& model) = 0;

    // ---- prices ----
    virtual Result<int> upsert_prices(std::span<const PriceBar> bars) = 0;
    virtual Result<std::vector<PriceBar>> load_prices(std::string_view symbol) = 0;

    // ---- questions and alerts ----
    /// Stores the latest answers; returns those whose status changed since last time (a
    /// question seen for the first time counts as changed unless it is open).
    virtual Result<std::vector<QuestionAnswer>> save_answers(std::span<const QuestionAnswer> answers) = 0;
    /// Records a delivery unless its key exists; returns false when it was already there.
    virtual Result<bool> record_alert(const AlertDelivery& delivery) = 0;
    virtual Status update_alert(const AlertDelivery& delivery) = 0;
    /// Deliveries with status pending or failed (to retry).
    virtual Result<std::vector<AlertDelivery>> pending_alerts() = 0;
    virtual Result<std::vector<AlertDelivery>> list_alerts(int limit) = 0;

    // ---- key/value settings (last GUI visit, EDGAR contact, ...) ----
    virtual Result<std::optional<std::string>> get_setting(std::string_view key) = 0;
    virtual Status set_setting(std::string_view key, std::string_view value) = 0;

    // ---- workers: several `watch` processes over one database (docs/teams.md) ----
    /// Leases up to `limit` active sources that are due at `now` (due_at unset or <= now) and
    /// not leased by another worker (a lease whose time passed is free: its worker died), the
    /// most overdue first, to `worker` until now + lease. PostgreSQL: FOR UPDATE SKIP LOCKED.
    virtual Result<std::vector<Source>> claim_due_sources(std::string_view worker, TimePoint now,
                                                          std::chrono::seconds lease, int limit) = 0;
    /// Extends every lease `worker` holds to `until`; returns how many it holds.
    virtual Result<int> renew_leases(std::string_view worker, TimePoint until) = 0;
    /// Gives a source back unfetched (it stays due). No-op unless `worker` holds it.
    virtual Status release_lease(std::string_view worker, std::int64_t source_id) = 0;
    /// One transaction: saves the source's state, appends `log` and ends the lease. Returns
    /// false (writing nothing) when `worker` no longer holds the lease (it expired and another
    /// worker took the source over), so a fetch is recorded once.
    virtual Result<bool> complete_fetch(std::string_view worker, const Source& state, const FetchLogEntry& log) = 0;
    /// Politeness across workers: when `host` ("scheme://host:port") is free at `now_ms`
    /// (Unix milliseconds), books it until now_ms + span_ms and returns true; else false.
    virtual Result<bool> try_reserve_host(std::string_view host, std::int64_t now_ms, std::int64_t span_ms) = 0;
    /// Keeps every worker off `host` until `until_ms` at least (a Retry-After).
    virtual Status hold_host(std::string_view host, std::int64_t until_ms) = 0;
    /// A named lease: true when `owner` now holds `name` until now + lease (taken free or
    /// expired, or renewed by its holder); false while another owner's lease runs.
    virtual Result<bool> try_lock(std::string_view name, std::string_view owner, TimePoint now,
                                  std::chrono::seconds lease) = 0;
    /// Ends the named lease if `owner` holds it.
    virtual Status unlock(std::string_view name, std::string_view owner) = 0;

    virtual Result<StoreCounts> counts() = 0;
    /// Human-readable location (file path or URL without password).
    virtual std::string location() const = 0;
};

/// Opens (creating and migrating) the store named by `location`: a file path, ":memory:", or a
/// "postgresql://" / "postgres://" URL (libpq's syntax) for the PostgreSQL store (Error{Config}
/// when this build has no libpq).
Result<std::unique_ptr<Store>> open_store(const std::string& location);

}  // namespace fw::store
