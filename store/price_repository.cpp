#include "store/price_repository.h"

#include "store/sql_util.h"

namespace fw::store {

Result<int> PriceRepository::upsert(std::span<const PriceBar> bars) {
    int written = 0;
    for (const PriceBar& bar : bars) {
        if (bar.symbol.empty()) {
            return make_error(ErrorCode::Invalid, "price bar without a symbol", format_date(bar.date));
        }
        // The WHERE skips identical rows, so a re-run writes nothing. IS NOT compares NULLs
        // (PostgreSQL: IS DISTINCT FROM).
        auto changed = detail::run_cached(
            *db_,
            "INSERT INTO prices (symbol, date, open, high, low, close, adj_close, volume) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (symbol, date) DO UPDATE SET "
            "open = excluded.open, high = excluded.high, low = excluded.low, "
            "close = excluded.close, adj_close = excluded.adj_close, volume = excluded.volume "
            "WHERE open IS NOT excluded.open OR high IS NOT excluded.high OR low IS NOT excluded.low "
            "OR close IS NOT excluded.close OR adj_close IS NOT excluded.adj_close "
            "OR volume IS NOT excluded.volume",
            [&](Statement& st) {
                st.bind(1, bar.symbol);
                st.bind(2, format_date(bar.date));
                st.bind(3, bar.open);
                st.bind(4, bar.high);
                st.bind(5, bar.low);
                st.bind(6, bar.close);
                st.bind(7, bar.adj_close);
                st.bind(8, bar.volume);
            });
        if (!changed) {
            return changed.error();
        }
        written += *changed;
    }
    return written;
}

Result<std::vector<PriceBar>> PriceRepository::load(std::string_view symbol) {
    auto st = db_->cached(
        "SELECT date, open, high, low, close, adj_close, volume FROM prices WHERE symbol = ?1 "
        "ORDER BY date");
    if (!st) {
        return st.error();
    }
    st->bind(1, symbol);
    std::vector<PriceBar> out;
    for (;;) {
        auto row = st->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return out;
        }
        auto date = parse_iso8601(st->text(0));
        if (!date) {
            return make_error(ErrorCode::Storage, "corrupt price date \"" + st->text(0) + "\"",
                              "prices " + std::string(symbol));
        }
        PriceBar bar;
        bar.symbol = std::string(symbol);
        bar.date = day_of(*date);
        bar.open = st->optional_real(1);
        bar.high = st->optional_real(2);
        bar.low = st->optional_real(3);
        bar.close = st->optional_real(4);
        bar.adj_close = st->optional_real(5);
        bar.volume = st->optional_int64(6);
        out.push_back(std::move(bar));
    }
}

Result<std::int64_t> PriceRepository::count() {
    return detail::scalar_int(*db_, "SELECT COUNT(*) FROM prices");
}

}  // namespace fw::store
