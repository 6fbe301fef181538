#pragma once
// The prices table: one daily bar per (symbol, date), written once over sql::Runner for SQLite
// and PostgreSQL.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/price.h"
#include "domain/result.h"
#include "store/sql_runner.h"

namespace fw::store {

class PriceRepository {
public:
    explicit PriceRepository(sql::Runner& runner) : db_(&runner) {}

    /// Inserts new bars and overwrites changed ones; returns the rows written (0 on a re-run
    /// of the same bars). Error{Invalid} for an empty symbol.
    Result<int> upsert(std::span<const PriceBar> bars);
    /// Oldest first.
    Result<std::vector<PriceBar>> load(std::string_view symbol);
    /// Every symbol with a bar, in order.
    Result<std::vector<std::string>> symbols();

private:
    sql::Runner* db_;
};

}  // namespace fw::store
