#include "app/duration.h"

#include <charconv>

namespace fw::app {

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
    long long n = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || n <= 0) {
        return std::nullopt;
    }
    const std::string_view unit(ptr, static_cast<std::size_t>(text.data() + text.size() - ptr));
    long long scale = 0;
    if (unit.empty() || unit == "s") {
        scale = 1;
    } else if (unit == "m" || unit == "min") {
        scale = 60;
    } else if (unit == "h") {
        scale = 3600;
    } else if (unit == "d") {
        scale = 86400;
    } else if (unit == "w") {
        scale = 7 * 86400;
    } else {
        return std::nullopt;
    }
    return std::chrono::seconds{n * scale};
}

}  // namespace fw::app
