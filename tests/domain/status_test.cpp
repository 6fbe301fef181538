// Fetch and delivery statuses: one name each, the contract's words, and no guess for a word
// that is not one of them (a reader maps it explicitly or reports it).
#include "domain/alert.h"
#include "domain/source.h"
#include "support/catch.h"

using namespace fw;

TEST_CASE("fetch statuses round-trip through the contract's words", "[domain][status]") {
    for (FetchStatus s : {FetchStatus::Ok, FetchStatus::NotModified, FetchStatus::Failed}) {
        CHECK(fetch_status_from_string(to_string(s)) == s);
    }
    CHECK(to_string(FetchStatus::Ok) == "ok");
    CHECK(to_string(FetchStatus::NotModified) == "not_modified");
    CHECK(to_string(FetchStatus::Failed) == "failed");
}

TEST_CASE("an unknown fetch status is no status, never ok", "[domain][status]") {
    CHECK_FALSE(fetch_status_from_string(""));
    CHECK_FALSE(fetch_status_from_string("OK"));
    CHECK_FALSE(fetch_status_from_string("not-modified"));
    CHECK_FALSE(fetch_status_from_string("pending"));
}

TEST_CASE("delivery statuses round-trip through the contract's words", "[domain][status]") {
    for (DeliveryStatus s : {DeliveryStatus::Pending, DeliveryStatus::Sent, DeliveryStatus::Failed}) {
        CHECK(delivery_status_from_string(to_string(s)) == s);
    }
    CHECK(to_string(DeliveryStatus::Pending) == "pending");
    CHECK(to_string(DeliveryStatus::Sent) == "sent");
    CHECK(to_string(DeliveryStatus::Failed) == "failed");
    CHECK(AlertDelivery{}.status == DeliveryStatus::Pending);  // a new delivery is pending
}

TEST_CASE("an unknown delivery status is no status", "[domain][status]") {
    CHECK_FALSE(delivery_status_from_string(""));
    CHECK_FALSE(delivery_status_from_string("Sent"));
    CHECK_FALSE(delivery_status_from_string("ok"));
}
