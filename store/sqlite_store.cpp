#include "store/sqlite_store.h"

#include <exception>
#include <utility>

#include "store/migrations.h"
#include "store/source_removal.h"

namespace fw::store {
namespace {

/// Runs `work` in one transaction: committed when it succeeds, rolled back when it returns an
/// Error or throws (a library's bad_alloc or similar must not cross the module boundary).
template <typename Work>
auto in_transaction(Database& db, Transaction::Mode mode, Work&& work) -> decltype(work()) {
    try {
        auto tx = Transaction::begin(db, mode);
        if (!tx) {
            return tx.error();
        }
        auto result = work();
        if (!result) {
            return result;
        }
        if (auto status = tx->commit(); !status) {
            return status.error();
        }
        return result;
    } catch (const std::exception& e) {
        return make_error(ErrorCode::Storage, std::string("unexpected failure: ") + e.what(), db.path());
    }
}

template <typename Work>
auto write(Database& db, Work&& work) {
    return in_transaction(db, Transaction::Mode::Write, std::forward<Work>(work));
}

// Reads that touch several statements share one snapshot.
template <typename Work>
auto read(Database& db, Work&& work) {
    return in_transaction(db, Transaction::Mode::Read, std::forward<Work>(work));
}

}  // namespace

SqliteStore::SqliteStore(Database db)
    : db_(std::move(db)),
      runner_(db_),
      sources_(runner_, sql::sqlite_dialect()),
      items_(runner_, sql::sqlite_dialect()),
      events_(runner_, sql::sqlite_dialect()),
      entities_(db_),
      prices_(runner_),
      alerts_(runner_, sql::sqlite_dialect()),
      candidates_(runner_),
      leases_(runner_, sql::sqlite_dialect(), sources_) {}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path) {
    auto db = Database::open(path);
    if (!db) {
        return db.error();
    }
    auto migrated = migrate(*db, schema_migrations());
    if (!migrated) {
        return migrated.error();
    }
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*db)));
}

// ---- sources ----

namespace {

class SqliteBatch final : public WriteBatch {
public:
    SqliteBatch(Database& db, ItemRepository& items, Transaction tx) : db_(&db), items_(&items), tx_(std::move(tx)) {}
    // Dropped uncommitted: the rows waiting for the search index are rolled back with it.
    ~SqliteBatch() override { items_->discard_pending(); }
    Status commit() override {
        if (!db_->in_transaction()) {
            // SQLite itself rolls a transaction back on some I/O errors and on a full disk.
            return make_error(ErrorCode::Storage, "the batch was rolled back by SQLite", db_->path());
        }
        // The batch's new items reach FTS5 in one statement, before the commit.
        if (auto indexed = items_->flush_search_index(); !indexed) {
            return indexed;
        }
        return tx_.commit();
    }

private:
    Database* db_;
    ItemRepository* items_;
    Transaction tx_;
};

}  // namespace

Result<std::unique_ptr<WriteBatch>> SqliteStore::begin_batch() {
    auto tx = Transaction::begin(db_, Transaction::Mode::Write);
    if (!tx) {
        return tx.error();
    }
    items_.discard_pending();
    return std::unique_ptr<WriteBatch>(std::make_unique<SqliteBatch>(db_, items_, std::move(*tx)));
}

Result<std::int64_t> SqliteStore::add_source(const Source& source) {
    return write(db_, [&] { return sources_.add(source); });
}

Result<std::vector<Source>> SqliteStore::list_sources() {
    return read(db_, [&] { return sources_.list(); });
}

Result<std::optional<Source>> SqliteStore::find_source(std::string_view name) {
    return read(db_, [&] { return sources_.find(name); });
}

Status SqliteStore::remove_source(std::string_view name, bool purge) {
    return write(db_, [&] { return store::remove_source(sources_, items_, events_, name, purge); });
}

Status SqliteStore::save_source_state(const Source& source) {
    return write(db_, [&] { return sources_.save_state(source); });
}

Status SqliteStore::update_source(const Source& source) {
    return write(db_, [&] { return sources_.update_settings(source); });
}

