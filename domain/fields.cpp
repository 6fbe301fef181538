#include "domain/fields.h"

namespace fw {

const FieldValue* Fields::find(std::string_view key) const {
    auto it = values_.find(key);
    return it == values_.end() ? nullptr : &it->second;
}

std::optional<std::string> Fields::text(std::string_view key) const {
    const FieldValue* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (const auto* s = std::get_if<std::string>(v)) {
        return *s;
    }
    return std::nullopt;
}

std::optional<double> Fields::number(std::string_view key) const {
    const FieldValue* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (const auto* i = std::get_if<std::int64_t>(v)) {
        return static_cast<double>(*i);
    }
    if (const auto* d = std::get_if<double>(v)) {
        return *d;
    }
    return std::nullopt;
}

std::optional<std::int64_t> Fields::integer(std::string_view key) const {
    const FieldValue* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (const auto* i = std::get_if<std::int64_t>(v)) {
        return *i;
    }
    return std::nullopt;
}

std::optional<bool> Fields::boolean(std::string_view key) const {
    const FieldValue* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (const auto* b = std::get_if<bool>(v)) {
        return *b;
    }
    return std::nullopt;
}

}  // namespace fw
