#pragma once
// store::Store written once over the repositories (store/*_repository.h) for SQLite and
// PostgreSQL. A backend gives it a sql::Runner, its sql::Dialect and one thing more: how a
// call becomes one transaction (transact). Connections, batches and locking stay in the
// backend (store/sqlite_store.h, store/pg/pg_store.h).

#include <functional>

#include "store/alert_repository.h"
#include "store/candidate_repository.h"
#include "store/entity_repository.h"
#include "store/event_repository.h"
#include "store/item_repository.h"
#include "store/lease_repository.h"
#include "store/price_repository.h"
#include "store/source_repository.h"
#include "store/sql_dialect.h"
#include "store/sql_runner.h"
#include "store/store.h"

namespace fw::store {

class RepositoryStore : public Store {
public:
    // The repositories point at the backend's runner: the store stays where it was made.
    RepositoryStore(const RepositoryStore&) = delete;
    RepositoryStore& operator=(const RepositoryStore&) = delete;

    Result<std::int64_t> add_source(const Source& source) override;
    Result<std::vector<Source>> list_sources() override;
    Result<std::optional<Source>> find_source(std::string_view name) override;
    /// Without purge the source becomes a tombstone: hidden from list/find, its items and
    /// events kept (items still name it); adding the name again revives it. With purge its
    /// items go, and the uncurated events left without evidence.
    Status remove_source(std::string_view name, bool purge) override;
    Status save_source_state(const Source& source) override;
    Status update_source(const Source& source) override;
    Status log_fetch(const FetchLogEntry& entry) override;
    Result<std::vector<FetchLogEntry>> fetch_log() override;

    Result<UpsertStats> upsert_items(std::int64_t source_id, std::span<const Item> items) override;
    Result<std::vector<Item>> list_items(const ItemQuery& query) override;
    Result<std::vector<std::int64_t>> search_item_ids(const std::string& search) override;
    Result<std::vector<Item>> items_by_ids(std::span<const std::int64_t> ids) override;
    Result<std::vector<Item>> item_versions(std::int64_t item_id) override;

    Result<std::int64_t> upsert_event(const Event& event) override;
    Result<std::optional<std::int64_t>> find_event_id(std::string_view dedupe_key) override;
    Result<std::vector<Event>> list_events(const EventQuery& query) override;
    Result<std::optional<Event>> find_event(std::int64_t id) override;
    Status set_review(std::int64_t id, Review review) override;
    Status edit_event(const Event& event) override;
    Result<int> delete_auto_events() override;

    Result<std::int64_t> upsert_candidate(const Candidate& candidate) override;
    Result<std::vector<Candidate>> list_candidates(const CandidateQuery& query) override;
    Result<std::optional<Candidate>> find_candidate(std::int64_t id) override;
    Status set_candidate_state(std::int64_t id, CandidateState state, std::optional<std::int64_t> event_id) override;
    Result<int> delete_open_candidates() override;

    Status save_taxonomy(const Taxonomy& taxonomy) override;
    Result<Taxonomy> load_taxonomy() override;
    Status add_discovered_model(const ModelInfo& model) override;
    Result<std::vector<std::string>> discovered_models() override;

    Result<int> upsert_prices(std::span<const PriceBar> bars) override;
    Result<std::vector<PriceBar>> load_prices(std::string_view symbol) override;
    Result<std::vector<std::string>> price_symbols() override;

    Result<std::vector<QuestionAnswer>> save_answers(std::span<const QuestionAnswer> answers) override;
    Result<std::vector<QuestionAnswer>> load_answers() override;
    Result<bool> record_alert(const AlertDelivery& delivery) override;
    Status update_alert(const AlertDelivery& delivery) override;
    Result<std::vector<AlertDelivery>> pending_alerts() override;
    Result<std::vector<AlertDelivery>> list_alerts(int limit) override;

    Result<std::optional<std::string>> get_setting(std::string_view key) override;
    Status set_setting(std::string_view key, std::string_view value) override;
    Result<std::vector<std::pair<std::string, std::string>>> list_settings() override;

    // Workers (store/lease_repository.h): the dialect's claim_lock lets several machines
    // claim at once on PostgreSQL; SQLite's write lock serializes processes on one host.
    Result<std::vector<Source>> claim_due_sources(std::string_view worker, TimePoint now, std::chrono::seconds lease,
                                                  int limit) override;
    Result<int> renew_leases(std::string_view worker, TimePoint until) override;
    Status release_lease(std::string_view worker, std::int64_t source_id) override;
    Result<bool> complete_fetch(std::string_view worker, const Source& state, const FetchLogEntry& log) override;
    Result<bool> try_reserve_host(std::string_view host, std::int64_t now_ms, std::int64_t span_ms) override;
    Status hold_host(std::string_view host, std::int64_t until_ms) override;
    Result<bool> try_lock(std::string_view name, std::string_view owner, TimePoint now,
                          std::chrono::seconds lease) override;
    Status unlock(std::string_view name, std::string_view owner) override;

    /// One statement, so that PostgreSQL (READ COMMITTED) counts every table in one snapshot.
    Result<StoreCounts> counts() override;

    /// How many items of an upsert go in one lookup and one INSERT (0: the dialect's choice,
    /// sql::Dialect::items_per_statement). For tests and measurements: 1 is the item-by-item
    /// path, on either backend.
    void set_items_per_statement(std::size_t n) { items_.set_items_per_statement(n); }

protected:
    /// `runner` must be alive (fully constructed) and outlive the store.
    RepositoryStore(sql::Runner& runner, const sql::Dialect& dialect);

    enum class Access { Read, Write };
    /// Runs `work` in one transaction: committed when it returns ok, rolled back when it
    /// returns an Error or throws (an exception never crosses the module boundary). A backend
    /// may run `work` again (PostgreSQL retries a serialization failure).
    virtual Status transact(Access access, const std::function<Status()>& work) = 0;
    /// True while a WriteBatch is open: new items then reach the search index when it commits.
    virtual bool in_batch() const { return false; }

    ItemRepository& items() { return items_; }

private:
    template <typename Work>
    auto run(Access access, Work&& work) -> decltype(work());
    template <typename Work>
    auto write(Work&& work) {
        return run(Access::Write, std::forward<Work>(work));
    }
    // Reads that touch several statements share one snapshot.
    template <typename Work>
    auto read(Work&& work) {
        return run(Access::Read, std::forward<Work>(work));
    }

    sql::Runner* runner_;
    SourceRepository sources_;
    ItemRepository items_;
    EventRepository events_;
    EntityRepository entities_;
    PriceRepository prices_;
    AlertRepository alerts_;
    CandidateRepository candidates_;
    LeaseRepository leases_;
};

}  // namespace fw::store
