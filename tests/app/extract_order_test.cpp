// Derivation does not depend on the order fetches stored the items (issue 13): an evaluator's
// item stored before the lab's post that introduces a model it ranks is read again once the
// model is known, so it gives the evaluation instead of a candidate left for review.

#include <algorithm>

#include "app/candidate_service.h"
#include "app/extract_service.h"
#include "store/store_fixtures.h"
#include "support/catch.h"
#include "support/paths.h"
#include "support/temp_dir.h"

using namespace fw;

namespace {

std::vector<Event> events_of(store::Store& store, EventKind kind) {
    auto events = store.list_events({});
    REQUIRE(events);
    std::vector<Event> out;
    std::copy_if(events->begin(), events->end(), std::back_inserter(out),
                 [&](const Event& e) { return e.kind == kind; });
    return out;
}

}  // namespace

TEST_CASE("an item stored before the post that names its model is derived again once it is known", "[app][extract]") {
    test::TempDir dir;
    auto opened = app::open_context({(dir / "fw.db").string(), test::bundled_data(), {}});
    REQUIRE(opened);
    app::AppContext& ctx = *opened;
    auto board = test::make_source("lmarena-news");
    board.lab.reset();
    auto board_id = ctx.store->add_source(board);
    REQUIRE(board_id);
    auto lab_id = ctx.store->add_source(test::make_source("meta-newsroom"));
    REQUIRE(lab_id);
    // Stored first (its feed answered first), published a day after the launch.
    const std::vector<Item> ranking = {test::make_item("b1", "Muse Glint enters the Text Arena leaderboard at #5",
                                                       "After 9,000 votes it sits between two frontier models.", 9)};
    auto ranked = ctx.store->upsert_items(*board_id, ranking);
    REQUIRE(ranked);
    const std::vector<Item> launch = {test::make_item("m1", "Introducing Muse Glint, our new multimodal model",
                                                      "Muse Glint is available today in the Meta AI app.", 8)};
    auto launched = ctx.store->upsert_items(*lab_id, launch);
    REQUIRE(launched);
    // An unrelated item with no event before the discovery stays as it was (not re-read into one).
    const std::vector<Item> notes = {
        test::make_item("b0", "Notes on grading long transcripts", "How our judges score agent runs.", 7)};
    auto other = ctx.store->upsert_items(*board_id, notes);
    REQUIRE(other);

    auto summary = app::extract_new_items(ctx);
    REQUIRE(summary);
    CHECK(summary->items_seen == 3);

    const auto evals = events_of(*ctx.store, EventKind::ThirdPartyEval);
    REQUIRE(evals.size() == 1);
    CHECK(evals.front().model == "muse-glint");
    CHECK(evals.front().lab == "meta");
    CHECK(evals.front().fields.text("evaluator") == "lmarena");
    // The first reading's candidate (a name nobody tracked) was replaced, not stored beside it.
    auto open = app::list_candidates(ctx, {});
    REQUIRE(open);
    CHECK(std::none_of(open->begin(), open->end(), [](const Candidate& c) { return c.model == "muse-glint"; }));
}
