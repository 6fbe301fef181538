#pragma once
// sql::Runner over a SQLite connection (statements from its cache).

#include "store/database.h"
#include "store/sql_runner.h"

namespace fw::store {

class SqliteRunner final : public sql::Runner {
public:
    explicit SqliteRunner(Database& db) : db_(&db) {}
    using sql::Runner::query;
    Result<std::vector<sql::Row>> query(std::string_view sql, std::span<const sql::Value> params) override;

private:
    Database* db_;
};

/// "$3" -> "?3" outside quoted text: SQLite's numbered placeholders.
std::string sqlite_placeholders(std::string_view sql);

}  // namespace fw::store
