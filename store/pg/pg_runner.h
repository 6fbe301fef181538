#pragma once
// sql::Runner over a libpq connection (text-format parameters and results; each SQL text is
// prepared once per connection and reused, PgConnection::exec_prepared).

#include "store/pg/pg_connection.h"
#include "store/sql_runner.h"

namespace fw::store::pg {

class PgRunner final : public sql::Runner {
public:
    explicit PgRunner(PgConnection& conn) : conn_(&conn) {}
    using sql::Runner::query;
    Result<std::vector<sql::Row>> query(std::string_view sql, std::span<const sql::Value> params) override;
    Result<std::vector<sql::Row>> query_planned_each_time(std::string_view sql,
                                                          std::span<const sql::Value> params) override;

private:
    PgConnection* conn_;
};

}  // namespace fw::store::pg
