// The review queue's use cases: a candidate becomes a confirmed event keyed like a derived one,
// decisions survive `extract --rebuild`, and a rebuild drops only the open candidates.

#include "app/candidate_service.h"
#include "app/extract_service.h"
#include "store/store_fixtures.h"
#include "support/catch.h"
#include "support/paths.h"
#include "support/temp_dir.h"

using namespace fw;

namespace {

struct QueueFixture {
    test::TempDir dir;
    app::AppContext ctx;
    std::vector<std::int64_t> items;

    QueueFixture() {
        auto opened = app::open_context({(dir / "fw.db").string(), test::bundled_data(), {}});
        REQUIRE(opened);
        ctx = std::move(*opened);
        Source s = test::make_source("meta-blog");
        s.lab = "meta";
        auto src = ctx.store->add_source(s);
        REQUIRE(src);
        // Titles no rule turns into an event: only the queue knows about them.
        std::vector<Item> stored{test::make_item("g1", "A conversation with the Meta AI team"),
                                 test::make_item("g2", "Notes from our research offsite")};
        stored[0].entry.published = make_time(2026, 4, 8);
        auto up = ctx.store->upsert_items(*src, stored);
        REQUIRE(up);
        items = up->touched_ids;
    }

    std::int64_t queue(std::size_t i, std::optional<EventKind> suggested) {
        auto found = ctx.store->items_by_ids(std::vector<std::int64_t>{items[i]});
        REQUIRE(found);
        REQUIRE(found->size() == 1);
        Candidate c;
        c.entities = {"lab:meta", "model:muse-spark"};
        c.cue = "team";
        c.suggested_kind = suggested;
        c.confidence = 0.4;
        c.lab = "meta";
        c.model = "muse-spark";
        c.reason = "low confidence";
        auto id = ctx.store->upsert_candidate(app::candidate_for_item(c, "meta-blog", found->front()));
        REQUIRE(id);
        return *id;
    }
};

}  // namespace

TEST_CASE("a candidate carries its item's identity and a stable key", "[app][candidates]") {
    QueueFixture f;
    const auto id = f.queue(0, EventKind::ModelRelease);
    auto c = f.ctx.store->find_candidate(id);
    REQUIRE(c);
    REQUIRE(c->has_value());
    CHECK((*c)->source == "meta-blog");
    CHECK((*c)->title == "A conversation with the Meta AI team");
    CHECK((*c)->published == make_time(2026, 4, 8));
    CHECK((*c)->item_id == f.items[0]);
    CHECK((*c)->dedupe_key.starts_with("candidate|meta-blog|"));
    CHECK(f.queue(0, EventKind::ModelRelease) == id);  // found again: the same row
}

TEST_CASE("confirming a candidate makes a confirmed event keyed like a derived one", "[app][candidates]") {
    QueueFixture f;
    const auto id = f.queue(0, EventKind::ModelRelease);
    auto event_id = app::confirm_candidate(f.ctx, id, {.set = {"openness=hosted_product"}}, make_time(2026, 5, 1));
    REQUIRE(event_id);
    auto e = f.ctx.store->find_event(*event_id);
    REQUIRE(e);
    REQUIRE(e->has_value());
    CHECK((*e)->kind == EventKind::ModelRelease);
    CHECK((*e)->dedupe_key == "model_release|muse-spark");
    CHECK((*e)->review == Review::Confirmed);
    CHECK((*e)->confidence == 1.0);
    CHECK((*e)->occurred_at == make_time(2026, 4, 8));
    CHECK((*e)->fields.text("openness") == std::optional<std::string>("hosted_product"));
    REQUIRE((*e)->evidence.size() == 1);
    CHECK((*e)->evidence[0].item_id == f.items[0]);
    CHECK((*f.ctx.store->find_candidate(id))->state == CandidateState::Confirmed);
    CHECK(f.ctx.store->list_candidates({})->empty());

    // Twice is an error, not a second event.
    auto again = app::confirm_candidate(f.ctx, id, {}, make_time(2026, 5, 2));
    REQUIRE_FALSE(again);
    CHECK(again.error().code == ErrorCode::Invalid);
}

