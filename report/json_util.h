#pragma once
// nlohmann helpers private to report/ (never included by a public header).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/fields.h"
#include "domain/time.h"

namespace fw::report::detail {

using Json = nlohmann::ordered_json;

template <typename T>
Json opt(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}

inline Json opt_date(const std::optional<TimePoint>& t) {
    return t ? Json(format_date(*t)) : Json(nullptr);
}

/// "" means unknown.
inline Json text_or_null(const std::string& s) {
    return s.empty() ? Json(nullptr) : Json(s);
}

Json fields_json(const Fields& fields);

}  // namespace fw::report::detail
