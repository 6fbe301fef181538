#include "analysis/report.h"
#include "builders.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::analysis;
using fw::test::ev;

TEST_CASE("build_report runs every analysis on the events up to as_of, rejected ones left out", "[analysis][report]") {
    Taxonomy taxonomy;
    taxonomy.surfaces = {test::surface("whatsapp-business", SurfaceCategory::Monetizable)};
    const std::vector<Event> events{
        ev(1, EventKind::ModelRelease, "2025-04-05")
            .lab("meta")
            .model("llama-4")
            .text("openness", "open_weights_restricted"),
        ev(2, EventKind::ModelRelease, "2026-04-08").lab("meta").model("muse-spark").text("openness", "hosted_product"),
        ev(3, EventKind::SurfaceRollout, "2026-04-21").model("muse-spark").surface("whatsapp-business"),
        ev(4, EventKind::ModelRelease, "2026-05-01").lab("qwen").model("q").text("openness", "api").rejected(),
        ev(5, EventKind::ModelRelease, "2026-07-01").lab("mistral").model("late")};
    const std::map<std::string, std::vector<PriceBar>> prices;
    const std::vector<WatchQuestion> questions{
        {"q1", "open weights?", "open_weights_within", {{"family", "muse-spark"}, {"months", "12"}}}};
    const WatchReport r = build_report(AnalysisInput{events, taxonomy, prices, questions, test::date("2026-06-01")});
    CHECK(r.as_of == test::date("2026-06-01"));
    CHECK(r.generated_at == r.as_of);
    CHECK(r.events_considered == 3);
    REQUIRE(r.rollout.size() == 2);
    CHECK(r.rollout[1].pattern == "monetizable-first");
    REQUIRE(r.openness.labs.size() == 1);
    CHECK(r.openness.labs[0].switched_to_closed_at == std::optional<TimePoint>(test::date("2026-04-08")));
    REQUIRE(r.cascade.trigger.has_value());
    CHECK(r.cascade.trigger->lab == "meta");
    REQUIRE(r.questions.size() == 1);
    CHECK(r.questions[0].status == QuestionStatus::Open);
    CHECK(r.eval_disclosure.models.size() == 2);
    CHECK(r.eval_disclosure.models[1].days_open == 54);
}
