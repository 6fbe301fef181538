#include "store/pg/pg_connection.h"

#include <charconv>
#include <cstdio>

#include <libpq-fe.h>

namespace fw::store::pg {
namespace {

std::string trimmed_message(const char* message) {
    std::string m = message ? message : "";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) {
        m.pop_back();
    }
    return m;
}

}  // namespace

// ---- Params ----

Params& Params::add(std::string_view value) {
    values_.emplace_back(std::string(value));
    return *this;
}

Params& Params::add(std::int64_t value) {
    values_.emplace_back(std::to_string(value));
    return *this;
}

Params& Params::add(double value) {
    char buf[64];
    // %.17g round-trips every double through PostgreSQL's float8 input.
    std::snprintf(buf, sizeof buf, "%.17g", value);
    values_.emplace_back(std::string(buf));
    return *this;
}

Params& Params::add(std::nullopt_t) {
    values_.emplace_back(std::nullopt);
    return *this;
}

// ---- PgResult ----

void PgResult::Clear::operator()(pg_result* r) const {
    PQclear(r);
}

PgResult::PgResult(pg_result* result) : result_(result) {}
PgResult::~PgResult() = default;

int PgResult::rows() const {
    return PQntuples(result_.get());
}

int PgResult::columns() const {
    return PQnfields(result_.get());
}

int PgResult::affected() const {
    const char* n = PQcmdTuples(result_.get());
    int value = 0;
    if (n && *n) {
        std::from_chars(n, n + std::char_traits<char>::length(n), value);
    }
    return value;
}

bool PgResult::is_null(int row, int column) const {
    return PQgetisnull(result_.get(), row, column) != 0;
}

std::string PgResult::text(int row, int column) const {
    return std::string(PQgetvalue(result_.get(), row, column),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
}

std::int64_t PgResult::int64(int row, int column) const {
    const char* v = PQgetvalue(result_.get(), row, column);
    const int len = PQgetlength(result_.get(), row, column);
    std::int64_t out = 0;
    std::from_chars(v, v + len, out);
    return out;
}

double PgResult::real(int row, int column) const {
    return std::strtod(PQgetvalue(result_.get(), row, column), nullptr);
}

std::optional<std::string> PgResult::optional_text(int row, int column) const {
    return is_null(row, column) ? std::nullopt : std::optional<std::string>(text(row, column));
}

std::optional<std::int64_t> PgResult::optional_int64(int row, int column) const {
    return is_null(row, column) ? std::nullopt : std::optional<std::int64_t>(int64(row, column));
}

std::optional<double> PgResult::optional_real(int row, int column) const {
    return is_null(row, column) ? std::nullopt : std::optional<double>(real(row, column));
}

std::optional<TimePoint> PgResult::optional_time(int row, int column) const {
    return is_null(row, column) ? std::nullopt : std::optional<TimePoint>(time(row, column));
}

// ---- PgConnection ----

void PgConnection::Finish::operator()(pg_conn* c) const {
    PQfinish(c);
}

PgConnection::PgConnection(pg_conn* conn, std::string location) : conn_(conn), location_(std::move(location)) {}

PgConnection::~PgConnection() = default;

Result<PgConnection> PgConnection::open(const std::string& url) {
    PGconn* raw = PQconnectdb(url.c_str());
    PgConnection conn(raw, redact_url(url));
    if (raw == nullptr) {
        return make_error(ErrorCode::Storage, "out of memory opening a PostgreSQL connection", conn.location_);
    }
    if (PQstatus(raw) != CONNECTION_OK) {
        return make_error(ErrorCode::Storage, "cannot connect to PostgreSQL: " + trimmed_message(PQerrorMessage(raw)),
                          conn.location_);
    }
    // Notices (e.g. "relation already exists, skipping") are not errors; keep stderr quiet.
    PQsetNoticeProcessor(
        raw, [](void*, const char*) {}, nullptr);
    if (auto status = conn.exec_script("SET client_min_messages = warning; SET TIME ZONE 'UTC'"); !status) {
        return status.error();
    }
    return conn;
}

Error PgConnection::failure(std::string_view what, pg_result* result) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    sqlstate_ = state ? state : "";
    std::string message = trimmed_message(result ? PQresultErrorMessage(result) : nullptr);
    if (message.empty()) {
        message = trimmed_message(PQerrorMessage(conn_.get()));
    }
    std::string sql(what.substr(0, 120));
    if (sqlstate_ == "42501") {  // insufficient_privilege: a team role without this right
        return Error{ErrorCode::Storage,
                     message +
                         ": this role cannot make this change (docs/teams.md, "
                         "frontierwatch db roles --print-sql)",
                     location_};
    }
    return Error{ErrorCode::Storage,
                 "PostgreSQL: " + message + (sqlstate_.empty() ? "" : " [" + sqlstate_ + "]") + " in: " + sql,
                 location_};
}

