#include "store/sqlite_runner.h"

#include <cctype>

namespace fw::store {

std::string sqlite_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote != 0) {
            quote = c == quote ? 0 : quote;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '$' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1])) != 0) {
            out += '?';
            continue;
        }
        out += c;
    }
    return out;
}

const std::string& SqliteRunner::translated(std::string_view sql) {
    if (auto it = translated_.find(sql); it != translated_.end()) {
        return it->second;
    }
    return translated_.emplace(std::string(sql), sqlite_placeholders(sql)).first->second;
}

namespace {

void bind_all(Statement& st, std::span<const sql::Value> params) {
    for (std::size_t i = 0; i < params.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::monostate>) {
                    st.bind(index, std::nullopt);
                } else if constexpr (std::is_same_v<T, std::string>) {
                    // `params` outlive the statement's use in query() and insert().
                    st.bind_borrowed(index, v);
                } else {
                    st.bind(index, v);
                }
            },
            params[i]);
    }
}

}  // namespace

Result<std::int64_t> SqliteRunner::insert(std::string_view sql, std::span<const sql::Value> params) {
    auto st = db_->cached(translated(sql));
    if (!st) {
        return st.error();
    }
    bind_all(*st, params);
    if (auto done = st->run(); !done) {
        return done.error();
    }
    return db_->last_insert_id();
}

Result<std::vector<sql::Row>> SqliteRunner::query(std::string_view sql, std::span<const sql::Value> params) {
    auto st = db_->cached(translated(sql));
    if (!st) {
        return st.error();
    }
    bind_all(*st, params);
    std::vector<sql::Row> rows;
    for (;;) {
        auto more = st->step();
        if (!more) {
            return more.error();
        }
        if (!*more) {
            break;
        }
        std::vector<sql::Value> columns;
        const int n = st->column_count();
        columns.reserve(static_cast<std::size_t>(n));
        for (int c = 0; c < n; ++c) {
            switch (st->column_type(c)) {
                case Statement::ColumnType::Integer:
                    columns.emplace_back(st->int64(c));
                    break;
                case Statement::ColumnType::Real:
                    columns.emplace_back(st->real(c));
                    break;
                case Statement::ColumnType::Text:
                    columns.emplace_back(st->text(c));
                    break;
                case Statement::ColumnType::Null:
                    columns.emplace_back(std::monostate{});
                    break;
            }
        }
        rows.emplace_back(std::move(columns));
    }
    return rows;
}

}  // namespace fw::store
