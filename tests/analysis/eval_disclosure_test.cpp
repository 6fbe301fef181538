#include "analysis/eval_disclosure.h"
#include "builders.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::analysis;
using fw::test::ev;

namespace {

EvalSection run(const std::vector<Event>& events, const std::string& as_of) {
    static const Taxonomy taxonomy;
    return analyze_eval_disclosure(usable_events(events, test::date(as_of)), taxonomy, test::date(as_of));
}

}  // namespace

TEST_CASE("eval lags are whole UTC days and days_open counts only while no report exists", "[analysis][eval]") {
    struct Row {
        std::string launch, first_party, third_party, as_of;
        std::optional<int> lag_1p, lag_3p;
        int days_open;
        bool at_launch;
    };
    const auto row = GENERATE(
        Row{"2026-04-08T14:00:00Z", "", "", "2026-05-08", std::nullopt, std::nullopt, 30, false},
        Row{"2026-04-08T23:00:00Z", "2026-04-09T01:00:00Z", "", "2026-05-08", 1, std::nullopt, 0, false},
        Row{"2026-04-08", "2026-04-08", "2026-04-20", "2026-05-08", 0, 12, 0, true},
        Row{"2026-04-08", "2026-04-01", "", "2026-05-08", 0, std::nullopt, 0, true},  // before launch: clipped
        Row{"2026-04-08", "2026-06-01", "2026-04-10", "2026-05-08", std::nullopt, 2, 30, false},  // report after as_of
        Row{"2026-04-08", "", "", "2026-04-08", std::nullopt, std::nullopt, 0, false});
    std::vector<Event> events{ev(1, EventKind::ModelRelease, row.launch).lab("meta").model("m")};
    if (!row.first_party.empty()) {
        events.push_back(ev(2, EventKind::EvalReport, row.first_party).model("m").text("doc_type", "tech_report"));
    }
    if (!row.third_party.empty()) {
        events.push_back(ev(3, EventKind::ThirdPartyEval, row.third_party).model("m").text("evaluator", "lmarena"));
    }
    const EvalSection out = run(events, row.as_of);
    REQUIRE(out.models.size() == 1);
    const EvalDisclosure& d = out.models[0];
    CHECK(d.first_party_lag_days == row.lag_1p);
    CHECK(d.third_party_lag_days == row.lag_3p);
    CHECK(d.days_open == row.days_open);
    CHECK(d.disclosed_at_launch == row.at_launch);
    CHECK(d.first_party_at.has_value() == row.lag_1p.has_value());
}

TEST_CASE("the first report counts, and reports of other models do not", "[analysis][eval]") {
    const std::vector<Event> events{ev(1, EventKind::ModelRelease, "2026-01-01").lab("a").model("m"),
                                    ev(2, EventKind::EvalReport, "2026-01-20").model("other"),
                                    ev(3, EventKind::EvalReport, "2026-01-15").model("m"),
                                    ev(4, EventKind::EvalReport, "2026-01-30").model("m")};
    const EvalSection out = run(events, "2026-03-01");
    REQUIRE(out.models.size() == 1);
    CHECK(out.models[0].first_party_lag_days == std::optional<int>(14));
    CHECK(out.models[0].first_party_event_id == std::optional<std::int64_t>(3));
}

TEST_CASE("per-lab medians: observed median and Kaplan-Meier with censoring", "[analysis][eval]") {
    // Lags 10 and 20 observed; two models still open for 5 and 100 days.
    const std::vector<Event> events{
        ev(1, EventKind::ModelRelease, "2026-01-01").lab("a").model("m1"),
        ev(2, EventKind::EvalReport, "2026-01-11").model("m1"),
        ev(3, EventKind::ModelRelease, "2026-01-01").lab("a").model("m2"),
        ev(4, EventKind::EvalReport, "2026-01-21").model("m2"),
        ev(5, EventKind::ModelRelease, "2025-12-31").lab("a").model("m3"),   // open for 100 days at as_of
        ev(6, EventKind::ModelRelease, "2026-04-05").lab("a").model("m4")};  // open for 5 days
    const EvalSection out = run(events, "2026-04-10");
    REQUIRE(out.labs.size() == 1);
    const LabEvalSummary& s = out.labs[0];
    CHECK(s.models == 4);
    CHECK(s.first_party_disclosed == 2);
    CHECK(s.median_first_party_lag == std::optional<double>(15.0));
    // KM: at t=5 one censored (n 4->3); t=10: S=2/3; t=20: S=2/3*1/2=1/3 <= 0.5 -> median 20.
    CHECK(s.km_median_first_party_lag == std::optional<double>(20.0));
    CHECK_FALSE(s.km_median_third_party_lag.has_value());
}

TEST_CASE("the Kaplan-Meier median", "[analysis][eval]") {
    struct Row {
        std::vector<Survival> data;
        std::optional<double> median;
    };
    const auto row = GENERATE(Row{{}, std::nullopt}, Row{{{3, true}}, 3.0}, Row{{{1, true}, {2, true}, {3, true}}, 2.0},
                              Row{{{1, false}, {2, false}, {3, true}}, 3.0},
                              Row{{{1, true}, {50, false}, {60, false}}, std::nullopt},
                              Row{{{4, true}, {4, false}, {8, true}, {9, false}}, 8.0});
    CHECK(kaplan_meier_median(row.data) == row.median);
}
