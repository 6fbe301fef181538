#include <string>
#include <vector>

#include "app/fetch_policy.h"
#include "app/secrets.h"
#include "store/sqlite_store.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::app;

TEST_CASE("one redaction hides the credential parts of a URL", "[app][unit][secrets]") {
    CHECK(redact_url("https://hooks.slack.com/services/T0123ABCD/B0456EFGH/abcdefSECRET123") ==
          "https://hooks.slack.com/services/T\u2026/\u2026");
    CHECK(redact_url("https://user:pass@example.com/feed") == "https://\u2026@example.com/feed");
    CHECK(redact_url("https://example.com/x?token=abc&page=2#frag") ==
          "https://example.com/x?token=\u2026&page=\u2026");
    CHECK(redact_url("https://example.com/services/T1") == "https://example.com/services/T\u2026");
    CHECK(redact_url("https://example.com") == "https://example.com");
    CHECK(redact_url("not a url") == "\u2026");
    CHECK(redact_url("https:///nohost") == "\u2026");
}

TEST_CASE("passwords are taken out of source URLs, user names kept", "[app][unit][secrets]") {
    CHECK(has_userinfo("https://user:pass@host/feed"));
    CHECK(has_userinfo("https://token@host/feed"));
    CHECK_FALSE(has_userinfo("https://host/feed?mail=a@b.c"));
    CHECK(without_password("https://user:pass@host/feed") == "https://user@host/feed");
    CHECK(without_password("https://user@host/feed") == "https://user@host/feed");
    CHECK(without_password("https://host/feed") == "https://host/feed");
}

TEST_CASE("a webhook is recorded by a redacted name and found again in the rules", "[app][unit][secrets]") {
    const std::string a = "webhook:https://hooks.slack.com/services/T1/B1/secretA";
    const std::string b = "webhook:https://hooks.slack.com/services/T1/B1/secretB";
    const std::string ra = recorded_channel(a);
    CHECK(ra.find("secretA") == std::string::npos);
    CHECK(ra.starts_with("webhook:https://hooks.slack.com/services/T\u2026/\u2026 #"));
    CHECK(recorded_channel(ra) == ra);  // idempotent
    CHECK(recorded_channel(b) != ra);   // two hooks stay apart
    CHECK(recorded_channel("terminal") == "terminal");
    CHECK(recorded_channel("atom:alerts.xml") == "atom:alerts.xml");

    AlertRule rule;
    rule.channels = {"terminal", a, b};
    CHECK(configured_channel({rule}, ra) == a);
    CHECK(configured_channel({rule}, recorded_channel(b)) == b);
    CHECK_FALSE(configured_channel({}, ra));  // no longer configured
    CHECK(configured_channel({}, a) == a);    // recorded by an older build

    AlertDelivery d;
    d.channel = a;
    d.key = "rule|event:x|" + a;
    d.last_error = "https://hooks.slack.com/services/T1/B1/secretA: HTTP 500";
    const AlertDelivery s = scrubbed(d);
    CHECK(s.channel == ra);
    CHECK(s.key == "rule|event:x|" + ra);
    CHECK(s.last_error->find("secretA") == std::string::npos);
    CHECK(mask_values("token ghp_abc123 here", {"ghp_abc123", "x"}) == "token \u2026 here");
}

TEST_CASE("the fetch policy of a SQLite store: open by default, strict on request", "[app][unit][secrets]") {
    auto store = store::SqliteStore::open(":memory:");
    REQUIRE(store);
    CHECK_FALSE(is_shared_location((*store)->location()));
    auto open = fetch_policy(**store, (*store)->location());
    CHECK(open.allow_file_urls);
    CHECK(open.allow_private_networks);
    CHECK_FALSE(open.refuse_userinfo);

    REQUIRE(set_policy_setting(**store, (*store)->location(), kAllowFileUrls, "FALSE"));
    auto nets = set_policy_setting(**store, (*store)->location(), kAllowPrivateNetworks, "10.0.0.0/8, 192.168.1.7");
    REQUIRE(nets);
    CHECK(nets->value == "10.0.0.0/8,192.168.1.7/32");
    CHECK_FALSE(nets->is_default);
    auto strict = fetch_policy(**store, (*store)->location());
    CHECK_FALSE(strict.allow_file_urls);
    CHECK_FALSE(strict.allow_private_networks);
    REQUIRE(strict.allowed_networks.size() == 2);
    CHECK(strict.where == "on this store (strict mode)");
    CHECK(describe_fetch_policy(**store, (*store)->location()) ==
          "single-user store: file:// sources refused; private networks refused except "
          "10.0.0.0/8,192.168.1.7/32");

    auto bad = set_policy_setting(**store, (*store)->location(), kAllowPrivateNetworks, "10.0.0.0/8,intranet");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == ErrorCode::Usage);
    CHECK(bad.error().message.find("'intranet' is not a network") != std::string::npos);
    CHECK(policy_setting(**store, (*store)->location(), kAllowPrivateNetworks)->value == "10.0.0.0/8,192.168.1.7/32");
    std::string warning;
    auto url = url_to_store((*store)->location(), "https://me:hunter2@example.com/feed", &warning);
    REQUIRE(url);
    CHECK(*url == "https://me@example.com/feed");
    CHECK(warning.find("password was removed") != std::string::npos);
    CHECK(warning.find("hunter2") == std::string::npos);
    CHECK(*url_to_store((*store)->location(), "https://example.com/feed", nullptr) == "https://example.com/feed");
    // A value edited by hand into nonsense counts as the strict "false".
    REQUIRE((*store)->set_setting(kAllowFileUrls, "perhaps"));
    CHECK_FALSE(fetch_policy(**store, (*store)->location()).allow_file_urls);
}
