#include "store/sql_util.h"

#include <chrono>

namespace fw::store::detail {

Result<std::int64_t> scalar_int(Database& db, std::string_view sql) {
    auto st = db.cached(sql);
    if (!st) {
        return st.error();
    }
    auto row = st->step();
    if (!row) {
        return row.error();
    }
    return *row ? st->int64(0) : 0;
}

TimePoint now_seconds() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace fw::store::detail
