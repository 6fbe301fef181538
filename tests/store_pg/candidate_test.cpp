// The candidate queue on both backends (one repository over the thin SQL layer): a rebuild
// refreshes open candidates and never touches a decided one; the events' cue round-trips.

#include "backends.h"

using fw::Candidate;
using fw::CandidateState;
using fw::EventKind;
using fw::store::Store;
using fw::test::add_source;
using fw::test::make_event;
using fw::test::make_item;
using fw::test::on_both;
using Opener = std::function<std::unique_ptr<Store>()>;

namespace {

Candidate make_candidate(std::int64_t item_id, const std::string& key, const std::string& title) {
    Candidate c;
    c.item_id = item_id;
    c.source = "blog";
    c.title = title;
    c.link = "https://x/" + key;
    c.published = fw::make_time(2026, 4, 8);
    c.entities = {"lab:meta", "model:muse-spark"};
    c.cue = "introduces";
    c.suggested_kind = EventKind::ModelRelease;
    c.confidence = 0.45;
    c.lab = "meta";
    c.model = "muse-spark";
    c.reason = "low confidence";
    c.dedupe_key = "candidate|blog|" + key;
    c.detected_at = fw::make_time(2026, 4, 9);
    return c;
}

}  // namespace

TEST_CASE("candidates: upsert refreshes open ones, decisions survive, open ones are deleted on rebuild",
          "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        const auto src = add_source(s, "blog");
        const auto ids =
            s.upsert_items(src, std::vector<fw::Item>{make_item("a", "A"), make_item("b", "B"), make_item("c", "C")})
                ->touched_ids;
        auto a = s.upsert_candidate(make_candidate(ids[0], "a", "Meta shows Muse Spark"));
        REQUIRE(a.has_value());
        auto back = s.find_candidate(*a);
        REQUIRE(back.has_value());
        REQUIRE(back->has_value());
        const Candidate& got = **back;
        CHECK(got.title == "Meta shows Muse Spark");
        CHECK(got.entities == std::vector<std::string>{"lab:meta", "model:muse-spark"});
        CHECK(got.suggested_kind == EventKind::ModelRelease);
        CHECK(got.confidence == Approx(0.45));
        CHECK(got.state == CandidateState::Open);
        CHECK(got.item_id == ids[0]);
        CHECK(got.published == fw::make_time(2026, 4, 8));

        // The same item found again with a new cue: one row, refreshed.
        auto again = make_candidate(ids[0], "a", "Meta shows Muse Spark");
        again.cue = "shows";
        again.suggested_kind = std::nullopt;
        auto a2 = s.upsert_candidate(again);
        REQUIRE(a2.has_value());
        CHECK(*a2 == *a);
        CHECK((*s.find_candidate(*a))->cue == "shows");
        CHECK(!(*s.find_candidate(*a))->suggested_kind.has_value());

        auto b = s.upsert_candidate(make_candidate(ids[1], "b", "B"));
        auto c = s.upsert_candidate(make_candidate(ids[2], "c", "C"));
        REQUIRE(b.has_value());
        REQUIRE(c.has_value());
        auto event_id = s.upsert_event(make_event("model_release|muse-spark", "Muse Spark"));
        REQUIRE(event_id.has_value());
        REQUIRE(s.set_candidate_state(*b, CandidateState::Confirmed, *event_id).has_value());
        REQUIRE(s.set_candidate_state(*c, CandidateState::Dismissed, std::nullopt).has_value());
        CHECK(s.set_candidate_state(999999, CandidateState::Dismissed, std::nullopt).error().code ==
              fw::ErrorCode::NotFound);

        // A decided candidate found again keeps what the person decided.
        auto refound = make_candidate(ids[2], "c", "C again");
        auto c2 = s.upsert_candidate(refound);
        REQUIRE(c2.has_value());
        CHECK(*c2 == *c);
        CHECK((*s.find_candidate(*c))->state == CandidateState::Dismissed);
        CHECK((*s.find_candidate(*c))->title == "C");

        auto open = s.list_candidates({});
        REQUIRE(open.has_value());
        REQUIRE(open->size() == 1);
        CHECK(open->front().id == *a);
        fw::store::CandidateQuery all;
        all.state = std::nullopt;
        CHECK(s.list_candidates(all)->size() == 3);

        auto deleted = s.delete_open_candidates();
        REQUIRE(deleted.has_value());
        CHECK(*deleted == 1);
        CHECK(s.list_candidates({})->empty());
        CHECK(s.list_candidates(all)->size() == 2);
    });
}

TEST_CASE("an event's cue round-trips and a person's edit keeps it", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        auto e = make_event("k1", "First");
        e.cue = "launch-verb: introducing {model}";
        auto id = s.upsert_event(e);
        REQUIRE(id.has_value());
        CHECK((*s.find_event(*id))->cue == "launch-verb: introducing {model}");
        e.cue = "headline: {model} is here";
        REQUIRE(s.upsert_event(e).has_value());
        CHECK((*s.find_event(*id))->cue == "headline: {model} is here");
        auto edited = **s.find_event(*id);
        edited.title = "By hand";
        edited.cue = "";
        REQUIRE(s.edit_event(edited).has_value());
        CHECK((*s.find_event(*id))->cue == "headline: {model} is here");
    });
}
