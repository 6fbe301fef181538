#include <string>

#include "ingest/address_policy.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::ingest;

namespace {

AddressClass class_of(const std::string& text) {
    auto ip = parse_ip(text);
    REQUIRE(ip);
    return classify(*ip);
}

NetworkPolicy strict() {
    NetworkPolicy p;
    p.allow_file_urls = false;
    p.allow_private_networks = false;
    p.refuse_userinfo = true;
    return p;
}

}  // namespace

TEST_CASE("every non-public IPv4 range is classed, with its edges", "[ingest][unit][address]") {
    CHECK(class_of("0.0.0.0") == AddressClass::Unspecified);
    CHECK(class_of("0.255.255.255") == AddressClass::Unspecified);
    CHECK(class_of("1.0.0.0") == AddressClass::Public);

    CHECK(class_of("126.255.255.255") == AddressClass::Public);
    CHECK(class_of("127.0.0.0") == AddressClass::Loopback);
    CHECK(class_of("127.0.0.1") == AddressClass::Loopback);
    CHECK(class_of("127.255.255.255") == AddressClass::Loopback);
    CHECK(class_of("128.0.0.0") == AddressClass::Public);

    CHECK(class_of("9.255.255.255") == AddressClass::Public);
    CHECK(class_of("10.0.0.0") == AddressClass::Private);
    CHECK(class_of("10.0.0.5") == AddressClass::Private);
    CHECK(class_of("10.255.255.255") == AddressClass::Private);
    CHECK(class_of("11.0.0.0") == AddressClass::Public);

    CHECK(class_of("172.15.255.255") == AddressClass::Public);
    CHECK(class_of("172.16.0.0") == AddressClass::Private);
    CHECK(class_of("172.31.255.255") == AddressClass::Private);
    CHECK(class_of("172.32.0.0") == AddressClass::Public);

    CHECK(class_of("192.167.255.255") == AddressClass::Public);
    CHECK(class_of("192.168.0.0") == AddressClass::Private);
    CHECK(class_of("192.168.255.255") == AddressClass::Private);
    CHECK(class_of("192.169.0.0") == AddressClass::Public);

    CHECK(class_of("169.253.255.255") == AddressClass::Public);
    CHECK(class_of("169.254.0.0") == AddressClass::LinkLocal);
    CHECK(class_of("169.254.169.254") == AddressClass::LinkLocal);  // cloud metadata
    CHECK(class_of("169.254.255.255") == AddressClass::LinkLocal);
    CHECK(class_of("169.255.0.0") == AddressClass::Public);

    CHECK(class_of("100.63.255.255") == AddressClass::Public);
    CHECK(class_of("100.64.0.0") == AddressClass::SharedCgnat);
    CHECK(class_of("100.127.255.255") == AddressClass::SharedCgnat);
    CHECK(class_of("100.128.0.0") == AddressClass::Public);

    CHECK(class_of("224.0.0.1") == AddressClass::Multicast);
    CHECK(class_of("255.255.255.255") == AddressClass::Reserved);
    CHECK(class_of("8.8.8.8") == AddressClass::Public);
    CHECK(class_of("93.184.216.34") == AddressClass::Public);
}

TEST_CASE("every non-public IPv6 range is classed, with its edges", "[ingest][unit][address]") {
    CHECK(class_of("::") == AddressClass::Unspecified);
    CHECK(class_of("::1") == AddressClass::Loopback);
    CHECK(class_of("::2") == AddressClass::Unspecified);  // IPv4-compatible ::0.0.0.2
    CHECK(class_of("fbff:ffff::1") == AddressClass::Public);
    CHECK(class_of("fc00::") == AddressClass::UniqueLocal);
    CHECK(class_of("fd12:3456::1") == AddressClass::UniqueLocal);
    CHECK(class_of("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff") == AddressClass::UniqueLocal);
    CHECK(class_of("fe00::1") == AddressClass::Public);

    CHECK(class_of("fe7f:ffff::1") == AddressClass::Public);
    CHECK(class_of("fe80::") == AddressClass::LinkLocal);
    CHECK(class_of("fe80::1%eth0") == AddressClass::LinkLocal);
    CHECK(class_of("febf:ffff::1") == AddressClass::LinkLocal);
    CHECK(class_of("ff02::1") == AddressClass::Multicast);
    CHECK(class_of("2001:db8::1") == AddressClass::Public);
    CHECK(class_of("2606:4700::1111") == AddressClass::Public);

    // IPv4-mapped: classed by the IPv4 address inside, in both spellings.
    CHECK(class_of("::ffff:127.0.0.1") == AddressClass::Loopback);
    CHECK(class_of("::ffff:7f00:1") == AddressClass::Loopback);
    CHECK(class_of("::ffff:10.0.0.5") == AddressClass::Private);
    CHECK(class_of("::ffff:169.254.169.254") == AddressClass::LinkLocal);
    CHECK(class_of("::ffff:8.8.8.8") == AddressClass::Public);
    CHECK(class_of("[::ffff:192.168.1.1]") == AddressClass::Private);
    // NAT64 and 6to4 reach an IPv4 address too.
    CHECK(class_of("64:ff9b::10.1.2.3") == AddressClass::Private);
    CHECK(class_of("64:ff9b::8.8.8.8") == AddressClass::Public);
    CHECK(class_of("2002:7f00:1::1") == AddressClass::Loopback);
    // The deprecated IPv4-compatible form.
    CHECK(class_of("::10.0.0.1") == AddressClass::Private);
}

