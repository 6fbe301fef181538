#pragma once
// sql::Runner over a SQLite connection (prepared statements from its cache, reused).

#include <string>
#include <unordered_map>

#include "store/database.h"
#include "store/sql_runner.h"

namespace fw::store {

class SqliteRunner final : public sql::Runner {
public:
    explicit SqliteRunner(Database& db) : db_(&db) {}
    using sql::Runner::query;
    Result<std::vector<sql::Row>> query(std::string_view sql, std::span<const sql::Value> params) override;
    Result<std::int64_t> insert(std::string_view sql, std::span<const sql::Value> params) override;

private:
    // Statements are SQLite's (Database::cached, reset and unbound after use); this keeps their
    // ?n text so that a repeated query costs one hash lookup, no rewriting.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    const std::string& translated(std::string_view sql);

    Database* db_;
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> translated_;
};

/// "$3" -> "?3" outside quoted text: SQLite's numbered placeholders.
std::string sqlite_placeholders(std::string_view sql);

}  // namespace fw::store
