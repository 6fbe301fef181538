#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace fw::app {

/// "90s", "15m", "1h", "2d", "1w" or a bare number of seconds. nullopt for anything else or <= 0.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

}  // namespace fw::app
