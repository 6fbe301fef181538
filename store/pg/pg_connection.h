#pragma once
// One libpq connection (RAII over PGconn and PGresult) for the PostgreSQL store. Values go to
// the server only as parameters of PQexecParams (text format), never formatted into SQL.
// libpq's types appear only as opaque forward declarations; libpq-fe.h stays in the .cpp.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/result.h"
#include "domain/time.h"

struct pg_conn;
struct pg_result;

namespace fw::store::pg {

/// Parameters $1, $2, ... in order; nullopt is SQL NULL. Times are UTC seconds (BIGINT).
class Params {
public:
    Params& add(std::string_view value);
    Params& add(const char* value) { return add(std::string_view(value)); }
    Params& add(const std::string& value) { return add(std::string_view(value)); }
    Params& add(std::int64_t value);
    Params& add(int value) { return add(static_cast<std::int64_t>(value)); }
    Params& add(bool value) { return add(static_cast<std::int64_t>(value ? 1 : 0)); }
    Params& add(double value);
    Params& add(TimePoint value) { return add(static_cast<std::int64_t>(value.time_since_epoch().count())); }
    Params& add(std::nullopt_t);
    template <typename T>
    Params& add(const std::optional<T>& value) {
        return value ? add(*value) : add(std::nullopt);
    }
    /// Adds `value` and returns its placeholder ("$3"), for SQL built from fixed fragments.
    template <typename T>
    std::string ref(const T& value) {
        add(value);
        return "$" + std::to_string(values_.size());
    }
    const std::vector<std::optional<std::string>>& values() const { return values_; }

private:
    std::vector<std::optional<std::string>> values_;
};

/// A query's rows (text format). Column accessors take (row, column), both from 0.
class PgResult {
public:
    explicit PgResult(pg_result* result);
    PgResult(PgResult&&) noexcept = default;
    PgResult& operator=(PgResult&&) noexcept = default;
    ~PgResult();

    int rows() const;
    int columns() const;
    /// Rows changed by INSERT/UPDATE/DELETE (PQcmdTuples).
    int affected() const;
    bool is_null(int row, int column) const;
    std::string text(int row, int column) const;
    std::int64_t int64(int row, int column) const;
    double real(int row, int column) const;
    TimePoint time(int row, int column) const { return TimePoint(std::chrono::seconds(int64(row, column))); }
    std::optional<std::string> optional_text(int row, int column) const;
    std::optional<std::int64_t> optional_int64(int row, int column) const;
    std::optional<double> optional_real(int row, int column) const;
    std::optional<TimePoint> optional_time(int row, int column) const;

private:
    struct Clear {
        void operator()(pg_result* r) const;
    };
    std::unique_ptr<pg_result, Clear> result_;
};

class PgConnection {
public:
    /// Connects to `url` (postgresql://user[:password]@host[:port]/dbname[?params]).
    /// Error{Storage} names the URL (without its password) and libpq's message.
    static Result<PgConnection> open(const std::string& url);

    PgConnection(PgConnection&&) noexcept = default;
    PgConnection& operator=(PgConnection&&) noexcept = default;
    ~PgConnection();

    /// One statement with parameters. Error{Storage} carries the SQLSTATE in the message.
    Result<PgResult> exec(std::string_view sql, const Params& params = {});
    /// The same as exec, through a named prepared statement kept per SQL text on this connection
    /// (parsed and planned once; forgotten when the connection is reset). For the repositories'
    /// fixed statements; SQL built per call should use exec.
    Result<PgResult> exec_prepared(std::string_view sql, const Params& params = {});
    /// A script of statements without parameters (migrations, BEGIN/COMMIT).
    Status exec_script(std::string_view sql);
    /// Reconnects when the server closed the connection (restart, idle timeout).
    Status ensure_connected();
    /// The SQLSTATE of the last failed exec ("23505" unique violation, ...), or "".
    const std::string& last_sqlstate() const { return sqlstate_; }

    /// The URL with any password removed.
    const std::string& location() const { return location_; }

private:
    struct Finish {
        void operator()(pg_conn* c) const;
    };
    PgConnection(pg_conn* conn, std::string location);
    Error failure(std::string_view what, pg_result* result);

    Result<PgResult> finish(std::string_view sql, pg_result* raw);

    std::unique_ptr<pg_conn, Finish> conn_;
    std::string location_;
    std::string sqlstate_;
    std::unordered_map<std::string, std::string> prepared_;  ///< SQL text -> statement name
};

/// `url` without the password of its user-info part.
std::string redact_url(std::string_view url);

}  // namespace fw::store::pg
