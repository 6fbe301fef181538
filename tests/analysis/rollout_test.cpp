#include "analysis/common.h"
#include "analysis/rollout.h"
#include "builders.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::analysis;
using fw::test::ev;

namespace {

Taxonomy surfaces_taxonomy() {
    Taxonomy t;
    t.surfaces = {test::surface("meta-ai-app", SurfaceCategory::Engagement),
                  test::surface("whatsapp-business", SurfaceCategory::Monetizable),
                  test::surface("ray-ban-meta-glasses", SurfaceCategory::Hardware),
                  test::surface("llama-api", SurfaceCategory::Developer)};
    return t;
}

std::vector<ModelRollout> rollout_run(const std::vector<Event>& events, const std::string& as_of = "2026-12-31") {
    static const Taxonomy taxonomy = surfaces_taxonomy();
    return analyze_rollout(usable_events(events, test::date(as_of)), taxonomy, test::date(as_of));
}

}  // namespace

TEST_CASE("the rollout pattern is the category of the earliest surface", "[analysis][rollout]") {
    struct Row {
        std::vector<std::pair<std::string, std::string>> rollouts;  // surface, date
        std::string pattern;
    };
    const auto row =
        GENERATE(Row{{}, "undetermined"},
                 Row{{{"whatsapp-business", "2026-04-10"}, {"meta-ai-app", "2026-04-20"}}, "monetizable-first"},
                 Row{{{"meta-ai-app", "2026-04-08"}, {"whatsapp-business", "2026-04-20"}}, "engagement-first"},
                 Row{{{"ray-ban-meta-glasses", "2026-05-01"}}, "hardware-first"},
                 Row{{{"llama-api", "2026-04-09"}, {"meta-ai-app", "2026-04-12"}}, "developer-first"},
                 Row{{{"meta-ai-app", "2026-04-09T08:00:00Z"}, {"whatsapp-business", "2026-04-09T20:00:00Z"}}, "mixed"},
                 Row{{{"unknown-surface", "2026-04-09"}}, "undetermined"});
    std::vector<Event> events{ev(1, EventKind::ModelRelease, "2026-04-08").lab("meta").model("muse-spark")};
    std::int64_t id = 10;
    for (const auto& [s, at] : row.rollouts) {
        events.push_back(ev(id++, EventKind::SurfaceRollout, at).lab("meta").model("muse-spark").surface(s));
    }
    const auto out = rollout_run(events);
    REQUIRE(out.size() == 1);
    CHECK(out[0].pattern == row.pattern);
}

TEST_CASE("rollout surfaces keep the first reach, in order, with days after launch", "[analysis][rollout]") {
    const std::vector<Event> events{
        ev(1, EventKind::ModelRelease, "2026-04-08").lab("meta").model("muse-spark"),
        ev(2, EventKind::SurfaceRollout, "2026-04-21")
            .model("muse-spark")
            .surface("whatsapp-business")
            .text("stage", "ga"),
        ev(3, EventKind::SurfaceRollout, "2026-04-08").model("muse-spark").surface("meta-ai-app"),
        ev(4, EventKind::SurfaceRollout, "2026-05-30").model("muse-spark").surface("whatsapp-business"),
        ev(5, EventKind::SurfaceRollout, "2026-03-01").model("muse-spark").surface("llama-api"),  // before launch
        ev(6, EventKind::SurfaceRollout, "2026-08-01").model("muse-spark").surface("ray-ban-meta-glasses"),
        ev(7, EventKind::SurfaceRollout, "2026-04-10").model("other").surface("llama-api")};
    const auto out = rollout_run(events);
    REQUIRE(out.size() == 1);
    const ModelRollout& r = out[0];
    CHECK(r.lab == "meta");
    REQUIRE(r.surfaces.size() == 3);
    CHECK(r.surfaces[0].surface == "meta-ai-app");
    CHECK(r.surfaces[0].days_after_launch == 0);
    CHECK(r.surfaces[1].surface == "whatsapp-business");
    CHECK(r.surfaces[1].days_after_launch == 13);
    CHECK(r.surfaces[1].stage == std::optional<std::string>("ga"));
    CHECK(r.surfaces[1].category == std::optional<std::string>("monetizable"));
    CHECK(r.surfaces[2].days_after_launch == 115);
    CHECK(r.breadth_30 == std::optional<int>(2));
    CHECK(r.breadth_90 == std::optional<int>(2));
}

TEST_CASE("breadth is unknown while its window is still open", "[analysis][rollout]") {
    const std::vector<Event> events{
        ev(1, EventKind::ModelRelease, "2026-04-08").model("muse-spark"),
        ev(2, EventKind::SurfaceRollout, "2026-04-09").model("muse-spark").surface("meta-ai-app")};
    const auto out = rollout_run(events, "2026-05-20");  // 42 days after launch
    REQUIRE(out.size() == 1);
    CHECK(out[0].breadth_30 == std::optional<int>(1));
    CHECK_FALSE(out[0].breadth_90.has_value());
}

TEST_CASE("rejected events and events after as_of do not count", "[analysis][rollout]") {
    const std::vector<Event> events{
        ev(1, EventKind::ModelRelease, "2026-04-08").model("muse-spark"),
        ev(2, EventKind::SurfaceRollout, "2026-04-09").model("muse-spark").surface("whatsapp-business").rejected(),
        ev(3, EventKind::SurfaceRollout, "2026-04-12").model("muse-spark").surface("meta-ai-app"),
        ev(4, EventKind::SurfaceRollout, "2026-04-15").model("muse-spark").surface("llama-api"),
        ev(5, EventKind::ModelRelease, "2026-04-20").model("later-model")};
    const auto out = rollout_run(events, "2026-04-12");
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].surfaces.size() == 1);
    CHECK(out[0].surfaces[0].surface == "meta-ai-app");
    CHECK(out[0].pattern == "engagement-first");
}

TEST_CASE("a surface announced for later is no arrival: the day it gets the model counts", "[analysis][rollout]") {
    const std::vector<Event> events{ev(1, EventKind::ModelRelease, "2026-04-08").lab("meta").model("muse-spark"),
                                    ev(2, EventKind::SurfaceRollout, "2026-04-20")
                                        .model("muse-spark")
                                        .surface("ray-ban-meta-glasses")
                                        .text("stage", "announced"),
                                    ev(3, EventKind::SurfaceRollout, "2026-05-18")
                                        .model("muse-spark")
                                        .surface("ray-ban-meta-glasses")
                                        .text("stage", "ga"),
                                    ev(4, EventKind::SurfaceRollout, "2026-04-25")
                                        .model("muse-spark")
                                        .surface("meta-ai-app")
                                        .text("stage", "announced")};
    const auto out = rollout_run(events);
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].surfaces.size() == 1);  // the app was only promised
    CHECK(out[0].surfaces[0].surface == "ray-ban-meta-glasses");
    CHECK(out[0].surfaces[0].days_after_launch == 40);
    CHECK(out[0].pattern == "hardware-first");
}
