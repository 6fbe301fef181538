#pragma once
// The market: daily price bars per symbol (securities and benchmarks). Part of store::Store
// (store/store.h).

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/price.h"
#include "domain/result.h"

namespace fw::store {

class PriceStore {
public:
    virtual ~PriceStore() = default;

    virtual Result<int> upsert_prices(std::span<const PriceBar> bars) = 0;
    /// Oldest first.
    virtual Result<std::vector<PriceBar>> load_prices(std::string_view symbol) = 0;
    /// Every symbol with at least one bar, in order.
    virtual Result<std::vector<std::string>> price_symbols() = 0;
};

}  // namespace fw::store
