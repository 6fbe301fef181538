#include "store/pg/pg_runner.h"

namespace fw::store::pg {

namespace {

Params bind(std::span<const sql::Value> params) {
    Params bound;
    for (const auto& p : params) {
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::monostate>) {
                    bound.add(std::nullopt);
                } else {
                    bound.add(v);
                }
            },
            p);
    }
    return bound;
}

Result<std::vector<sql::Row>> rows_of(Result<PgResult> r) {
    if (!r) {
        return r.error();
    }
    // Text format: every value arrives as text (or NULL); sql::Row converts on reading.
    std::vector<sql::Row> rows;
    rows.reserve(static_cast<std::size_t>(r->rows()));
    const int n = r->columns();
    for (int i = 0; i < r->rows(); ++i) {
        std::vector<sql::Value> columns;
        columns.reserve(static_cast<std::size_t>(n));
        for (int c = 0; c < n; ++c) {
            if (r->is_null(i, c)) {
                columns.emplace_back(std::monostate{});
            } else {
                columns.emplace_back(r->text(i, c));
            }
        }
        rows.emplace_back(std::move(columns));
    }
    return rows;
}

}  // namespace

Result<std::vector<sql::Row>> PgRunner::query(std::string_view sql, std::span<const sql::Value> params) {
    return rows_of(conn_->exec_prepared(sql, bind(params)));
}

Result<std::vector<sql::Row>> PgRunner::query_planned_each_time(std::string_view sql,
                                                                std::span<const sql::Value> params) {
    return rows_of(conn_->exec(sql, bind(params)));  // unnamed: planned for these values
}

}  // namespace fw::store::pg
