#include "ingest/address_policy.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>

namespace fw::ingest {
namespace {

constexpr std::array<std::uint8_t, 12> kMappedPrefix{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

IpAddress from_v4(std::uint32_t v4) {
    IpAddress a;
    std::copy(kMappedPrefix.begin(), kMappedPrefix.end(), a.bytes.begin());
    a.bytes[12] = static_cast<std::uint8_t>(v4 >> 24);
    a.bytes[13] = static_cast<std::uint8_t>(v4 >> 16);
    a.bytes[14] = static_cast<std::uint8_t>(v4 >> 8);
    a.bytes[15] = static_cast<std::uint8_t>(v4);
    return a;
}

// One part of an inet_aton-style IPv4 spelling: 0x.. hex, 0.. octal, else decimal.
std::optional<std::uint64_t> parse_v4_part(std::string_view part) {
    if (part.empty()) {
        return std::nullopt;
    }
    int base = 10;
    if (part.size() >= 2 && part[0] == '0' && (part[1] == 'x' || part[1] == 'X')) {
        base = 16;
        part.remove_prefix(2);
    } else if (part.size() >= 2 && part[0] == '0') {
        base = 8;
        part.remove_prefix(1);
    }
    std::uint64_t value = 0;
    for (const char c : part) {
        int digit = 0;
        if (c >= '0' && c <= '9') {
            digit = c - '0';
        } else if (base == 16 && std::isxdigit(static_cast<unsigned char>(c))) {
            digit = std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
        } else {
            return std::nullopt;
        }
        if (digit >= base) {
            return std::nullopt;
        }
        value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(digit);
        if (value > 0xffffffffULL) {
            return std::nullopt;
        }
    }
    return value;
}

// "127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.1", "127.1": the last part fills the bytes
// the earlier ones leave (inet_aton, and the WHATWG URL host parser, read them so).
std::optional<IpAddress> parse_v4(std::string_view text) {
    if (!text.empty() && text.back() == '.') {
        text.remove_suffix(1);  // "127.0.0.1." is the same host
    }
    std::vector<std::uint64_t> parts;
    std::size_t start = 0;
    for (;;) {
        const auto dot = text.find('.', start);
        auto part = parse_v4_part(text.substr(start, dot == std::string_view::npos ? dot : dot - start));
        if (!part || parts.size() == 4) {
            return std::nullopt;
        }
        parts.push_back(*part);
        if (dot == std::string_view::npos) {
            break;
        }
        start = dot + 1;
    }
    std::uint32_t value = 0;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        if (parts[i] > 255) {
            return std::nullopt;
        }
        value |= static_cast<std::uint32_t>(parts[i]) << (8 * (3 - i));
    }
    const std::size_t last_bytes = 4 - (parts.size() - 1);
    const std::uint64_t last_max = last_bytes == 4 ? 0xffffffffULL : (1ULL << (8 * last_bytes)) - 1;
    if (parts.back() > last_max) {
        return std::nullopt;
    }
    return from_v4(value | static_cast<std::uint32_t>(parts.back()));
}

std::uint32_t v4_of(const IpAddress& a, std::size_t offset = 12) {
    return (std::uint32_t{a.bytes[offset]} << 24) | (std::uint32_t{a.bytes[offset + 1]} << 16) |
           (std::uint32_t{a.bytes[offset + 2]} << 8) | std::uint32_t{a.bytes[offset + 3]};
}

bool in_v4(std::uint32_t v4, std::uint32_t network, int prefix) {
    const std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
    return (v4 & mask) == network;
}

AddressClass classify_v4(std::uint32_t v4) {
    if (in_v4(v4, 0x00000000, 8))
        return AddressClass::Unspecified;
    if (in_v4(v4, 0x7f000000, 8))
        return AddressClass::Loopback;
    if (in_v4(v4, 0x0a000000, 8) || in_v4(v4, 0xac100000, 12) || in_v4(v4, 0xc0a80000, 16)) {
        return AddressClass::Private;
    }
    if (in_v4(v4, 0x64400000, 10))
        return AddressClass::SharedCgnat;
    if (in_v4(v4, 0xa9fe0000, 16))
        return AddressClass::LinkLocal;
    if (in_v4(v4, 0xe0000000, 4))
        return AddressClass::Multicast;
    if (in_v4(v4, 0xf0000000, 4))
        return AddressClass::Reserved;  // includes 255.255.255.255
    return AddressClass::Public;
}

bool has_prefix(const IpAddress& a, std::initializer_list<std::uint8_t> prefix) {
    return std::equal(prefix.begin(), prefix.end(), a.bytes.begin());
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
    }
    return text;
}

}  // namespace