TEST_CASE("a candidate without a suggestion needs a kind; bad input is a usage error", "[app][candidates]") {
    QueueFixture f;
    const auto id = f.queue(1, std::nullopt);
    auto none = app::confirm_candidate(f.ctx, id, {}, make_time(2026, 5, 1));
    REQUIRE_FALSE(none);
    CHECK(none.error().code == ErrorCode::Usage);
    auto unknown = app::confirm_candidate(f.ctx, id, {.kind = "launch"}, make_time(2026, 5, 1));
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == ErrorCode::Usage);
    auto bad_lab =
        app::confirm_candidate(f.ctx, id, {.kind = "third_party_eval", .lab = "nowhere"}, make_time(2026, 5, 1));
    REQUIRE_FALSE(bad_lab);
    CHECK(bad_lab.error().code == ErrorCode::Usage);
    auto missing = app::confirm_candidate(f.ctx, 424242, {.kind = "model_release"}, make_time(2026, 5, 1));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(f.ctx.store->list_candidates({})->size() == 1);  // nothing decided by a failed call
}

TEST_CASE("decisions on candidates survive extract --rebuild; open ones are derived again", "[app][candidates]") {
    QueueFixture f;
    const auto confirmed = f.queue(0, EventKind::ModelRelease);
    const auto dismissed = f.queue(1, std::nullopt);
    auto event_id = app::confirm_candidate(f.ctx, confirmed, {.kind = "model_release"}, make_time(2026, 5, 1));
    REQUIRE(event_id);
    REQUIRE(app::dismiss_candidate(f.ctx, dismissed));
    auto rebuilt = app::rebuild_events(f.ctx);
    REQUIRE(rebuilt);
    auto e = f.ctx.store->find_event(*event_id);
    REQUIRE(e);
    REQUIRE(e->has_value());
    CHECK((*e)->review == Review::Confirmed);
    store::CandidateQuery all;
    all.state = std::nullopt;
    auto left = f.ctx.store->list_candidates(all);
    REQUIRE(left);
    int decided = 0;
    for (const auto& c : *left) {
        decided += c.state != CandidateState::Open ? 1 : 0;
    }
    CHECK(decided == 2);
    CHECK((*f.ctx.store->find_candidate(dismissed))->state == CandidateState::Dismissed);
}

TEST_CASE("derived event keys match the extractors' keys", "[app][candidates]") {
    Event e;
    e.kind = EventKind::SurfaceRollout;
    e.model = "muse-spark";
    e.surface = "whatsapp-business";
    CHECK(app::derived_event_key(e) == "surface_rollout|muse-spark|whatsapp-business");
    e.surface.reset();
    CHECK(app::derived_event_key(e).empty());
    e.kind = EventKind::ThirdPartyEval;
    e.fields.set("evaluator", std::string("lmarena"));
    CHECK(app::derived_event_key(e) == "third_party_eval|lmarena|muse-spark");
    e.kind = EventKind::PersonnelMove;
    e.person = "alexandr-wang";
    e.fields.set("move", std::string("joined"));
    e.occurred_at = make_time(2025, 6, 30);
    CHECK(app::derived_event_key(e) == "personnel_move|alexandr-wang|joined|2025-06");
}

TEST_CASE("two stories of one item are two candidates; the item's own keeps the item's key", "[app][candidates]") {
    QueueFixture f;
    auto found = f.ctx.store->items_by_ids(std::vector<std::int64_t>{f.items[1]});
    REQUIRE(found);
    REQUIRE(found->size() == 1);
    Candidate whole;
    whole.cue = "launch word";
    Candidate story = whole;
    story.model = "qwen3-5";
    story.dedupe_key = "story:qwen3-5";  // as the extractor names a digest's story
    const auto a = app::candidate_for_item(whole, "meta-blog", found->front());
    const auto b = app::candidate_for_item(story, "meta-blog", found->front());
    CHECK(a.dedupe_key == app::candidate_key("meta-blog", found->front()));
    CHECK(b.dedupe_key == a.dedupe_key + "|story:qwen3-5");
    auto ia = f.ctx.store->upsert_candidate(a);
    auto ib = f.ctx.store->upsert_candidate(b);
    REQUIRE(ia);
    REQUIRE(ib);
    CHECK(*ia != *ib);
}
