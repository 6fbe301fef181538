#pragma once
// A thin SQL layer both backends implement, so that a repository is written once: SQL text with
// $1..$n placeholders (each number in order of first use), values bound as parameters, rows
// returned as values. SQLite's adapter (store/sqlite_runner.h) rewrites $n to ?n; PostgreSQL's
// (store/pg/pg_runner.h) passes them on. What truly differs between the dialects stays out:
// a repository on this layer uses only the SQL both accept (ON CONFLICT, RETURNING, CASE...).
// Calls run inside the caller's transaction.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/result.h"
#include "domain/time.h"

namespace fw::store::sql {

/// NULL, an integer (times are UTC seconds), a real, or text.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

inline Value value(std::string_view text) {
    return std::string(text);
}
inline Value value(const char* text) {
    return std::string(text);
}
inline Value value(std::int64_t n) {
    return n;
}
inline Value value(int n) {
    return static_cast<std::int64_t>(n);
}
inline Value value(double d) {
    return d;
}
inline Value value(TimePoint t) {
    return static_cast<std::int64_t>(t.time_since_epoch().count());
}
template <typename T>
Value value(const std::optional<T>& v) {
    return v ? value(*v) : Value{};
}

/// One result row. Accessors convert like the drivers do: a missing or NULL column reads as
/// 0, 0.0 or "" (use the optional_* forms where NULL means something).
class Row {
public:
    explicit Row(std::vector<Value> columns) : columns_(std::move(columns)) {}
    bool is_null(std::size_t i) const;
    std::int64_t int64(std::size_t i) const;
    double real(std::size_t i) const;
    std::string text(std::size_t i) const;
    TimePoint time(std::size_t i) const { return TimePoint(std::chrono::seconds(int64(i))); }
    std::optional<std::string> optional_text(std::size_t i) const;
    std::optional<std::int64_t> optional_int64(std::size_t i) const;
    std::optional<double> optional_real(std::size_t i) const;
    std::optional<TimePoint> optional_time(std::size_t i) const;

private:
    std::vector<Value> columns_;
};

class Runner {
public:
    virtual ~Runner() = default;
    /// Runs one statement; returns its rows (none for a write without RETURNING).
    /// Error{Storage} names the statement and the server's message.
    virtual Result<std::vector<Row>> query(std::string_view sql, std::span<const Value> params) = 0;
    Result<std::vector<Row>> query(std::string_view sql, std::initializer_list<Value> params) {
        return query(sql, std::span<const Value>(params.begin(), params.size()));
    }
    /// The same as query, for a statement whose best plan depends on its values and on the
    /// table's size at the time: PostgreSQL plans it for each run instead of reusing a prepared
    /// statement's generic plan (which, made while a table was empty, can stay a scan of every
    /// row of the table later). By default, query.
    virtual Result<std::vector<Row>> query_planned_each_time(std::string_view sql, std::span<const Value> params) {
        return query(sql, params);
    }
    /// Runs an INSERT written without RETURNING and returns the new row's id. By default the
    /// statement gains " RETURNING id"; SQLite's adapter asks the connection instead (RETURNING
    /// costs SQLite a temporary table per statement, on the hottest path of an ingest).
    virtual Result<std::int64_t> insert(std::string_view sql, std::span<const Value> params);
};

/// Every row through `read`, a row mapper returning Result<T>; the first error is returned.
template <typename T, typename Read>
Result<std::vector<T>> read_rows(const Result<std::vector<Row>>& rows, Read&& read) {
    if (!rows) {
        return rows.error();
    }
    std::vector<T> out;
    out.reserve(rows->size());
    for (const Row& row : *rows) {
        auto value = read(row);
        if (!value) {
            return value.error();
        }
        out.push_back(std::move(*value));
    }
    return out;
}

}  // namespace fw::store::sql
