// PgStore: prices, question answers, alert deliveries, settings and counts.

#include <chrono>

#include "store/payload_codec.h"
#include "store/pg/pg_transaction.h"

namespace fw::store::pg {
namespace {

constexpr std::string_view kAlertColumns =
    "id, key, rule_id, event_id, question_id, channel, title, body, status, attempts, sent_at, "
    "last_error";

Result<std::vector<AlertDelivery>> read_alerts(const PgResult& r) {
    std::vector<AlertDelivery> out;
    for (int i = 0; i < r.rows(); ++i) {
        AlertDelivery d;
        d.id = r.int64(i, 0);
        d.key = r.text(i, 1);
        d.rule_id = r.text(i, 2);
        d.event_id = r.optional_int64(i, 3);
        d.question_id = r.optional_text(i, 4);
        d.channel = r.text(i, 5);
        d.title = r.text(i, 6);
        d.body = r.text(i, 7);
        auto status = delivery_status_from_string(r.text(i, 8));
        if (!status) {
            return make_error(ErrorCode::Storage, "corrupt alert row (status '" + r.text(i, 8) + "')", d.key);
        }
        d.status = *status;
        d.attempts = static_cast<int>(r.int64(i, 9));
        d.sent_at = r.optional_time(i, 10);
        d.last_error = r.optional_text(i, 11);
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace

// ---- prices (store/price_repository.h, shared with SQLite) ----

Result<int> PgStore::upsert_prices(std::span<const PriceBar> bars) {
    return transaction([&] { return prices_.upsert(bars); });
}

Result<std::vector<PriceBar>> PgStore::load_prices(std::string_view symbol) {
    return transaction([&] { return prices_.load(symbol); });
}

// ---- questions and alerts ----

Result<std::vector<QuestionAnswer>> PgStore::save_answers(std::span<const QuestionAnswer> answers) {
    return transaction([&]() -> Result<std::vector<QuestionAnswer>> {
        std::vector<QuestionAnswer> changed;
        const TimePoint now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        for (const QuestionAnswer& a : answers) {
            auto stored =
                conn_.exec("SELECT status FROM question_answers WHERE id = $1 FOR UPDATE", Params().add(a.id));
            if (!stored) {
                return stored.error();
            }
            const std::string before =
                stored->rows() > 0 ? stored->text(0, 0) : std::string(to_string(QuestionStatus::Open));
            if (before != to_string(a.status)) {
                changed.push_back(a);
            }
            auto written = conn_.exec(
                "INSERT INTO question_answers (id, text, status, evidence, resolved_at, "
                "opened_at, explanation, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                "ON CONFLICT (id) DO UPDATE SET text = excluded.text, status = excluded.status, "
                "evidence = excluded.evidence, resolved_at = excluded.resolved_at, "
                "opened_at = excluded.opened_at, explanation = excluded.explanation, "
                "updated_at = excluded.updated_at",
                Params()
                    .add(a.id)
                    .add(a.text)
                    .add(to_string(a.status))
                    .add(detail::encode_ids(a.evidence))
                    .add(a.resolved_at)
                    .add(a.opened_at)
                    .add(a.explanation)
                    .add(now));
            if (!written) {
                return written.error();
            }
        }
        return changed;
    });
}

Result<bool> PgStore::record_alert(const AlertDelivery& d) {
    return transaction([&]() -> Result<bool> {
        auto r = conn_.exec(
            "INSERT INTO alerts (key, rule_id, event_id, question_id, channel, title, body, "
            "status, attempts, sent_at, last_error) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (key) DO NOTHING",
            Params()
                .add(d.key)
                .add(d.rule_id)
                .add(d.event_id)
                .add(d.question_id)
                .add(d.channel)
                .add(d.title)
                .add(d.body)
                .add(to_string(d.status))
                .add(d.attempts)
                .add(d.sent_at)
                .add(d.last_error));
        return r ? Result<bool>(r->affected() == 1) : Result<bool>(r.error());
    });
}

Status PgStore::update_alert(const AlertDelivery& d) {
    return transaction([&]() -> Status {
        auto r = conn_.exec(
            "UPDATE alerts SET status = $3, attempts = $4, sent_at = $5, last_error = $6, "
            "title = $7, body = $8 WHERE ($1 > 0 AND id = $1) OR ($1 <= 0 AND key = $2)",
            Params()
                .add(d.id)
                .add(d.key)
                .add(to_string(d.status))
                .add(d.attempts)
                .add(d.sent_at)
                .add(d.last_error)
                .add(d.title)
                .add(d.body));
        if (!r) {
            return r.error();
        }
        if (r->affected() == 0) {
            return make_error(ErrorCode::NotFound, "no such alert delivery", d.key);
        }
        return ok();
    });
}

Result<std::vector<AlertDelivery>> PgStore::pending_alerts() {
    return transaction([&]() -> Result<std::vector<AlertDelivery>> {
        auto r = conn_.exec("SELECT " + std::string(kAlertColumns) +
                            " FROM alerts WHERE status IN ('pending', 'failed') ORDER BY id");
        return r ? read_alerts(*r) : Result<std::vector<AlertDelivery>>(r.error());
    });
}

Result<std::vector<AlertDelivery>> PgStore::list_alerts(int limit) {
    return transaction([&]() -> Result<std::vector<AlertDelivery>> {
        Params p;
        std::string sql = "SELECT " + std::string(kAlertColumns) + " FROM alerts ORDER BY id DESC";
        if (limit > 0) {
            sql += " LIMIT " + p.ref(limit);
        }
        auto r = conn_.exec(sql, p);
        return r ? read_alerts(*r) : Result<std::vector<AlertDelivery>>(r.error());
    });
}

// ---- settings ----

Result<std::optional<std::string>> PgStore::get_setting(std::string_view key) {
    return transaction([&]() -> Result<std::optional<std::string>> {
        auto r = conn_.exec("SELECT value FROM settings WHERE key = $1", Params().add(key));
        if (!r) {
            return r.error();
        }
        return r->rows() > 0 ? std::optional<std::string>(r->text(0, 0)) : std::nullopt;
    });
}

Status PgStore::set_setting(std::string_view key, std::string_view value) {
    return transaction([&]() -> Status {
        auto r = conn_.exec(
            "INSERT INTO settings (key, value) VALUES ($1, $2) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            Params().add(key).add(value));
        return r ? ok() : Status(r.error());
    });
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
