#pragma once
// A stable, fast, non-cryptographic content hash (FNV-1a 64) for change detection. Stable
// across platforms and runs, unlike std::hash; never used for security.

#include <cstdint>
#include <string>
#include <string_view>

namespace fw {

class ContentHasher {
public:
    /// Adds a field; the length prefix keeps ("ab","c") and ("a","bc") apart.
    ContentHasher& add(std::string_view field);
    std::uint64_t value() const { return state_; }
    /// 16 lowercase hex digits.
    std::string hex() const;

private:
    std::uint64_t state_ = 0xcbf29ce484222325ULL;
    void mix(unsigned char byte);
};

}  // namespace fw
