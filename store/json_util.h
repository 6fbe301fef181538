#pragma once
// JSON helpers shared by the store's codecs (payload_codec.cpp, taxonomy_codec.cpp). Internal
// to store/: nlohmann is the store's private dependency, so only store/*.cpp include this.
// Reads are lenient: a missing or mistyped member gives the default, as a hand-edited body would.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/time.h"

namespace fw::store::detail {

/// Compact text. Invalid UTF-8 is replaced: a stray byte must not throw (and lose a whole upsert).
inline std::string dump(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// RFC 3339, or null.
inline nlohmann::json time_or_null(const std::optional<TimePoint>& t) {
    return t ? nlohmann::json(format_rfc3339(*t)) : nlohmann::json(nullptr);
}

inline std::string read_text(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

inline std::optional<TimePoint> read_time(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) {
        return std::nullopt;
    }
    return parse_iso8601(it->get_ref<const std::string&>());
}

/// The string elements of an array member (others skipped).
inline std::vector<std::string> read_strings(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it != j.end() && it->is_array()) {
        for (const auto& v : *it) {
            if (v.is_string()) {
                out.push_back(v.get<std::string>());
            }
        }
    }
    return out;
}

}  // namespace fw::store::detail
