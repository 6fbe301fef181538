#include <vector>

#include "store_fixtures.h"
#include "support/catch.h"

using fw::Event;
using fw::EventKind;
using fw::Item;
using fw::Review;
using fw::store::EventQuery;
using fw::test::make_event;
using fw::test::make_evidence;

namespace {

Event fetch(fw::store::Store& store, std::int64_t id) {
    auto found = store.find_event(id);
    REQUIRE(found.has_value());
    REQUIRE(found->has_value());
    return **found;
}

}  // namespace

TEST_CASE("an event round-trips with its fields and evidence", "[store][events]") {
    auto store = fw::test::memory_store();
    Event e = make_event("model_release|muse-spark", "Muse Spark released");
    e.fields.set("gated", true);
    e.fields.set("params", std::int64_t{70000000000});
    e.fields.set("score", 1234.5);
    e.fields.set_null("license");
    e.surface = "whatsapp";
    e.time_precision = "second";
    e.detected_at = fw::make_time(2026, 4, 9, 1, 2, 3);
    e.evidence = {make_evidence(0, "https://about.fb.com/x")};
    auto id = store->upsert_event(e);
    REQUIRE(id.has_value());
    const Event back = fetch(*store, *id);
    CHECK(back.kind == EventKind::ModelRelease);
    CHECK(back.title == e.title);
    CHECK(back.fields == e.fields);
    CHECK(back.surface == e.surface);
    CHECK_FALSE(back.person.has_value());
    CHECK(back.time_precision == "second");
    CHECK(back.confidence == Approx(0.8));
    CHECK(back.detected_at == e.detected_at);
    CHECK(back.occurred_at == e.occurred_at);
    REQUIRE(back.evidence.size() == 1);
    CHECK(back.evidence[0].url == "https://about.fb.com/x");
    CHECK(back.evidence[0].item_id == 0);
    CHECK(back.evidence[0].fetched_at == fw::make_time(2026, 4, 9));
}

TEST_CASE("events with the same dedupe key merge and deduplicate their evidence", "[store][events]") {
    auto store = fw::test::memory_store();
    const auto source = fw::test::add_source(*store, "blog");
    const auto items =
        store->upsert_items(source, std::vector<Item>{fw::test::make_item("a", "A"), fw::test::make_item("b", "B")})
            ->touched_ids;
    Event first = make_event("k", "First title");
    first.evidence = {make_evidence(items[0], "https://x/a"), make_evidence(0, "https://hand/1")};
    const auto id = *store->upsert_event(first);

    Event second = make_event("k", "Second title");
    second.confidence = 0.95;
    second.occurred_at = fw::make_time(2026, 4, 7);
    second.evidence = {make_evidence(items[0], "https://x/a"), make_evidence(items[1], "https://x/b"),
                       make_evidence(0, "https://hand/1")};
    auto merged = store->upsert_event(second);
    REQUIRE(merged.has_value());
    CHECK(*merged == id);

    const Event back = fetch(*store, id);
    CHECK(back.title == "Second title");  // auto events take the newest derivation
    CHECK(back.confidence == Approx(0.95));
    CHECK(back.occurred_at == fw::make_time(2026, 4, 7));
    CHECK(back.evidence.size() == 3);
    CHECK(store->counts()->events == 1);
    CHECK(store->counts()->evidence == 3);
}

TEST_CASE("curated events keep their fields when merged", "[store][events]") {
    auto store = fw::test::memory_store();
    const Review review = GENERATE(Review::Confirmed, Review::Rejected, Review::Manual);
    const auto id = *store->upsert_event(make_event("k", "Curated title"));
    REQUIRE(store->set_review(id, review).has_value());

    Event again = make_event("k", "Rule title");
    again.fields.set("tier", std::string("small"));
    again.evidence = {make_evidence(0, "https://new/evidence")};
    REQUIRE(store->upsert_event(again).has_value());
    const Event back = fetch(*store, id);
    CHECK(back.review == review);
    CHECK(back.title == "Curated title");
    CHECK(back.fields.text("tier") == "flagship");
    CHECK(back.evidence.size() == 1);  // new evidence is still added
}

TEST_CASE("an edited event keeps its fields when merged and survives a rebuild", "[store][events]") {
    auto store = fw::test::memory_store();
    const auto id = *store->upsert_event(make_event("k", "Rule title"));
    Event edit = fetch(*store, id);
    edit.title = "Fixed by hand";
    edit.fields.set("tier", std::string("mid"));
    REQUIRE(store->edit_event(edit).has_value());

    REQUIRE(store->upsert_event(make_event("k", "Rule title again")).has_value());
    Event back = fetch(*store, id);
    CHECK(back.edited);
    CHECK(back.review == Review::Auto);
    CHECK(back.title == "Fixed by hand");
    CHECK(back.fields.text("tier") == "mid");

    auto deleted = store->delete_auto_events();
    REQUIRE(deleted.has_value());
    CHECK(*deleted == 0);
    CHECK(fetch(*store, id).title == "Fixed by hand");
}

