#include "store/sql_runner.h"

#include <charconv>

namespace fw::store::sql {

bool Row::is_null(std::size_t i) const {
    return i >= columns_.size() || std::holds_alternative<std::monostate>(columns_[i]);
}

std::int64_t Row::int64(std::size_t i) const {
    if (i >= columns_.size()) {
        return 0;
    }
    const auto& v = columns_[i];
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
        return *n;
    }
    if (const auto* d = std::get_if<double>(&v)) {
        return static_cast<std::int64_t>(*d);
    }
    if (const auto* s = std::get_if<std::string>(&v)) {
        std::int64_t n = 0;
        std::from_chars(s->data(), s->data() + s->size(), n);
        return n;
    }
    return 0;
}

double Row::real(std::size_t i) const {
    if (i >= columns_.size()) {
        return 0;
    }
    const auto& v = columns_[i];
    if (const auto* d = std::get_if<double>(&v)) {
        return *d;
    }
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
        return static_cast<double>(*n);
    }
    if (const auto* s = std::get_if<std::string>(&v)) {
        try {
            return std::stod(*s);
        } catch (const std::exception&) {
            return 0;
        }
    }
    return 0;
}

std::string Row::text(std::size_t i) const {
    if (i >= columns_.size()) {
        return {};
    }
    const auto& v = columns_[i];
    if (const auto* s = std::get_if<std::string>(&v)) {
        return *s;
    }
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
        return std::to_string(*n);
    }
    if (const auto* d = std::get_if<double>(&v)) {
        return std::to_string(*d);
    }
    return {};
}

std::optional<std::string> Row::optional_text(std::size_t i) const {
    if (is_null(i)) {
        return std::nullopt;
    }
    return text(i);
}

std::optional<std::int64_t> Row::optional_int64(std::size_t i) const {
    return is_null(i) ? std::nullopt : std::optional<std::int64_t>(int64(i));
}

std::optional<double> Row::optional_real(std::size_t i) const {
    return is_null(i) ? std::nullopt : std::optional<double>(real(i));
}

std::optional<TimePoint> Row::optional_time(std::size_t i) const {
    if (is_null(i)) {
        return std::nullopt;
    }
    return time(i);
}

Result<std::int64_t> Runner::insert(std::string_view sql, std::span<const Value> params) {
    auto rows = query(std::string(sql) + " RETURNING id", params);
    if (!rows) {
        return rows.error();
    }
    return rows->empty() ? 0 : rows->front().int64(0);
}

}  // namespace fw::store::sql