Status SqliteStore::log_fetch(const FetchLogEntry& entry) {
    return write(db_, [&] { return sources_.log_fetch(entry); });
}

// ---- items ----

Result<UpsertStats> SqliteStore::upsert_items(std::int64_t source_id, std::span<const Item> items) {
    // Inside a batch the new rows are indexed when it commits; alone, before this commit.
    const bool in_batch = db_.in_transaction();
    auto result = write(db_, [&]() -> Result<UpsertStats> {
        auto known = sources_.exists(source_id);
        if (!known) {
            return known.error();
        }
        if (!*known) {
            return make_error(ErrorCode::NotFound, "no such source", "source id " + std::to_string(source_id));
        }
        auto stats = items_.upsert(source_id, items);
        if (stats && !in_batch) {
            if (auto indexed = items_.flush_search_index(); !indexed) {
                return indexed.error();
            }
        }
        return stats;
    });
    if (!in_batch) {
        items_.discard_pending();  // empty after a commit; rolled back after a failure
    }
    return result;
}

Result<std::vector<Item>> SqliteStore::list_items(const ItemQuery& query) {
    return read(db_, [&] { return items_.list(query); });
}

Result<std::vector<Item>> SqliteStore::items_by_ids(std::span<const std::int64_t> ids) {
    return read(db_, [&] { return items_.by_ids(ids); });
}

Result<std::vector<Item>> SqliteStore::item_versions(std::int64_t item_id) {
    return read(db_, [&] { return items_.versions(item_id); });
}

// ---- events ----

Result<std::int64_t> SqliteStore::upsert_event(const Event& event) {
    return write(db_, [&] { return events_.upsert(event); });
}

Result<std::optional<std::int64_t>> SqliteStore::find_event_id(std::string_view dedupe_key) {
    return read(db_, [&] { return events_.id_of(dedupe_key); });
}

Result<std::vector<Event>> SqliteStore::list_events(const EventQuery& query) {
    return read(db_, [&] { return events_.list(query); });
}

Result<std::optional<Event>> SqliteStore::find_event(std::int64_t id) {
    return read(db_, [&] { return events_.find(id); });
}

Status SqliteStore::set_review(std::int64_t id, Review review) {
    return write(db_, [&] { return events_.set_review(id, review); });
}

Status SqliteStore::edit_event(const Event& event) {
    return write(db_, [&] { return events_.edit(event); });
}

Result<int> SqliteStore::delete_auto_events() {
    return write(db_, [&] { return events_.delete_auto(); });
}

// ---- candidates ----

Result<std::int64_t> SqliteStore::upsert_candidate(const Candidate& candidate) {
    return write(db_, [&] { return candidates_.upsert(candidate); });
}

Result<std::vector<Candidate>> SqliteStore::list_candidates(const CandidateQuery& query) {
    return read(db_, [&] { return candidates_.list(query); });
}

Result<std::optional<Candidate>> SqliteStore::find_candidate(std::int64_t id) {
    return read(db_, [&] { return candidates_.find(id); });
}

Status SqliteStore::set_candidate_state(std::int64_t id, CandidateState state, std::optional<std::int64_t> event_id) {
    return write(db_, [&] { return candidates_.set_state(id, state, event_id); });
}

Result<int> SqliteStore::delete_open_candidates() {
    return write(db_, [&] { return candidates_.delete_open(); });
}

// ---- entities ----

Status SqliteStore::save_taxonomy(const Taxonomy& taxonomy) {
    return write(db_, [&] { return entities_.save(taxonomy); });
}

Result<Taxonomy> SqliteStore::load_taxonomy() {
    return read(db_, [&] { return entities_.load(); });
}

Status SqliteStore::add_discovered_model(const ModelInfo& model) {
    return write(db_, [&] { return entities_.add_discovered_model(model); });
}

// ---- prices ----

Result<int> SqliteStore::upsert_prices(std::span<const PriceBar> bars) {
    return write(db_, [&] { return prices_.upsert(bars); });
}

Result<std::vector<PriceBar>> SqliteStore::load_prices(std::string_view symbol) {
    return read(db_, [&] { return prices_.load(symbol); });
}

// ---- questions, alerts, settings ----