TEST_CASE("IPv4 is read in every spelling people and URL parsers use", "[ingest][unit][address]") {
    const IpAddress loopback = *parse_ip("127.0.0.1");
    CHECK(parse_ip("2130706433") == loopback);  // one decimal number
    CHECK(parse_ip("0177.0.0.1") == loopback);  // octal first part
    CHECK(parse_ip("0177.0000.0000.0001") == loopback);
    CHECK(parse_ip("0x7f.0.0.1") == loopback);  // hexadecimal
    CHECK(parse_ip("0x7F000001") == loopback);
    CHECK(parse_ip("127.1") == loopback);  // short forms
    CHECK(parse_ip("127.0.1") == loopback);
    CHECK(parse_ip("017700000001") == loopback);  // one octal number
    CHECK(parse_ip("127.0.0.1.") == loopback);    // trailing dot
    CHECK(parse_ip(" 127.0.0.1 ") == loopback);
    CHECK(parse_ip("::ffff:127.0.0.1") == loopback);
    CHECK(parse_ip("[::ffff:127.0.0.1]") == loopback);
    CHECK(parse_ip("0") == *parse_ip("0.0.0.0"));
    CHECK(parse_ip("167772165")->to_string() == "10.0.0.5");
    CHECK(parse_ip("0xa9.0376.43518")->to_string() == "169.254.169.254");

    CHECK_FALSE(parse_ip(""));
    CHECK_FALSE(parse_ip("example.com"));
    CHECK_FALSE(parse_ip("127.0.0.256"));
    CHECK_FALSE(parse_ip("256.0.0.1"));
    CHECK_FALSE(parse_ip("1.2.3.4.5"));
    CHECK_FALSE(parse_ip("4294967296"));  // one over 32 bits
    CHECK_FALSE(parse_ip("08.0.0.1"));    // 8 is not an octal digit
    CHECK_FALSE(parse_ip("127..0.1"));
    CHECK_FALSE(parse_ip("1.2.3.0x1g"));
    CHECK_FALSE(parse_ip("::ffff:1.2.3"));
    CHECK_FALSE(parse_ip("[::1"));
    CHECK_FALSE(parse_ip("fe80::1::2"));
    CHECK(parse_ip("4294967295")->to_string() == "255.255.255.255");
}

TEST_CASE("addresses print in libcurl's form", "[ingest][unit][address]") {
    CHECK(parse_ip("::1")->to_string() == "::1");
    CHECK(parse_ip("[FE80::1]")->to_string() == "fe80::1");
    CHECK(parse_ip("::ffff:10.0.0.5")->to_string() == "10.0.0.5");
    CHECK(parse_ip("10.0.0.5")->is_v4());
    CHECK_FALSE(parse_ip("::1")->is_v4());
}