Status PgConnection::ensure_connected() {
    if (PQstatus(conn_.get()) == CONNECTION_OK) {
        return ok();
    }
    PQreset(conn_.get());
    prepared_.clear();  // a new session: the server forgot them
    if (PQstatus(conn_.get()) != CONNECTION_OK) {
        return make_error(ErrorCode::Storage,
                          "lost the PostgreSQL connection: " + trimmed_message(PQerrorMessage(conn_.get())), location_);
    }
    return exec_script("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
}

Result<PgResult> PgConnection::exec(std::string_view sql, const Params& params) {
    const std::string query(sql);
    std::vector<const char*> values;
    values.reserve(params.values().size());
    for (const auto& v : params.values()) {
        values.push_back(v ? v->c_str() : nullptr);
    }
    PGresult* raw = PQexecParams(conn_.get(), query.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                 nullptr, nullptr, 0);
    return finish(sql, raw);
}

Result<PgResult> PgConnection::finish(std::string_view sql, pg_result* raw) {
    const auto status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        Error e = failure(sql, raw);
        PQclear(raw);
        return e;
    }
    sqlstate_.clear();
    return PgResult(raw);
}

Result<PgResult> PgConnection::exec_prepared(std::string_view sql, const Params& params) {
    // Bounded: past this many distinct texts a statement runs unnamed, as exec does.
    constexpr std::size_t kMaxPrepared = 512;
    auto it = prepared_.find(std::string(sql));
    if (it == prepared_.end()) {
        if (prepared_.size() >= kMaxPrepared) {
            return exec(sql, params);
        }
        std::string name = "fw_" + std::to_string(prepared_.size() + 1);
        const std::string query(sql);
        PGresult* made = PQprepare(conn_.get(), name.c_str(), query.c_str(), 0, nullptr);
        auto prepared = finish(sql, made);
        if (!prepared) {
            return prepared.error();
        }
        it = prepared_.emplace(query, std::move(name)).first;
    }
    std::vector<const char*> values;
    values.reserve(params.values().size());
    for (const auto& v : params.values()) {
        values.push_back(v ? v->c_str() : nullptr);
    }
    PGresult* raw = PQexecPrepared(conn_.get(), it->second.c_str(), static_cast<int>(values.size()), values.data(),
                                   nullptr, nullptr, 0);
    return finish(sql, raw);
}

Status PgConnection::exec_script(std::string_view sql) {
    const std::string script(sql);
    PGresult* raw = PQexec(conn_.get(), script.c_str());
    const auto status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        PQclear(raw);
        return ok();
    }
    Error e = failure(sql, raw);
    PQclear(raw);
    return e;
}

std::string redact_url(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) {
        return std::string(url);
    }
    const auto at = url.find('@', scheme + 3);
    const auto slash = url.find('/', scheme + 3);
    if (at == std::string_view::npos || (slash != std::string_view::npos && slash < at)) {
        return std::string(url);
    }
    const auto colon = url.find(':', scheme + 3);
    if (colon == std::string_view::npos || colon > at) {
        return std::string(url);
    }
    return std::string(url.substr(0, colon)) + std::string(url.substr(at));
}

}  // namespace fw::store::pg
