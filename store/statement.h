#pragma once
// A prepared statement (RAII over sqlite3_stmt). Parameters are always bound, never formatted
// into SQL. Indexes: bind() counts from 1 like SQLite, columns from 0.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "domain/time.h"

struct sqlite3_stmt;

namespace fw::store {

class Statement {
public:
    /// Owned: finalized on destruction. Borrowed (from a cache): reset, unbound and handed
    /// back by clearing *in_use.
    Statement(sqlite3_stmt* stmt, bool* in_use) : stmt_(stmt), in_use_(in_use) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // A failed bind (index out of range, too big) is remembered and reported by step().
    void bind(int index, std::string_view value);
    void bind(int index, const char* value) { bind(index, std::string_view(value)); }
    /// Binds text without copying it: it must stay alive and unchanged until this statement
    /// has run and died (a cached one is unbound when handed back). For the runner, whose
    /// parameters outlive the statement's use.
    void bind_borrowed(int index, std::string_view value);
    void bind(int index, std::int64_t value);
    void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
    void bind(int index, bool value) { bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    void bind(int index, double value);
    void bind(int index, std::nullopt_t);
    /// Times are stored as UTC seconds since the epoch (INTEGER).
    void bind(int index, TimePoint value) { bind(index, static_cast<std::int64_t>(value.time_since_epoch().count())); }
    template <typename T>
    void bind(int index, const std::optional<T>& value) {
        if (value) {
            bind(index, *value);
        } else {
            bind(index, std::nullopt);
        }
    }

    /// Advances: true when a row is ready, false when done. Error{Storage} names the SQL.
    Result<bool> step();
    /// Steps to the end (INSERT/UPDATE/DELETE), then resets so the statement can run again.
    Status run();
    /// Ready to run again; bindings are kept.
    void reset();

    /// Columns of the current row, and each one's storage class (for the generic row reader).
    enum class ColumnType { Integer, Real, Text, Null };
    int column_count() const;
    ColumnType column_type(int column) const;

    bool is_null(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    TimePoint time(int column) const { return TimePoint(std::chrono::seconds(int64(column))); }
    std::optional<std::int64_t> optional_int64(int column) const;
    std::optional<double> optional_real(int column) const;
    std::optional<std::string> optional_text(int column) const;
    std::optional<TimePoint> optional_time(int column) const;

private:
    void release() noexcept;
    Error failure(int code) const;

    sqlite3_stmt* stmt_ = nullptr;
    bool* in_use_ = nullptr;  ///< non-null: borrowed from a StatementCache
    int bind_error_ = 0;
};

}  // namespace fw::store
