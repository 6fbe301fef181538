#include <cmath>

#include "analysis/market.h"
#include "builders.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::analysis;
using fw::test::ev;

namespace {

Taxonomy listed_taxonomy() {
    Taxonomy t;
    Lab meta;
    meta.slug = "meta";
    meta.security = Security{"META", "0001326801", "Meta Platforms", "SPY"};
    Lab mistral;
    mistral.slug = "mistral";
    t.labs = {meta, mistral};
    return t;
}

std::map<std::string, std::vector<PriceBar>> prices(int days) {
    std::vector<double> m{100}, s{50};
    for (int i = 1; i < days; ++i) {
        const double rm = 0.01 * std::sin(i * 0.7);
        m.push_back(m.back() * (1 + rm));
        s.push_back(s.back() * (1 + 1.2 * rm + 0.002 * std::cos(i * 1.3)));
    }
    return {{"META", test::bars("META", "2024-01-01", s)}, {"SPY", test::bars("SPY", "2024-01-01", m)}};
}

}  // namespace

TEST_CASE("each release of a listed lab gets a study, or the reason it has none", "[analysis][market]") {
    const Taxonomy taxonomy = listed_taxonomy();
    const auto px = prices(400);  // 2024-01-01 .. mid 2025
    const std::vector<Event> events{ev(1, EventKind::ModelRelease, "2025-02-04").lab("meta").model("llama-x"),
                                    ev(2, EventKind::ModelRelease, "2025-02-04").lab("mistral").model("not-listed"),
                                    ev(3, EventKind::ModelRelease, "2027-01-01").lab("meta").model("too-late"),
                                    ev(4, EventKind::EarningsRelease, "2025-02-05").lab("meta"),
                                    ev(5, EventKind::EarningsRelease, "2025-03-20").lab("meta")};
    const MarketSection out = analyze_market(usable_events(events, test::date("2027-12-31")), taxonomy, px);
    REQUIRE(out.event_studies.size() == 1);
    const MarketStudy& m = out.event_studies[0];
    CHECK(m.event_id == 1);
    CHECK(m.symbol == "META");
    CHECK(m.benchmark == "SPY");
    CHECK(m.confounders == std::vector<std::int64_t>{4});
    const auto direct = run_event_study(px.at("META"), px.at("SPY"), day_of(test::date("2025-02-04")));
    REQUIRE(direct);
    CHECK(m.study.car == direct->car);
    CHECK_FALSE(m.chart.empty());
    REQUIRE(out.skipped.size() == 1);
    CHECK(out.skipped[0].event_id == 3);
    CHECK(out.skipped[0].reason.find("prices do not cover this event") != std::string::npos);
}

TEST_CASE("a missing benchmark series is a reason, not a guess", "[analysis][market]") {
    const Taxonomy taxonomy = listed_taxonomy();
    auto px = prices(400);
    px.erase("SPY");
    const std::vector<Event> events{ev(1, EventKind::ModelRelease, "2025-02-04").lab("meta").model("m")};
    const MarketSection out = analyze_market(usable_events(events, test::date("2026-01-01")), taxonomy, px);
    CHECK(out.event_studies.empty());
    REQUIRE(out.skipped.size() == 1);
    CHECK(out.skipped[0].reason.find("SPY") != std::string::npos);
}

TEST_CASE("capex revisions get a direction from the prior range", "[analysis][market]") {
    struct Row {
        double prior_low, prior_high, low, high;
        std::string direction;
    };
    const auto row = GENERATE(Row{60e9, 65e9, 64e9, 72e9, "raised"}, Row{60e9, 65e9, 55e9, 60e9, "lowered"},
                              Row{60e9, 70e9, 62e9, 68e9, "narrowed"}, Row{60e9, 65e9, 60e9, 65e9, "reaffirmed"});
    const std::vector<Event> events{ev(1, EventKind::CapexGuidance, "2025-01-29")
                                        .text("company", "meta")
                                        .set("fiscal_year", std::int64_t{2025})
                                        .set("low_usd", row.prior_low)
                                        .set("high_usd", row.prior_high),
                                    ev(2, EventKind::CapexGuidance, "2025-04-30")
                                        .text("company", "meta")
                                        .set("fiscal_year", std::int64_t{2025})
                                        .set("low_usd", row.low)
                                        .set("high_usd", row.high)};
    const MarketSection out = analyze_market(usable_events(events, test::date("2026-01-01")), Taxonomy{}, {});
    REQUIRE(out.capex_guidance.size() == 2);
    CHECK(out.capex_guidance[0].computed_direction == "initiated");
    CHECK(out.capex_guidance[1].prior_low_usd == std::optional<double>(row.prior_low));
    CHECK(out.capex_guidance[1].computed_direction == row.direction);
}

TEST_CASE("analyst actions are tied to the nearest release within 30 days", "[analysis][market]") {
    const Taxonomy taxonomy = listed_taxonomy();
    const std::vector<Event> events{
        ev(1, EventKind::ModelRelease, "2025-04-05").lab("meta").model("a"),
        ev(2, EventKind::ModelRelease, "2025-04-20").lab("meta").model("b"),
        ev(3, EventKind::AnalystRating, "2025-04-22").text("firm", "X").text("symbol", "META").set("new_target", 700.0),
        ev(4, EventKind::AnalystRating, "2025-08-01").text("firm", "Y").text("symbol", "META")};
    const MarketSection out = analyze_market(usable_events(events, test::date("2026-01-01")), taxonomy, {});
    REQUIRE(out.analyst_actions.size() == 2);
    CHECK(out.analyst_actions[0].near_release_event_id == std::optional<std::int64_t>(2));
    CHECK(out.analyst_actions[0].days_from_release == std::optional<int>(2));
    CHECK(out.analyst_actions[0].new_target == std::optional<double>(700.0));
    CHECK_FALSE(out.analyst_actions[1].near_release_event_id.has_value());
}
