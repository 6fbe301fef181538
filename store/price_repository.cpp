#include "store/price_repository.h"

#include <string>

namespace fw::store {

Result<int> PriceRepository::upsert(std::span<const PriceBar> bars) {
    int written = 0;
    for (const PriceBar& bar : bars) {
        if (bar.symbol.empty()) {
            return make_error(ErrorCode::Invalid, "price bar without a symbol", format_date(bar.date));
        }
        // The WHERE skips identical rows, so a re-run writes nothing; IS DISTINCT FROM compares
        // NULLs (SQLite has it since 3.39). RETURNING yields only the rows written.
        auto rows = db_->query(
            "INSERT INTO prices (symbol, date, open, high, low, close, adj_close, volume) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (symbol, date) DO UPDATE SET "
            "open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, "
            "adj_close = excluded.adj_close, volume = excluded.volume "
            "WHERE prices.open IS DISTINCT FROM excluded.open OR prices.high IS DISTINCT FROM excluded.high "
            "OR prices.low IS DISTINCT FROM excluded.low OR prices.close IS DISTINCT FROM excluded.close "
            "OR prices.adj_close IS DISTINCT FROM excluded.adj_close "
            "OR prices.volume IS DISTINCT FROM excluded.volume RETURNING symbol",
            {sql::value(bar.symbol), sql::value(format_date(bar.date)), sql::value(bar.open), sql::value(bar.high),
             sql::value(bar.low), sql::value(bar.close), sql::value(bar.adj_close), sql::value(bar.volume)});
        if (!rows) {
            return rows.error();
        }
        written += static_cast<int>(rows->size());
    }
    return written;
}

Result<std::vector<PriceBar>> PriceRepository::load(std::string_view symbol) {
    auto rows =
        db_->query("SELECT date, open, high, low, close, adj_close, volume FROM prices WHERE symbol = $1 ORDER BY date",
                   {sql::value(symbol)});
    if (!rows) {
        return rows.error();
    }
    std::vector<PriceBar> out;
    out.reserve(rows->size());
    for (const auto& r : *rows) {
        auto date = parse_iso8601(r.text(0));
        if (!date) {
            return make_error(ErrorCode::Storage, "corrupt price date \"" + r.text(0) + "\"",
                              "prices " + std::string(symbol));
        }
        PriceBar bar;
        bar.symbol = std::string(symbol);
        bar.date = day_of(*date);
        bar.open = r.optional_real(1);
        bar.high = r.optional_real(2);
        bar.low = r.optional_real(3);
        bar.close = r.optional_real(4);
        bar.adj_close = r.optional_real(5);
        bar.volume = r.optional_int64(6);
        out.push_back(std::move(bar));
    }
    return out;
}

Result<std::vector<std::string>> PriceRepository::symbols() {
    return sql::read_rows<std::string>(db_->query("SELECT DISTINCT symbol FROM prices ORDER BY symbol", {}),
                                       [](const sql::Row& r) -> Result<std::string> { return r.text(0); });
}

}  // namespace fw::store