TEST_CASE("delete_auto_events removes only uncurated events and their evidence", "[store][events]") {
    auto store = fw::test::memory_store();
    Event auto_event = make_event("auto", "auto");
    auto_event.evidence = {make_evidence(0, "https://e/1")};
    REQUIRE(store->upsert_event(auto_event).has_value());
    const auto confirmed = *store->upsert_event(make_event("confirmed", "c"));
    REQUIRE(store->set_review(confirmed, Review::Confirmed).has_value());
    const auto rejected = *store->upsert_event(make_event("rejected", "r"));
    REQUIRE(store->set_review(rejected, Review::Rejected).has_value());
    Event manual = make_event("manual", "m");
    manual.review = Review::Manual;
    REQUIRE(store->upsert_event(manual).has_value());

    auto deleted = store->delete_auto_events();
    REQUIRE(deleted.has_value());
    CHECK(*deleted == 1);
    auto left = store->list_events({});
    REQUIRE(left->size() == 3);
    for (const Event& e : *left) {
        CHECK(e.review != Review::Auto);
    }
    CHECK(store->counts()->evidence == 0);
}

TEST_CASE("a manual entry of a known auto event makes it curated", "[store][events]") {
    auto store = fw::test::memory_store();
    const auto id = *store->upsert_event(make_event("k", "Auto"));
    Event manual = make_event("k", "Manual");
    manual.review = Review::Manual;
    REQUIRE(*store->upsert_event(manual) == id);
    CHECK(fetch(*store, id).review == Review::Manual);
    CHECK(*store->delete_auto_events() == 0);
}

TEST_CASE("reviewing or editing an unknown event is NotFound", "[store][events]") {
    auto store = fw::test::memory_store();
    auto reviewed = store->set_review(77, Review::Confirmed);
    REQUIRE_FALSE(reviewed.has_value());
    CHECK(reviewed.error().code == fw::ErrorCode::NotFound);
    Event e = make_event("k", "t");
    e.id = 77;
    CHECK(store->edit_event(e).error().code == fw::ErrorCode::NotFound);
    CHECK_FALSE(store->find_event(77)->has_value());
}

TEST_CASE("an event without a dedupe key is refused", "[store][events]") {
    auto store = fw::test::memory_store();
    auto id = store->upsert_event(make_event("", "no key"));
    REQUIRE_FALSE(id.has_value());
    CHECK(id.error().code == fw::ErrorCode::Invalid);
}

TEST_CASE("events list filters by kind, lab, model, time and review, newest first", "[store][events]") {
    auto store = fw::test::memory_store();
    Event a = make_event("a", "a");
    a.occurred_at = fw::make_time(2026, 1, 1);
    Event b = make_event("b", "b");
    b.kind = EventKind::WeightsRelease;
    b.occurred_at = fw::make_time(2026, 3, 1);
    Event c = make_event("c", "c");
    c.lab = "mistral";
    c.model = "mistral-large";
    c.occurred_at = fw::make_time(2026, 2, 1);
    for (const Event& e : {a, b, c}) {
        REQUIRE(store->upsert_event(e).has_value());
    }
    const auto rejected = *store->upsert_event(make_event("d", "d"));
    REQUIRE(store->set_review(rejected, Review::Rejected).has_value());

    auto titles = [&](const EventQuery& q) {
        std::vector<std::string> out;
        auto listed = store->list_events(q);
        REQUIRE(listed.has_value());
        for (const Event& e : *listed) {
            out.push_back(e.title);
        }
        return out;
    };
    CHECK(titles({}) == std::vector<std::string>{"d", "b", "c", "a"});
    EventQuery by_kind;
    by_kind.kind = EventKind::WeightsRelease;
    CHECK(titles(by_kind) == std::vector<std::string>{"b"});
    EventQuery by_lab;
    by_lab.lab = "mistral";
    CHECK(titles(by_lab) == std::vector<std::string>{"c"});
    EventQuery by_model;
    by_model.model = "muse-spark";
    by_model.include_rejected = false;
    CHECK(titles(by_model) == std::vector<std::string>{"b", "a"});
    EventQuery since;
    since.since = fw::make_time(2026, 2, 1);
    since.include_rejected = false;
    CHECK(titles(since) == std::vector<std::string>{"b", "c"});
    EventQuery limited;
    limited.limit = 2;
    CHECK(titles(limited) == std::vector<std::string>{"d", "b"});
}
