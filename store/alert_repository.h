#pragma once
// Alert deliveries (each key recorded once), the latest watch-question answers, and the
// key/value settings table, written once over sql::Runner for SQLite and PostgreSQL. Every call
// runs inside the caller's transaction.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/alert.h"
#include "domain/question.h"
#include "domain/result.h"
#include "store/sql_dialect.h"
#include "store/sql_runner.h"

namespace fw::store {

class AlertRepository {
public:
    AlertRepository(sql::Runner& runner, const sql::Dialect& dialect) : db_(&runner), dialect_(&dialect) {}

    /// Stores the answers; returns those whose status differs from the stored one. A question
    /// seen for the first time counts as changed unless it is still open.
    Result<std::vector<QuestionAnswer>> save_answers(std::span<const QuestionAnswer> answers);
    /// The stored answers in id order. Error{Storage} for a status outside the contract.
    Result<std::vector<QuestionAnswer>> load_answers();

    /// false when the key is already recorded (a delivery happens exactly once).
    Result<bool> record(const AlertDelivery& delivery);
    /// Status, attempts, sent_at, last_error, title and body, by id (else by key).
    /// Error{NotFound} when neither matches.
    Status update(const AlertDelivery& delivery);
    /// pending or failed, oldest first.
    Result<std::vector<AlertDelivery>> pending();
    /// Newest first; limit <= 0: all.
    Result<std::vector<AlertDelivery>> list(int limit);

    Result<std::optional<std::string>> get_setting(std::string_view key);
    Status set_setting(std::string_view key, std::string_view value);
    /// (key, value) in key order.
    Result<std::vector<std::pair<std::string, std::string>>> list_settings();

private:
    sql::Runner* db_;
    const sql::Dialect* dialect_;
};

}  // namespace fw::store
