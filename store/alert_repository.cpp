#include "store/alert_repository.h"

#include "store/payload_codec.h"
#include "store/sql_util.h"

namespace fw::store {
namespace {

constexpr std::string_view kAlertColumns =
    "id, key, rule_id, event_id, question_id, channel, title, body, status, attempts, sent_at, "
    "last_error";

Result<AlertDelivery> read_alert(const Statement& st) {
    AlertDelivery d;
    d.id = st.int64(0);
    d.key = st.text(1);
    d.rule_id = st.text(2);
    d.event_id = st.optional_int64(3);
    d.question_id = st.optional_text(4);
    d.channel = st.text(5);
    d.title = st.text(6);
    d.body = st.text(7);
    auto status = delivery_status_from_string(st.text(8));
    if (!status) {
        return make_error(ErrorCode::Storage, "corrupt alert row (status '" + st.text(8) + "')", d.key);
    }
    d.status = *status;
    d.attempts = static_cast<int>(st.int64(9));
    d.sent_at = st.optional_time(10);
    d.last_error = st.optional_text(11);
    return d;
}

}  // namespace

Result<std::optional<std::string>> AlertRepository::stored_status(const std::string& id) {
    auto st = db_->cached("SELECT status FROM question_answers WHERE id = ?1");
    if (!st) {
        return st.error();
    }
    st->bind(1, id);
    auto row = st->step();
    if (!row) {
        return row.error();
    }
    return *row ? std::optional<std::string>(st->text(0)) : std::nullopt;
}

Result<std::vector<QuestionAnswer>> AlertRepository::save_answers(std::span<const QuestionAnswer> answers) {
    std::vector<QuestionAnswer> changed;
    const TimePoint now = detail::now_seconds();
    for (const QuestionAnswer& a : answers) {
        auto stored = stored_status(a.id);
        if (!stored) {
            return stored.error();
        }
        const std::string before = stored->value_or(std::string(to_string(QuestionStatus::Open)));
        if (before != to_string(a.status)) {
            changed.push_back(a);
        }
        auto written =
            detail::run_cached(*db_,
                               "INSERT INTO question_answers (id, text, status, evidence, resolved_at, opened_at, "
                               "explanation, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                               "ON CONFLICT (id) DO UPDATE SET text = excluded.text, status = excluded.status, "
                               "evidence = excluded.evidence, resolved_at = excluded.resolved_at, "
                               "opened_at = excluded.opened_at, explanation = excluded.explanation, "
                               "updated_at = excluded.updated_at",
                               [&](Statement& ins) {
                                   ins.bind(1, a.id);
                                   ins.bind(2, a.text);
                                   ins.bind(3, to_string(a.status));
                                   ins.bind(4, detail::encode_ids(a.evidence));
                                   ins.bind(5, a.resolved_at);
                                   ins.bind(6, a.opened_at);
                                   ins.bind(7, a.explanation);
                                   ins.bind(8, now);
                               });
        if (!written) {
            return written.error();
        }
    }
    return changed;
}

Result<bool> AlertRepository::record(const AlertDelivery& d) {
    auto written =
        detail::run_cached(*db_,
                           "INSERT INTO alerts (key, rule_id, event_id, question_id, channel, title, body, status, "
                           "attempts, sent_at, last_error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                           "ON CONFLICT (key) DO NOTHING",
                           [&](Statement& st) {
                               st.bind(1, d.key);
                               st.bind(2, d.rule_id);
                               st.bind(3, d.event_id);
                               st.bind(4, d.question_id);
                               st.bind(5, d.channel);
                               st.bind(6, d.title);
                               st.bind(7, d.body);
                               st.bind(8, to_string(d.status));
                               st.bind(9, d.attempts);
                               st.bind(10, d.sent_at);
                               st.bind(11, d.last_error);
                           });
    if (!written) {
        return written.error();
    }
    return *written == 1;
}

Status AlertRepository::update(const AlertDelivery& d) {
    auto written = detail::run_cached(*db_,
                                      "UPDATE alerts SET status = ?3, attempts = ?4, sent_at = ?5, last_error = ?6, "
                                      "title = ?7, body = ?8 WHERE (?1 > 0 AND id = ?1) OR (?1 <= 0 AND key = ?2)",
                                      [&](Statement& st) {
                                          st.bind(1, d.id);
                                          st.bind(2, d.key);
                                          st.bind(3, to_string(d.status));
                                          st.bind(4, d.attempts);
                                          st.bind(5, d.sent_at);
                                          st.bind(6, d.last_error);
                                          st.bind(7, d.title);
                                          st.bind(8, d.body);
                                      });
    if (!written) {
        return written.error();
    }
    if (*written == 0) {
        return make_error(ErrorCode::NotFound, "no such alert delivery", d.key);
    }
    return ok();
}

Result<std::vector<AlertDelivery>> AlertRepository::collect(Statement& st) {
    std::vector<AlertDelivery> out;
    for (;;) {
        auto row = st.step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return out;
        }
        auto alert = read_alert(st);
        if (!alert) {
            st.reset();
            return alert.error();
        }
        out.push_back(std::move(*alert));
    }
}

Result<std::vector<AlertDelivery>> AlertRepository::pending() {
    static const std::string sql =
        "SELECT " + std::string(kAlertColumns) + " FROM alerts WHERE status IN ('pending', 'failed') ORDER BY id";
    auto st = db_->cached(sql);
    if (!st) {
        return st.error();
    }
    return collect(*st);
}

Result<std::vector<AlertDelivery>> AlertRepository::list(int limit) {
    std::string sql = "SELECT " + std::string(kAlertColumns) + " FROM alerts ORDER BY id DESC";
    if (limit > 0) {
        sql += " LIMIT ?1";
    }
    auto st = db_->cached(sql);
    if (!st) {
        return st.error();
    }
    if (limit > 0) {
        st->bind(1, limit);
    }
    return collect(*st);
}

Result<std::int64_t> AlertRepository::count() {
    return detail::scalar_int(*db_, "SELECT COUNT(*) FROM alerts");
}

Result<std::optional<std::string>> AlertRepository::get_setting(std::string_view key) {
    auto st = db_->cached("SELECT value FROM settings WHERE key = ?1");
    if (!st) {
        return st.error();
    }
    st->bind(1, key);
    auto row = st->step();
    if (!row) {
        return row.error();
    }
    return *row ? std::optional<std::string>(st->text(0)) : std::nullopt;
}

Status AlertRepository::set_setting(std::string_view key, std::string_view value) {
    auto written = detail::run_cached(*db_,
                                      "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                      [&](Statement& st) {
                                          st.bind(1, key);
                                          st.bind(2, value);
                                      });
    return written ? ok() : Status(written.error());
}

}  // namespace fw::store