Result<std::vector<QuestionAnswer>> SqliteStore::save_answers(std::span<const QuestionAnswer> answers) {
    return write(db_, [&] { return alerts_.save_answers(answers); });
}

Result<bool> SqliteStore::record_alert(const AlertDelivery& delivery) {
    return write(db_, [&] { return alerts_.record(delivery); });
}

Status SqliteStore::update_alert(const AlertDelivery& delivery) {
    return write(db_, [&] { return alerts_.update(delivery); });
}

Result<std::vector<AlertDelivery>> SqliteStore::pending_alerts() {
    return read(db_, [&] { return alerts_.pending(); });
}

Result<std::vector<AlertDelivery>> SqliteStore::list_alerts(int limit) {
    return read(db_, [&] { return alerts_.list(limit); });
}

Result<std::optional<std::string>> SqliteStore::get_setting(std::string_view key) {
    return read(db_, [&] { return alerts_.get_setting(key); });
}

Status SqliteStore::set_setting(std::string_view key, std::string_view value) {
    return write(db_, [&] { return alerts_.set_setting(key, value); });
}

// ---- workers (store/lease_repository.h, shared with PostgreSQL) ----
// One file is one machine's store, so these serialize through SQLite's write lock; enough for
// several processes on one host.

Result<std::vector<Source>> SqliteStore::claim_due_sources(std::string_view worker, TimePoint now,
                                                           std::chrono::seconds lease, int limit) {
    return write(db_, [&] { return leases_.claim_due(worker, now, lease, limit); });
}

Result<int> SqliteStore::renew_leases(std::string_view worker, TimePoint until) {
    return write(db_, [&] { return leases_.renew(worker, until); });
}

Status SqliteStore::release_lease(std::string_view worker, std::int64_t source_id) {
    return write(db_, [&]() -> Status {
        auto released = leases_.release(worker, source_id);
        return released ? ok() : Status(released.error());
    });
}

Result<bool> SqliteStore::complete_fetch(std::string_view worker, const Source& state, const FetchLogEntry& log) {
    return write(db_, [&] { return leases_.complete_fetch(worker, state, log); });
}

Result<bool> SqliteStore::try_reserve_host(std::string_view host, std::int64_t now_ms, std::int64_t span_ms) {
    return write(db_, [&] { return leases_.try_reserve_host(host, now_ms, span_ms); });
}

Status SqliteStore::hold_host(std::string_view host, std::int64_t until_ms) {
    return write(db_, [&] { return leases_.hold_host(host, until_ms); });
}

Result<bool> SqliteStore::try_lock(std::string_view name, std::string_view owner, TimePoint now,
                                   std::chrono::seconds lease) {
    return write(db_, [&] { return leases_.try_lock(name, owner, now, lease); });
}

Status SqliteStore::unlock(std::string_view name, std::string_view owner) {
    return write(db_, [&] { return leases_.unlock(name, owner); });
}

Result<StoreCounts> SqliteStore::counts() {
    return read(db_, [&]() -> Result<StoreCounts> {
        StoreCounts c;
        const std::pair<std::int64_t*, Result<std::int64_t> (*)(SqliteStore&)> parts[] = {
            {&c.sources, [](SqliteStore& s) { return s.sources_.count(); }},
            {&c.items, [](SqliteStore& s) { return s.items_.count(); }},
            {&c.item_versions, [](SqliteStore& s) { return s.items_.count_versions(); }},
            {&c.events, [](SqliteStore& s) { return s.events_.count(); }},
            {&c.evidence, [](SqliteStore& s) { return s.events_.count_evidence(); }},
            {&c.prices, [](SqliteStore& s) { return s.prices_.count(); }},
            {&c.entities, [](SqliteStore& s) { return s.entities_.count(); }},
            {&c.alerts, [](SqliteStore& s) { return s.alerts_.count(); }},
            {&c.fetch_log, [](SqliteStore& s) { return s.sources_.count_fetch_log(); }},
        };
        for (const auto& [slot, count] : parts) {
            auto n = count(*this);
            if (!n) {
                return n.error();
            }
            *slot = *n;
        }
        return c;
    });
}

}  // namespace fw::store
