#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/time.h"

namespace fw {

/// One daily bar. Returns use adj_close, or close where there is none.
struct PriceBar {
    std::string symbol;
    Day date{};
    std::optional<double> open;
    std::optional<double> high;
    std::optional<double> low;
    std::optional<double> close;
    std::optional<double> adj_close;
    std::optional<std::int64_t> volume;

    std::optional<double> adjusted() const { return adj_close ? adj_close : close; }
};

}  // namespace fw
