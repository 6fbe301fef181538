#include "store/statement.h"

#include <sqlite3.h>

#include <utility>

namespace fw::store {

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      in_use_(std::exchange(other.in_use_, nullptr)),
      bind_error_(other.bind_error_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        release();
        stmt_ = std::exchange(other.stmt_, nullptr);
        in_use_ = std::exchange(other.in_use_, nullptr);
        bind_error_ = other.bind_error_;
    }
    return *this;
}

Statement::~Statement() {
    release();
}

void Statement::release() noexcept {
    if (stmt_ == nullptr) {
        return;
    }
    if (in_use_ != nullptr) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        *in_use_ = false;
    } else {
        sqlite3_finalize(stmt_);
    }
    stmt_ = nullptr;
    in_use_ = nullptr;
}

namespace {
void remember(int& slot, int rc) {
    if (rc != SQLITE_OK && slot == SQLITE_OK) {
        slot = rc;
    }
}
}  // namespace

void Statement::bind(int index, std::string_view value) {
    // TRANSIENT: SQLite copies, so callers may bind temporaries.
    remember(bind_error_, sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void Statement::bind_borrowed(int index, std::string_view value) {
    // STATIC: no copy of the title, texts and payload of every item written (issue 18.3).
    remember(bind_error_, sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8));
}

void Statement::bind(int index, std::int64_t value) {
    remember(bind_error_, sqlite3_bind_int64(stmt_, index, value));
}

void Statement::bind(int index, double value) {
    remember(bind_error_, sqlite3_bind_double(stmt_, index, value));
}

void Statement::bind(int index, std::nullopt_t) {
    remember(bind_error_, sqlite3_bind_null(stmt_, index));
}

Error Statement::failure(int code) const {
    sqlite3* db = sqlite3_db_handle(stmt_);
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    if (message == "not an error" || message.empty()) {
        message = sqlite3_errstr(code);
    }
    std::string sql = sqlite3_sql(stmt_) != nullptr ? sqlite3_sql(stmt_) : "";
    if (sql.size() > 80) {
        sql = sql.substr(0, 77) + "...";
    }
    const char* file = db != nullptr ? sqlite3_db_filename(db, "main") : nullptr;
    std::string where = (file != nullptr && *file != '\0') ? file : ":memory:";
    return make_error(ErrorCode::Storage, message + " (in: " + sql + ")", where);
}

Result<bool> Statement::step() {
    if (bind_error_ != SQLITE_OK) {
        const int rc = std::exchange(bind_error_, SQLITE_OK);
        return failure(rc);
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    Error error = failure(rc);
    sqlite3_reset(stmt_);
    return error;
}

Status Statement::run() {
    for (;;) {
        auto row = step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
    }
    sqlite3_reset(stmt_);
    return ok();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
}

int Statement::column_count() const {
    return sqlite3_column_count(stmt_);
}

Statement::ColumnType Statement::column_type(int column) const {
    switch (sqlite3_column_type(stmt_, column)) {
        case SQLITE_INTEGER:
            return ColumnType::Integer;
        case SQLITE_FLOAT:
            return ColumnType::Real;
        case SQLITE_NULL:
            return ColumnType::Null;
        default:
            return ColumnType::Text;  // TEXT, and BLOB read as bytes
    }
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (data == nullptr) {
        return {};
    }
    return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::int64_t> Statement::optional_int64(int column) const {
    return is_null(column) ? std::nullopt : std::optional<std::int64_t>(int64(column));
}

std::optional<double> Statement::optional_real(int column) const {
    return is_null(column) ? std::nullopt : std::optional<double>(real(column));
}

std::optional<std::string> Statement::optional_text(int column) const {
    return is_null(column) ? std::nullopt : std::optional<std::string>(text(column));
}

std::optional<TimePoint> Statement::optional_time(int column) const {
    return is_null(column) ? std::nullopt : std::optional<TimePoint>(time(column));
}

}  // namespace fw::store
