// `db merge` between two SQLite files (the PostgreSQL directions: db_merge_pg_test.cpp).

#include "app/db_merge.h"
#include "db_merge_support.h"
#include "support/temp_dir.h"

using namespace fw;

TEST_CASE("db merge: sources by URL, items with versions, curation wins, twice adds nothing", "[app][merge]") {
    test::TempDir dir;
    auto origin = store::open_store((dir / "analyst.db").string());
    auto target = store::open_store((dir / "team.db").string());
    REQUIRE(origin);
    REQUIRE(target);
    test::merge::fill_origin(**origin);
    test::merge::fill_target(**target);
    test::merge::check_merge(**origin, **target);
}

TEST_CASE("db merge names a missing origin and refuses to merge a store into itself", "[app][merge]") {
    test::TempDir dir;
    auto missing = app::merge_database((dir / "nope.db").string(), (dir / "team.db").string());
    REQUIRE(!missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().describe().find("nope.db") != std::string::npos);
    CHECK(!std::filesystem::exists(dir / "team.db"));
}

TEST_CASE("db merge never carries a webhook URL recorded by an older build", "[app][merge][secrets]") {
    test::TempDir dir;
    auto origin = store::open_store((dir / "analyst.db").string());
    auto target = store::open_store((dir / "team.db").string());
    REQUIRE(origin);
    REQUIRE(target);
    const std::string secret = "https://hooks.slack.com/services/T0SECRET/B0SECRET/tokenSECRET";
    AlertDelivery d;
    d.key = "releases|event:1|webhook:" + secret;
    d.rule_id = "releases";
    d.channel = "webhook:" + secret;
    d.title = "Introducing Muse Spark";
    d.body = "{}";
    d.status = DeliveryStatus::Sent;
    d.attempts = 1;
    REQUIRE((*origin)->record_alert(d));
    auto merged = app::merge_stores(**origin, **target);
    REQUIRE(merged);
    auto alerts = (*target)->list_alerts(10);
    REQUIRE(alerts);
    REQUIRE(alerts->size() == 1);
    CHECK(alerts->front().channel.find("tokenSECRET") == std::string::npos);
    CHECK(alerts->front().key.find("tokenSECRET") == std::string::npos);
    CHECK(alerts->front().channel.starts_with("webhook:https://hooks.slack.com/services/T"));
}
