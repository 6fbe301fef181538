// PgStore: prices, question answers, alert deliveries and settings (the repositories shared with
// SQLite), and the counts.

#include "store/pg/pg_transaction.h"

namespace fw::store::pg {

// ---- prices (store/price_repository.h, shared with SQLite) ----

Result<int> PgStore::upsert_prices(std::span<const PriceBar> bars) {
    return transaction([&] { return prices_.upsert(bars); });
}

Result<std::vector<PriceBar>> PgStore::load_prices(std::string_view symbol) {
    return transaction([&] { return prices_.load(symbol); });
}

// ---- questions, alerts, settings (store/alert_repository.h, shared with SQLite) ----

Result<std::vector<QuestionAnswer>> PgStore::save_answers(std::span<const QuestionAnswer> answers) {
    return transaction([&] { return alerts_.save_answers(answers); });
}

Result<bool> PgStore::record_alert(const AlertDelivery& delivery) {
    return transaction([&] { return alerts_.record(delivery); });
}

Status PgStore::update_alert(const AlertDelivery& delivery) {
    return transaction([&] { return alerts_.update(delivery); });
}

Result<std::vector<AlertDelivery>> PgStore::pending_alerts() {
    return transaction([&] { return alerts_.pending(); });
}

Result<std::vector<AlertDelivery>> PgStore::list_alerts(int limit) {
    return transaction([&] { return alerts_.list(limit); });
}

Result<std::optional<std::string>> PgStore::get_setting(std::string_view key) {
    return transaction([&] { return alerts_.get_setting(key); });
}

Status PgStore::set_setting(std::string_view key, std::string_view value) {
    return transaction([&] { return alerts_.set_setting(key, value); });
}

Result<StoreCounts> PgStore::counts() {
    return transaction([&]() -> Result<StoreCounts> {
        auto r = conn_.exec(
            "SELECT (SELECT COUNT(*) FROM sources WHERE removed_at IS NULL), "
            "(SELECT COUNT(*) FROM items), (SELECT COUNT(*) FROM item_versions), "
            "(SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM evidence), "
            "(SELECT COUNT(*) FROM prices), (SELECT COUNT(*) FROM entities), "
            "(SELECT COUNT(*) FROM alerts), (SELECT COUNT(*) FROM fetch_log)");
        if (!r) {
            return r.error();
        }
        StoreCounts c;
        std::int64_t* slots[] = {&c.sources, &c.items,    &c.item_versions, &c.events,   &c.evidence,
                                 &c.prices,  &c.entities, &c.alerts,        &c.fetch_log};
        for (int i = 0; i < 9; ++i) {
            *slots[i] = r->int64(0, i);
        }
        return c;
    });
}

}  // namespace fw::store::pg
