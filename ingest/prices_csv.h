#pragma once
// Daily price bars from CSV with a header line (Yahoo/Stooq/koi-west style), validated so an
// HTML page answered with 200 (Stooq's key or proof-of-work interstitial) is never read as data.

#include <string_view>
#include <vector>

#include "domain/price.h"
#include "domain/result.h"

namespace fw::ingest {

/// Columns Date, Open, High, Low, Close, Adj Close, Volume in any order and case (Date and
/// Close required; "Adj Close"/"adj_close"/"AdjClose" alike; FRED's observation_date and a
/// single value column are read as date and close). Empty, "null", "NaN" or "." cells are
/// nullopt; "$1,234.5" is 1234.5. A truncated last line (no newline, short or unreadable) is
/// skipped. Errors name the line: a bad date, a short row, a non-number.
Result<std::vector<PriceBar>> parse_prices_csv(std::string_view body, std::string_view symbol);

}  // namespace fw::ingest
