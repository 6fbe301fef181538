#pragma once
// Which network addresses a fetch may reach (issue 16). On a shared store a source added by one
// person is fetched by every worker of the team, so a URL must not make a worker read its own
// loopback services, the office LAN or a cloud metadata endpoint into the store (server-side
// request forgery). This file is pure: it parses and classifies addresses and decides; the
// libcurl hooks that apply it to the address actually connected to are in address_guard.*.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace fw::ingest {

/// An IPv4 or IPv6 address. IPv4 is kept as the IPv4-mapped IPv6 form (::ffff:a.b.c.d), so
/// "127.0.0.1" and "::ffff:127.0.0.1" are the same value and match the same networks.
struct IpAddress {
    std::array<std::uint8_t, 16> bytes{};
    bool operator==(const IpAddress&) const = default;

    bool is_v4() const;             ///< an IPv4 address (or its IPv4-mapped IPv6 spelling)
    std::string to_string() const;  ///< "10.0.0.5", "fe80::1"
};

/// Parses an address as libcurl reports it ("10.0.0.5", "::1") and as people write it:
/// bracketed IPv6 ("[::1]"), a zone ("fe80::1%eth0", dropped), IPv4-mapped and -compatible
/// IPv6, and the IPv4 spellings that inet_aton and URL parsers accept: decimal (2130706433),
/// octal (0177.0.0.1), hexadecimal (0x7f.1) and short forms (127.1). nullopt when not an address.
std::optional<IpAddress> parse_ip(std::string_view text);

enum class AddressClass {
    Public,
    Unspecified,  ///< 0.0.0.0/8, ::
    Loopback,     ///< 127.0.0.0/8, ::1
    Private,      ///< 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16
    SharedCgnat,  ///< 100.64.0.0/10 (carrier-grade NAT)
    LinkLocal,    ///< 169.254.0.0/16 (cloud metadata lives here), fe80::/10
    UniqueLocal,  ///< fc00::/7
    Multicast,    ///< 224.0.0.0/4, ff00::/8
    Reserved,     ///< 240.0.0.0/4 and 255.255.255.255
};

/// The class of an address; an IPv4-mapped or NAT64 (64:ff9b::/96) address is classed by the
/// IPv4 address inside it.
AddressClass classify(const IpAddress& address);

/// "a private address", "a loopback address", ... for messages.
std::string_view describe(AddressClass cls);

/// A network in CIDR notation. An IPv4 network also matches the IPv4-mapped IPv6 spelling.
struct Cidr {
    IpAddress network;  ///< host bits cleared
    int prefix = 0;     ///< 0..128 over the 16 bytes (an IPv4 /8 is stored as /104)
    bool contains(const IpAddress& address) const;
    std::string to_string() const;  ///< "10.0.0.0/8", "fd00::/8"
    bool operator==(const Cidr&) const = default;
};

/// "10.0.0.0/8", "fd00::/8", "[fd00::]/8" or a bare address (a /32 or /128).
/// Error{Invalid} naming the text when it is neither.
Result<Cidr> parse_cidr(std::string_view text);

/// A comma-separated list of networks ("10.1.0.0/16, 192.168.5.7"); empty entries are skipped.
Result<std::vector<Cidr>> parse_cidr_list(std::string_view text);

/// What a store allows its fetches to reach. The default allows everything (a single-user
/// store: the user is the only one adding sources).
struct NetworkPolicy {
    bool allow_file_urls = true;
    /// false: only public addresses, plus those inside allowed_networks.
    bool allow_private_networks = true;
    std::vector<Cidr> allowed_networks;
    /// Source URLs with a user name or password are refused (their credentials would be in
    /// the shared store and in every worker's requests).
    bool refuse_userinfo = false;
    /// How refusals name the store: "on a shared store", "on this store (strict mode)".
    std::string where = "on a shared store";

    bool checks_addresses() const { return !allow_private_networks; }
};

/// Why `address` (libcurl's textual form) may not be reached, e.g. "10.0.0.5 is a private
/// address on a shared store"; nullopt when allowed. Text that is not an address is refused.
std::optional<std::string> address_refusal(const NetworkPolicy& policy, std::string_view address);

/// Why `url` may not be fetched before any connection (file:// off, userinfo, a literal
/// address in any spelling that address_refusal refuses); nullopt when it may be tried.
std::optional<std::string> url_refusal(const NetworkPolicy& policy, std::string_view url);

/// `url` with any "user:password@" before its host replaced by "…@", for error contexts (a
/// refused URL's credentials must not reach the fetch log or the terminal).
std::string without_userinfo(std::string_view url);

}  // namespace fw::ingest
