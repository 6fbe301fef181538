#include "store/repository_store.h"

#include <optional>
#include <utility>

#include "store/source_removal.h"

namespace fw::store {

RepositoryStore::RepositoryStore(sql::Runner& runner, const sql::Dialect& dialect)
    : runner_(&runner),
      sources_(runner, dialect),
      items_(runner, dialect),
      events_(runner, dialect),
      entities_(runner),
      prices_(runner),
      alerts_(runner, dialect),
      candidates_(runner),
      leases_(runner, dialect, sources_) {}

template <typename Work>
auto RepositoryStore::run(Access access, Work&& work) -> decltype(work()) {
    std::optional<decltype(work())> result;
    auto done = transact(access, [&]() -> Status {
        result.emplace(work());
        return *result ? ok() : Status(result->error());
    });
    if (!done) {
        return done.error();  // the work's error, or the commit's
    }
    return std::move(*result);
}

// ---- sources ----

Result<std::int64_t> RepositoryStore::add_source(const Source& source) {
    return write([&] { return sources_.add(source); });
}

Result<std::vector<Source>> RepositoryStore::list_sources() {
    return read([&] { return sources_.list(); });
}

Result<std::optional<Source>> RepositoryStore::find_source(std::string_view name) {
    return read([&] { return sources_.find(name); });
}

Status RepositoryStore::remove_source(std::string_view name, bool purge) {
    return write([&] { return store::remove_source(sources_, items_, events_, name, purge); });
}

Status RepositoryStore::save_source_state(const Source& source) {
    return write([&] { return sources_.save_state(source); });
}

Status RepositoryStore::update_source(const Source& source) {
    return write([&] { return sources_.update_settings(source); });
}

Status RepositoryStore::log_fetch(const FetchLogEntry& entry) {
    return write([&] { return sources_.log_fetch(entry); });
}

Result<std::vector<FetchLogEntry>> RepositoryStore::fetch_log() {
    return read([&] { return sources_.fetch_log(); });
}

// ---- items ----

Result<UpsertStats> RepositoryStore::upsert_items(std::int64_t source_id, std::span<const Item> items) {
    // Inside a batch the new rows are indexed when it commits; alone, before this commit.
    const bool batched = in_batch();
    auto result = write([&]() -> Result<UpsertStats> {
        auto known = sources_.exists(source_id);
        if (!known) {
            return known.error();
        }
        if (!*known) {
            return make_error(ErrorCode::NotFound, "no such source", "source id " + std::to_string(source_id));
        }
        auto stats = items_.upsert(source_id, items);
        if (stats && !batched) {
            if (auto indexed = items_.flush_search_index(); !indexed) {
                return indexed.error();
            }
        }
        return stats;
    });
    if (!batched) {
        items_.discard_pending();  // empty after a commit; rolled back after a failure
    }
    return result;
}

Result<std::vector<Item>> RepositoryStore::list_items(const ItemQuery& query) {
    return read([&] { return items_.list(query); });
}

Result<std::vector<std::int64_t>> RepositoryStore::search_item_ids(const std::string& search) {
    return read([&] { return items_.matching_ids(search); });
}

Result<std::vector<Item>> RepositoryStore::items_by_ids(std::span<const std::int64_t> ids) {
    return read([&] { return items_.by_ids(ids); });
}

Result<std::vector<Item>> RepositoryStore::item_versions(std::int64_t item_id) {
    return read([&] { return items_.versions(item_id); });
}

// ---- events ----

Result<std::int64_t> RepositoryStore::upsert_event(const Event& event) {
    return write([&] { return events_.upsert(event); });
}

Result<std::optional<std::int64_t>> RepositoryStore::find_event_id(std::string_view dedupe_key) {
    return read([&] { return events_.id_of(dedupe_key); });
}

Result<std::vector<Event>> RepositoryStore::list_events(const EventQuery& query) {
    return read([&] { return events_.list(query); });
}

Result<std::optional<Event>> RepositoryStore::find_event(std::int64_t id) {
    return read([&] { return events_.find(id); });
}

Status RepositoryStore::set_review(std::int64_t id, Review review) {
    return write([&] { return events_.set_review(id, review); });
}

Status RepositoryStore::edit_event(const Event& event) {
    return write([&] { return events_.edit(event); });
}

Result<int> RepositoryStore::delete_auto_events() {
    return write([&] { return events_.delete_auto(); });
}

// ---- candidates ----

Result<std::int64_t> RepositoryStore::upsert_candidate(const Candidate& candidate) {
    return write([&] { return candidates_.upsert(candidate); });
}

Result<std::vector<Candidate>> RepositoryStore::list_candidates(const CandidateQuery& query) {
    return read([&] { return candidates_.list(query); });
}

Result<std::optional<Candidate>> RepositoryStore::find_candidate(std::int64_t id) {
    return read([&] { return candidates_.find(id); });
}

Status RepositoryStore::set_candidate_state(std::int64_t id, CandidateState state,
                                            std::optional<std::int64_t> event_id) {
    return write([&] { return candidates_.set_state(id, state, event_id); });
}

Result<int> RepositoryStore::delete_open_candidates() {
    return write([&] { return candidates_.delete_open(); });
}

// ---- entities ----

Status RepositoryStore::save_taxonomy(const Taxonomy& taxonomy) {
    return write([&] { return entities_.save(taxonomy); });
}

Result<Taxonomy> RepositoryStore::load_taxonomy() {
    return read([&] { return entities_.load(); });
}

Status RepositoryStore::add_discovered_model(const ModelInfo& model) {
    return write([&] { return entities_.add_discovered_model(model); });
}

Result<std::vector<std::string>> RepositoryStore::discovered_models() {
    return read([&] { return entities_.discovered_models(); });
}

// ---- prices ----

Result<int> RepositoryStore::upsert_prices(std::span<const PriceBar> bars) {
    return write([&] { return prices_.upsert(bars); });
}

Result<std::vector<PriceBar>> RepositoryStore::load_prices(std::string_view symbol) {
    return read([&] { return prices_.load(symbol); });
}

Result<std::vector<std::string>> RepositoryStore::price_symbols() {
    return read([&] { return prices_.symbols(); });
}

// ---- questions, alerts, settings ----

Result<std::vector<QuestionAnswer>> RepositoryStore::save_answers(std::span<const QuestionAnswer> answers) {
    return write([&] { return alerts_.save_answers(answers); });
}

Result<std::vector<QuestionAnswer>> RepositoryStore::load_answers() {
    return read([&] { return alerts_.load_answers(); });
}

Result<bool> RepositoryStore::record_alert(const AlertDelivery& delivery) {
    return write([&] { return alerts_.record(delivery); });
}

Status RepositoryStore::update_alert(const AlertDelivery& delivery) {
    return write([&] { return alerts_.update(delivery); });
}

Result<std::vector<AlertDelivery>> RepositoryStore::pending_alerts() {
    return read([&] { return alerts_.pending(); });
}

Result<std::vector<AlertDelivery>> RepositoryStore::list_alerts(int limit) {
    return read([&] { return alerts_.list(limit); });
}

Result<std::optional<std::string>> RepositoryStore::get_setting(std::string_view key) {
    return read([&] { return alerts_.get_setting(key); });
}

Status RepositoryStore::set_setting(std::string_view key, std::string_view value) {
    return write([&] { return alerts_.set_setting(key, value); });
}

Result<std::vector<std::pair<std::string, std::string>>> RepositoryStore::list_settings() {
    return read([&] { return alerts_.list_settings(); });
}

// ---- workers ----

Result<std::vector<Source>> RepositoryStore::claim_due_sources(std::string_view worker, TimePoint now,
                                                               std::chrono::seconds lease, int limit) {
    return write([&] { return leases_.claim_due(worker, now, lease, limit); });
}

Result<int> RepositoryStore::renew_leases(std::string_view worker, TimePoint until) {
    return write([&] { return leases_.renew(worker, until); });
}

Status RepositoryStore::release_lease(std::string_view worker, std::int64_t source_id) {
    return write([&]() -> Status {
        auto released = leases_.release(worker, source_id);
        return released ? ok() : Status(released.error());
    });
}

Result<bool> RepositoryStore::complete_fetch(std::string_view worker, const Source& state, const FetchLogEntry& log) {
    return write([&] { return leases_.complete_fetch(worker, state, log); });
}

Result<bool> RepositoryStore::try_reserve_host(std::string_view host, std::int64_t now_ms, std::int64_t span_ms) {
    return write([&] { return leases_.try_reserve_host(host, now_ms, span_ms); });
}

Status RepositoryStore::hold_host(std::string_view host, std::int64_t until_ms) {
    return write([&] { return leases_.hold_host(host, until_ms); });
}

Result<bool> RepositoryStore::try_lock(std::string_view name, std::string_view owner, TimePoint now,
                                       std::chrono::seconds lease) {
    return write([&] { return leases_.try_lock(name, owner, now, lease); });
}

Status RepositoryStore::unlock(std::string_view name, std::string_view owner) {
    return write([&] { return leases_.unlock(name, owner); });
}

// ---- counts ----

Result<StoreCounts> RepositoryStore::counts() {
    return read([&]() -> Result<StoreCounts> {
        auto rows = runner_->query(
            "SELECT (SELECT COUNT(*) FROM sources WHERE removed_at IS NULL), "
            "(SELECT COUNT(*) FROM items), (SELECT COUNT(*) FROM item_versions), "
            "(SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM evidence), "
            "(SELECT COUNT(*) FROM prices), (SELECT COUNT(*) FROM entities), "
            "(SELECT COUNT(*) FROM alerts), (SELECT COUNT(*) FROM fetch_log)",
            {});
        if (!rows) {
            return rows.error();
        }
        if (rows->size() != 1) {
            return make_error(ErrorCode::Storage, "counting the tables returned no row");
        }
        const sql::Row& row = rows->front();
        StoreCounts c;
        std::int64_t* slots[] = {&c.sources, &c.items,    &c.item_versions, &c.events,   &c.evidence,
                                 &c.prices,  &c.entities, &c.alerts,        &c.fetch_log};
        for (std::size_t i = 0; i < std::size(slots); ++i) {
            *slots[i] = row.int64(i);
        }
        return c;
    });
}

}  // namespace fw::store
