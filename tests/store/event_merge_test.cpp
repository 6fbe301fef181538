// The event merge as a pure decision (store/event_merge.h), tested once for both backends.

#include "domain/time.h"
#include "store/event_merge.h"
#include "support/catch.h"

using fw::Event;
using fw::make_time;
using fw::Review;
using fw::store::plan_event_merge;
using fw::store::StoredEvent;

namespace {

StoredEvent stored_auto(double confidence = 0.8, fw::TimePoint at = make_time(2026, 4, 9)) {
    return StoredEvent{Review::Auto, false, confidence, at};
}

Event report(double confidence, fw::TimePoint at) {
    Event e;
    e.confidence = confidence;
    e.occurred_at = at;
    return e;
}

}  // namespace

TEST_CASE("an automatic event takes a re-extraction's fields", "[store][events][merge]") {
    const auto plan = plan_event_merge(stored_auto(), report(0.8, make_time(2026, 4, 9)));
    CHECK(plan.take_fields);
    CHECK_FALSE(plan.take_review.has_value());
    CHECK(plan.occurred_at == make_time(2026, 4, 9));
}

TEST_CASE("a fact happened when it was first reported, whichever report is read last", "[store][events][merge]") {
    SECTION("a later, clearer report gives the fields but keeps the first report's time") {
        const auto plan = plan_event_merge(stored_auto(0.8), report(0.9, make_time(2026, 4, 13)));
        CHECK(plan.take_fields);
        CHECK(plan.occurred_at == make_time(2026, 4, 9));
    }
    SECTION("a later, weaker report adds only its evidence") {
        const auto plan = plan_event_merge(stored_auto(0.8), report(0.65, make_time(2026, 4, 13)));
        CHECK_FALSE(plan.take_fields);
        CHECK_FALSE(plan.occurred_at.has_value());
    }
    SECTION("an earlier, weaker report moves the time only") {
        const auto plan =
            plan_event_merge(stored_auto(0.8, make_time(2026, 4, 13)), report(0.65, make_time(2026, 4, 9)));
        CHECK_FALSE(plan.take_fields);
        CHECK(plan.occurred_at == make_time(2026, 4, 9));
    }
}

TEST_CASE("a curated incoming review upgrades an automatic event", "[store][events][merge]") {
    Event incoming = report(0.5, make_time(2026, 4, 9));
    incoming.review = Review::Manual;
    const auto plan = plan_event_merge(stored_auto(0.9), incoming);
    CHECK(plan.take_fields);
    REQUIRE(plan.take_review.has_value());
    CHECK(*plan.take_review == Review::Manual);
}

TEST_CASE("curated events are protected from re-extraction", "[store][events][merge]") {
    Event incoming = report(0.9, make_time(2026, 4, 1));
    incoming.review = Review::Confirmed;
    for (const Review stored : {Review::Confirmed, Review::Rejected, Review::Manual}) {
        const auto plan = plan_event_merge(StoredEvent{stored, false, 0.5, make_time(2026, 4, 9)}, incoming);
        CHECK_FALSE(plan.take_fields);
        CHECK_FALSE(plan.take_review.has_value());
        CHECK_FALSE(plan.occurred_at.has_value());  // a person's date stands too
    }
    // Edited by a person while still auto: the edit stands.
    const auto edited = plan_event_merge(StoredEvent{Review::Auto, true, 0.5, make_time(2026, 4, 9)}, incoming);
    CHECK_FALSE(edited.take_fields);
    CHECK_FALSE(edited.take_review.has_value());
    CHECK(fw::store::is_curated(Review::Auto, true));
    CHECK_FALSE(fw::store::is_curated(Review::Auto, false));
}