TEST_CASE("allowed networks are CIDR lists over both families", "[ingest][unit][address]") {
    auto ten = parse_cidr("10.0.0.0/8");
    REQUIRE(ten);
    CHECK(ten->to_string() == "10.0.0.0/8");
    CHECK(ten->contains(*parse_ip("10.255.0.1")));
    CHECK(ten->contains(*parse_ip("::ffff:10.1.2.3")));  // the mapped spelling matches too
    CHECK_FALSE(ten->contains(*parse_ip("11.0.0.0")));
    CHECK_FALSE(ten->contains(*parse_ip("fd00::1")));

    auto odd = parse_cidr("172.16.5.9/12");  // host bits are cleared
    REQUIRE(odd);
    CHECK(odd->to_string() == "172.16.0.0/12");
    CHECK(odd->contains(*parse_ip("172.31.255.255")));
    CHECK_FALSE(odd->contains(*parse_ip("172.32.0.0")));

    auto one = parse_cidr("192.168.5.7");
    REQUIRE(one);
    CHECK(one->to_string() == "192.168.5.7/32");
    CHECK(one->contains(*parse_ip("192.168.5.7")));
    CHECK_FALSE(one->contains(*parse_ip("192.168.5.8")));

    auto v6 = parse_cidr("[fd00:1::]/32");
    REQUIRE(v6);
    CHECK(v6->contains(*parse_ip("fd00:1:ffff::1")));
    CHECK_FALSE(v6->contains(*parse_ip("fd00:2::1")));
    auto nine = parse_cidr("fe80::/9");
    REQUIRE(nine);
    CHECK(nine->contains(*parse_ip("fe80::1")));
    CHECK_FALSE(nine->contains(*parse_ip("fe00::1")));
    CHECK(parse_cidr("0.0.0.0/0")->contains(*parse_ip("8.8.8.8")));

    CHECK_FALSE(parse_cidr("10.0.0.0/33"));
    CHECK_FALSE(parse_cidr("::/129"));
    CHECK_FALSE(parse_cidr("10.0.0.0/"));
    CHECK_FALSE(parse_cidr("10.0.0.0/8x"));
    CHECK_FALSE(parse_cidr("intranet/8"));
    CHECK(parse_cidr("intranet/8").error().context == "intranet/8");

    auto list = parse_cidr_list(" 10.1.0.0/16, ,fd00::/8,192.168.5.7 ");
    REQUIRE(list);
    REQUIRE(list->size() == 3);
    CHECK((*list)[1].to_string() == "fd00::/8");
    CHECK_FALSE(parse_cidr_list("10.0.0.0/8,nope"));
}

TEST_CASE("a strict policy refuses non-public addresses unless allowed", "[ingest][unit][address]") {
    NetworkPolicy p = strict();
    CHECK(address_refusal(p, "10.0.0.5") == "10.0.0.5 is a private address on a shared store");
    CHECK(address_refusal(p, "127.0.0.1") == "127.0.0.1 is a loopback address on a shared store");
    CHECK(address_refusal(p, "169.254.169.254") == "169.254.169.254 is a link-local address on a shared store");
    CHECK(address_refusal(p, "::1"));
    CHECK(address_refusal(p, "::ffff:192.168.0.1"));
    CHECK(address_refusal(p, "fd00::1"));
    CHECK(address_refusal(p, "100.64.1.1"));
    CHECK(address_refusal(p, "0.0.0.0"));
    CHECK(address_refusal(p, ""));  // nothing to check is not a pass
    CHECK_FALSE(address_refusal(p, "8.8.8.8"));
    CHECK_FALSE(address_refusal(p, "2606:4700::1111"));

    p.allowed_networks = *parse_cidr_list("10.0.0.0/24,127.0.0.2");
    CHECK_FALSE(address_refusal(p, "10.0.0.5"));
    CHECK(address_refusal(p, "10.0.1.5"));
    CHECK_FALSE(address_refusal(p, "127.0.0.2"));
    CHECK(address_refusal(p, "127.0.0.1"));

    p.where = "on this store (strict mode)";
    CHECK(address_refusal(p, "10.0.1.5") == "10.0.1.5 is a private address on this store (strict mode)");
    CHECK_FALSE(address_refusal(NetworkPolicy{}, "127.0.0.1"));  // the single-user default
}

TEST_CASE("a strict policy refuses file URLs, userinfo and literal internal hosts", "[ingest][unit][address]") {
    const NetworkPolicy p = strict();
    CHECK(url_refusal(p, "file:///etc/passwd"));
    CHECK(url_refusal(p, "FILE:///home/me/feed.xml"));
    CHECK(url_refusal(p, "https://user:pass@example.com/feed"));
    CHECK(url_refusal(p, "https://token@example.com/feed"));
    CHECK(url_refusal(p, "http://2130706433/"));
    CHECK(url_refusal(p, "http://0177.0.0.1:8080/feed"));
    CHECK(url_refusal(p, "http://[::1]:8080/feed"));
    CHECK(url_refusal(p, "http://[::ffff:169.254.169.254]/latest/meta-data/"));
    CHECK(*url_refusal(p, "http://0x7f.1/") == "127.0.0.1 is a loopback address on a shared store");
    CHECK_FALSE(url_refusal(p, "https://example.com/feed?next=a@b"));
    CHECK_FALSE(url_refusal(p, "https://example.com:8443/feed"));
    CHECK_FALSE(url_refusal(p, "https://8.8.8.8/feed"));

    CHECK(without_userinfo("https://user:pass@example.com/feed") == "https://\u2026@example.com/feed");
    CHECK(without_userinfo("https://example.com/feed?a=b@c") == "https://example.com/feed?a=b@c");

    const NetworkPolicy open;
    CHECK_FALSE(url_refusal(open, "file:///home/me/feed.xml"));
    CHECK_FALSE(url_refusal(open, "http://127.0.0.1:8080/feed"));
    CHECK_FALSE(url_refusal(open, "https://user:pass@example.com/feed"));
}
