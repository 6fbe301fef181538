#pragma once
// Result<T>: expected failures cross module boundaries as values (see docs/architecture.md).
// Mirrors the std::expected API so a later switch is one alias.

#include <string>
#include <utility>
#include <variant>

#include "domain/error.h"

namespace fw {

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
    Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

    bool has_value() const { return state_.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(state_); }

    template <typename U>
    T value_or(U&& fallback) const {
        return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, Error> state_;
};

/// Success without a value.
struct Ok {};

/// Result of an operation that returns nothing on success.
using Status = Result<Ok>;

inline Status ok() {
    return Status(Ok{});
}

}  // namespace fw