bool IpAddress::is_v4() const {
    return std::equal(kMappedPrefix.begin(), kMappedPrefix.end(), bytes.begin());
}

std::string IpAddress::to_string() const {
    if (is_v4()) {
        return std::to_string(bytes[12]) + "." + std::to_string(bytes[13]) + "." + std::to_string(bytes[14]) + "." +
               std::to_string(bytes[15]);
    }
    std::array<char, INET6_ADDRSTRLEN> buf{};
    inet_ntop(AF_INET6, bytes.data(), buf.data(), buf.size());
    return buf.data();
}

std::optional<IpAddress> parse_ip(std::string_view text) {
    text = trim(text);
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
        text = text.substr(1, text.size() - 2);
    }
    if (text.find(':') == std::string_view::npos) {
        return parse_v4(text);
    }
    if (const auto zone = text.find('%'); zone != std::string_view::npos) {
        text = text.substr(0, zone);  // the interface of a link-local address: same address
    }
    const std::string copy(text);
    IpAddress a;
    if (inet_pton(AF_INET6, copy.c_str(), a.bytes.data()) != 1) {
        return std::nullopt;
    }
    return a;
}

AddressClass classify(const IpAddress& a) {
    if (a.is_v4()) {
        return classify_v4(v4_of(a));
    }
    const bool zero96 = std::all_of(a.bytes.begin(), a.bytes.begin() + 12, [](auto b) { return b == 0; });
    if (zero96) {
        const std::uint32_t low = v4_of(a);
        if (low == 0)
            return AddressClass::Unspecified;
        if (low == 1)
            return AddressClass::Loopback;
        return classify_v4(low);  // deprecated IPv4-compatible ::a.b.c.d
    }
    if (has_prefix(a, {0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})) {
        return classify_v4(v4_of(a));  // NAT64 64:ff9b::/96 reaches the IPv4 address inside
    }
    if (a.bytes[0] == 0x20 && a.bytes[1] == 0x02) {
        // 6to4 2002:AABB:CCDD::/48 tunnels to the IPv4 address AA.BB.CC.DD.
        if (const auto inner = classify_v4(v4_of(a, 2)); inner != AddressClass::Public) {
            return inner;
        }
    }
    if (a.bytes[0] == 0xfe && (a.bytes[1] & 0xc0) == 0x80)
        return AddressClass::LinkLocal;
    if (a.bytes[0] == 0xfe && (a.bytes[1] & 0xc0) == 0xc0)
        return AddressClass::Private;  // site-local
    if ((a.bytes[0] & 0xfe) == 0xfc)
        return AddressClass::UniqueLocal;
    if (a.bytes[0] == 0xff)
        return AddressClass::Multicast;
    return AddressClass::Public;
}

std::string_view describe(AddressClass cls) {
    switch (cls) {
        case AddressClass::Public:
            return "a public address";
        case AddressClass::Unspecified:
            return "an unspecified address";
        case AddressClass::Loopback:
            return "a loopback address";
        case AddressClass::Private:
            return "a private address";
        case AddressClass::SharedCgnat:
            return "a shared (carrier-grade NAT) address";
        case AddressClass::LinkLocal:
            return "a link-local address";
        case AddressClass::UniqueLocal:
            return "a unique-local address";
        case AddressClass::Multicast:
            return "a multicast address";
        case AddressClass::Reserved:
            return "a reserved address";
    }
    return "an address";
}

bool Cidr::contains(const IpAddress& address) const {
    const int full = prefix / 8;
    if (!std::equal(network.bytes.begin(), network.bytes.begin() + full, address.bytes.begin())) {
        return false;
    }
    const int rest = prefix % 8;
    if (rest == 0) {
        return true;
    }
    const auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
    return (address.bytes[full] & mask) == network.bytes[full];
}

std::string Cidr::to_string() const {
    if (network.is_v4() && prefix >= 96) {
        return network.to_string() + "/" + std::to_string(prefix - 96);
    }
    return network.to_string() + "/" + std::to_string(prefix);
}

