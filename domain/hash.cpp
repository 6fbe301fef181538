#include "domain/hash.h"

namespace fw {

void ContentHasher::mix(unsigned char byte) {
    state_ ^= byte;
    state_ *= 0x100000001b3ULL;
}

ContentHasher& ContentHasher::add(std::string_view field) {
    auto n = static_cast<std::uint64_t>(field.size());
    for (int i = 0; i < 8; ++i) {
        mix(static_cast<unsigned char>(n & 0xFF));
        n >>= 8;
    }
    for (char c : field) {
        mix(static_cast<unsigned char>(c));
    }
    return *this;
}

std::string ContentHasher::hex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    std::uint64_t v = state_;
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = kDigits[v & 0xF];
        v >>= 4;
    }
    return out;
}

}  // namespace fw
