#pragma once
// Kind-specific event fields ("fields" in the contract's JSON): a small ordered map of scalar
// values, so the pure modules need no JSON library.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>

namespace fw {

/// null, bool, integer, real or text: the scalar JSON values.
using FieldValue = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

class Fields {
public:
    using Map = std::map<std::string, FieldValue, std::less<>>;

    void set(std::string key, FieldValue value) { values_[std::move(key)] = std::move(value); }
    void set_null(std::string key) { values_[std::move(key)] = std::monostate{}; }
    void erase(const std::string& key) { values_.erase(key); }
    bool contains(std::string_view key) const { return values_.find(key) != values_.end(); }
    const FieldValue* find(std::string_view key) const;

    /// Text value, or nullopt when absent, null or not text.
    std::optional<std::string> text(std::string_view key) const;
    /// Numeric value (integer or real), or nullopt.
    std::optional<double> number(std::string_view key) const;
    std::optional<std::int64_t> integer(std::string_view key) const;
    std::optional<bool> boolean(std::string_view key) const;

    bool empty() const { return values_.empty(); }
    std::size_t size() const { return values_.size(); }
    Map::const_iterator begin() const { return values_.begin(); }
    Map::const_iterator end() const { return values_.end(); }
    bool operator==(const Fields& other) const = default;

private:
    Map values_;
};

}  // namespace fw
