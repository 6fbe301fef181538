// The event merge as a pure decision (store/event_merge.h), tested once for both backends.

#include "store/event_merge.h"
#include "support/catch.h"

using fw::Event;
using fw::Review;
using fw::store::plan_event_merge;

TEST_CASE("an automatic event takes a re-extraction's fields", "[store][events][merge]") {
    Event incoming;
    const auto plan = plan_event_merge(Review::Auto, /*stored_edited=*/false, incoming);
    CHECK(plan.take_fields);
    CHECK_FALSE(plan.take_review.has_value());
}

TEST_CASE("a curated incoming review upgrades an automatic event", "[store][events][merge]") {
    Event incoming;
    incoming.review = Review::Manual;
    const auto plan = plan_event_merge(Review::Auto, false, incoming);
    CHECK(plan.take_fields);
    REQUIRE(plan.take_review.has_value());
    CHECK(*plan.take_review == Review::Manual);
}

TEST_CASE("curated events are protected from re-extraction", "[store][events][merge]") {
    Event incoming;
    incoming.review = Review::Confirmed;
    for (const Review stored : {Review::Confirmed, Review::Rejected, Review::Manual}) {
        const auto plan = plan_event_merge(stored, false, incoming);
        CHECK_FALSE(plan.take_fields);
        CHECK_FALSE(plan.take_review.has_value());
    }
    // Edited by a person while still auto: the edit stands.
    const auto edited = plan_event_merge(Review::Auto, /*stored_edited=*/true, incoming);
    CHECK_FALSE(edited.take_fields);
    CHECK_FALSE(edited.take_review.has_value());
    CHECK(fw::store::is_curated(Review::Auto, true));
    CHECK_FALSE(fw::store::is_curated(Review::Auto, false));
}