Result<Cidr> parse_cidr(std::string_view text) {
    text = trim(text);
    const auto slash = text.rfind('/');
    const std::string_view addr_text = slash == std::string_view::npos ? text : text.substr(0, slash);
    const auto addr = parse_ip(addr_text);
    if (!addr) {
        return make_error(ErrorCode::Invalid, "not a network (CIDR like 10.0.0.0/8 or fd00::/8)", std::string(text));
    }
    const int width = addr->is_v4() ? 32 : 128;
    int bits = width;
    if (slash != std::string_view::npos) {
        const std::string_view digits = text.substr(slash + 1);
        if (digits.empty() || digits.size() > 3 ||
            !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return make_error(ErrorCode::Invalid, "bad prefix length", std::string(text));
        }
        bits = std::stoi(std::string(digits));
        if (bits > width) {
            return make_error(ErrorCode::Invalid, "prefix length over " + std::to_string(width), std::string(text));
        }
    }
    Cidr cidr;
    cidr.prefix = addr->is_v4() ? bits + 96 : bits;
    cidr.network = *addr;
    for (int i = 0; i < 16; ++i) {
        const int keep = std::clamp(cidr.prefix - i * 8, 0, 8);
        cidr.network.bytes[i] &= static_cast<std::uint8_t>(keep == 0 ? 0 : 0xff << (8 - keep));
    }
    return cidr;
}

Result<std::vector<Cidr>> parse_cidr_list(std::string_view text) {
    std::vector<Cidr> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = std::min(text.find(',', start), text.size());
        const std::string_view entry = trim(text.substr(start, comma - start));
        if (!entry.empty()) {
            auto cidr = parse_cidr(entry);
            if (!cidr) {
                return cidr.error();
            }
            out.push_back(*cidr);
        }
        start = comma + 1;
    }
    return out;
}

std::optional<std::string> address_refusal(const NetworkPolicy& policy, std::string_view address) {
    if (policy.allow_private_networks) {
        return std::nullopt;
    }
    const auto ip = parse_ip(address);
    if (!ip) {
        return std::string(address) + " is not an IP address that can be checked " + policy.where;
    }
    const AddressClass cls = classify(*ip);
    if (cls == AddressClass::Public) {
        return std::nullopt;
    }
    if (std::any_of(policy.allowed_networks.begin(), policy.allowed_networks.end(),
                    [&](const Cidr& c) { return c.contains(*ip); })) {
        return std::nullopt;
    }
    return std::string(trim(address)) + " is " + std::string(describe(cls)) + " " + policy.where;
}

std::optional<std::string> url_refusal(const NetworkPolicy& policy, std::string_view url) {
    url = trim(url);
    const auto colon = url.find(':');
    const std::string scheme = colon == std::string_view::npos ? std::string() : lower(url.substr(0, colon));
    if (scheme == "file") {
        if (policy.allow_file_urls) {
            return std::nullopt;
        }
        return "file:// sources are not fetched " + policy.where +
               " (its admin may allow them: frontierwatch settings set fetch.allow_file_urls true)";
    }
    if (colon == std::string_view::npos || url.substr(colon + 1, 2) != "//") {
        return std::nullopt;  // not a URL with an authority: libcurl refuses it on its own
    }
    std::string_view authority = url.substr(colon + 3);
    authority = authority.substr(0, std::min(authority.find_first_of("/?#"), authority.size()));
    const auto at = authority.rfind('@');
    if (at != std::string_view::npos) {
        if (policy.refuse_userinfo) {
            return "the URL carries a user name or password; credentials are not stored or sent " + policy.where;
        }
        authority.remove_prefix(at + 1);
    }
    if (!policy.checks_addresses()) {
        return std::nullopt;
    }
    std::string_view host = authority;
    if (!host.empty() && host.front() == '[') {
        host = host.substr(0, std::min(host.find(']'), host.size() - 1) + 1);
    } else {
        host = host.substr(0, std::min(host.find(':'), host.size()));
    }
    if (parse_ip(host)) {
        // A literal address in any spelling is refused before a connection is even tried.
        return address_refusal(policy, parse_ip(host)->to_string());
    }
    return std::nullopt;
}

std::string without_userinfo(std::string_view url) {
    const auto sep = url.find("://");
    if (sep == std::string_view::npos) {
        return std::string(url);
    }
    const std::string_view rest = url.substr(sep + 3);
    const auto authority_end = std::min(rest.find_first_of("/?#"), rest.size());
    const auto at = rest.substr(0, authority_end).rfind('@');
    if (at == std::string_view::npos) {
        return std::string(url);
    }
    return std::string(url.substr(0, sep + 3)) + "\u2026@" + std::string(rest.substr(at + 1));
}

}  // namespace fw::ingest
