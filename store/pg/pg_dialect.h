#pragma once
// PostgreSQL's side of sql::Dialect (store/sql_dialect.h).

#include "store/sql_dialect.h"

namespace fw::store::pg {

/// tsvector search ('simple' configuration, store/pg/pg_search.h), a generated search column
/// (nothing to index by hand), and an advisory lock that orders item ids.
const sql::Dialect& postgres_dialect();

}  // namespace fw::store::pg
