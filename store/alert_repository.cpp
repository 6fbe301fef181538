#include "store/alert_repository.h"

#include "store/payload_codec.h"
#include "store/sql_util.h"

namespace fw::store {
namespace {

constexpr std::string_view kAlertColumns =
    "id, key, rule_id, event_id, question_id, channel, title, body, status, attempts, sent_at, last_error";

// The one row mapper for alert deliveries. A status word outside the contract is reported:
// read as pending it would be sent again, read as sent it would never be retried.
Result<AlertDelivery> read_alert(const sql::Row& r) {
    AlertDelivery d;
    d.id = r.int64(0);
    d.key = r.text(1);
    d.rule_id = r.text(2);
    d.event_id = r.optional_int64(3);
    d.question_id = r.optional_text(4);
    d.channel = r.text(5);
    d.title = r.text(6);
    d.body = r.text(7);
    auto status = delivery_status_from_string(r.text(8));
    if (!status) {
        return make_error(ErrorCode::Storage, "corrupt alert row (status '" + r.text(8) + "')", d.key);
    }
    d.status = *status;
    d.attempts = static_cast<int>(r.int64(9));
    d.sent_at = r.optional_time(10);
    d.last_error = r.optional_text(11);
    return d;
}

Result<std::vector<AlertDelivery>> read_alerts(const Result<std::vector<sql::Row>>& rows) {
    return sql::read_rows<AlertDelivery>(rows, read_alert);
}

}  // namespace

Result<std::vector<QuestionAnswer>> AlertRepository::save_answers(std::span<const QuestionAnswer> answers) {
    std::vector<QuestionAnswer> changed;
    const TimePoint now = detail::now_seconds();
    const std::string read_status =
        "SELECT status FROM question_answers WHERE id = $1" + std::string(dialect_->row_lock());
    for (const QuestionAnswer& a : answers) {
        auto stored = db_->query(read_status, {sql::value(a.id)});
        if (!stored) {
            return stored.error();
        }
        const std::string before =
            stored->empty() ? std::string(to_string(QuestionStatus::Open)) : stored->front().text(0);
        if (before != to_string(a.status)) {
            changed.push_back(a);
        }
        auto written = db_->query(
            "INSERT INTO question_answers (id, text, status, evidence, resolved_at, opened_at, explanation, "
            "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
            "ON CONFLICT (id) DO UPDATE SET text = excluded.text, status = excluded.status, "
            "evidence = excluded.evidence, resolved_at = excluded.resolved_at, opened_at = excluded.opened_at, "
            "explanation = excluded.explanation, updated_at = excluded.updated_at",
            {sql::value(a.id), sql::value(a.text), sql::value(to_string(a.status)),
             sql::value(detail::encode_ids(a.evidence)), sql::value(a.resolved_at), sql::value(a.opened_at),
             sql::value(a.explanation), sql::value(now)});
        if (!written) {
            return written.error();
        }
    }
    return changed;
}

Result<std::vector<QuestionAnswer>> AlertRepository::load_answers() {
    return sql::read_rows<QuestionAnswer>(
        db_->query("SELECT id, text, status, evidence, resolved_at, opened_at, explanation FROM question_answers "
                   "ORDER BY id",
                   {}),
        [](const sql::Row& r) -> Result<QuestionAnswer> {
            auto status = question_status_from_string(r.text(2));
            auto evidence = detail::decode_ids(r.text(3));
            if (!status || !evidence) {
                return make_error(ErrorCode::Storage, "corrupt question answer row", r.text(0));
            }
            QuestionAnswer a;
            a.id = r.text(0);
            a.text = r.text(1);
            a.status = *status;
            a.evidence = std::move(*evidence);
            a.resolved_at = r.optional_time(4);
            a.opened_at = r.optional_time(5);
            a.explanation = r.text(6);
            return a;
        });
}

Result<bool> AlertRepository::record(const AlertDelivery& d) {
    auto written = db_->query(
        "INSERT INTO alerts (key, rule_id, event_id, question_id, channel, title, body, status, attempts, sent_at, "
        "last_error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (key) DO NOTHING RETURNING id",
        {sql::value(d.key), sql::value(d.rule_id), sql::value(d.event_id), sql::value(d.question_id),
         sql::value(d.channel), sql::value(d.title), sql::value(d.body), sql::value(to_string(d.status)),
         sql::value(d.attempts), sql::value(d.sent_at), sql::value(d.last_error)});
    if (!written) {
        return written.error();
    }
    return !written->empty();
}

Status AlertRepository::update(const AlertDelivery& d) {
    auto written = db_->query(
        "UPDATE alerts SET status = $3, attempts = $4, sent_at = $5, last_error = $6, title = $7, body = $8 "
        "WHERE ($1 > 0 AND id = $1) OR ($1 <= 0 AND key = $2) RETURNING id",
        {sql::value(d.id), sql::value(d.key), sql::value(to_string(d.status)), sql::value(d.attempts),
         sql::value(d.sent_at), sql::value(d.last_error), sql::value(d.title), sql::value(d.body)});
    if (!written) {
        return written.error();
    }
    if (written->empty()) {
        return make_error(ErrorCode::NotFound, "no such alert delivery", d.key);
    }
    return ok();
}

Result<std::vector<AlertDelivery>> AlertRepository::pending() {
    static const std::string sql =
        "SELECT " + std::string(kAlertColumns) + " FROM alerts WHERE status IN ('pending', 'failed') ORDER BY id";
    return read_alerts(db_->query(sql, {}));
}

Result<std::vector<AlertDelivery>> AlertRepository::list(int limit) {
    static const std::string all = "SELECT " + std::string(kAlertColumns) + " FROM alerts ORDER BY id DESC";
    static const std::string limited = all + " LIMIT $1";
    return read_alerts(limit > 0 ? db_->query(limited, {sql::value(limit)}) : db_->query(all, {}));
}

Result<std::optional<std::string>> AlertRepository::get_setting(std::string_view key) {
    auto rows = db_->query("SELECT value FROM settings WHERE key = $1", {sql::value(key)});
    if (!rows) {
        return rows.error();
    }
    return rows->empty() ? std::nullopt : std::optional<std::string>(rows->front().text(0));
}

Status AlertRepository::set_setting(std::string_view key, std::string_view value) {
    auto written = db_->query(
        "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        {sql::value(key), sql::value(value)});
    return written ? ok() : Status(written.error());
}

Result<std::vector<std::pair<std::string, std::string>>> AlertRepository::list_settings() {
    using Setting = std::pair<std::string, std::string>;
    return sql::read_rows<Setting>(db_->query("SELECT key, value FROM settings ORDER BY key", {}),
                                   [](const sql::Row& r) -> Result<Setting> {
                                       return Setting{r.text(0), r.text(1)};
                                   });
}

}  // namespace fw::store
