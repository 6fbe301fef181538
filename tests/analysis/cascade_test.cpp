#include <cmath>

#include "analysis/cascade.h"
#include "analysis/questions.h"
#include "builders.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::analysis;

namespace {

LabOpenness lab_with(const std::string& slug, const std::string& first_open, const std::string& switch_at) {
    LabOpenness lab;
    lab.lab = slug;
    lab.releases.push_back(
        {"open-model", test::date(first_open), "model_release", Openness::OpenWeightsPermissive, "", Tier::Small, 1});
    if (!switch_at.empty()) {
        lab.switched_to_closed_at = test::date(switch_at);
        lab.switch_event_id = 100;
        lab.switch_model = slug + "-closed";
        lab.releases.push_back(
            {slug + "-closed", test::date(switch_at), "model_release", Openness::Api, "", Tier::Flagship, 100});
    }
    return lab;
}

}  // namespace

TEST_CASE("the cascade trigger is the earliest switch and windows list the followers", "[analysis][cascade]") {
    const std::vector<LabOpenness> labs{
        lab_with("meta", "2023-02-24", "2026-04-08"), lab_with("mistral", "2024-04-08", "2026-06-01"),  // +54 days
        lab_with("qwen", "2025-04-08", "2026-12-01"),                                                   // +237 days
        lab_with("deepseek", "2024-04-08", ""), lab_with("late", "2027-01-01", "2027-06-01")};          // +419 days
    const CascadeSection c = analyze_cascade(labs, test::date("2027-12-31"));
    REQUIRE(c.trigger.has_value());
    CHECK(c.trigger->lab == "meta");
    REQUIRE(c.windows.size() == 3);
    CHECK(c.windows[0].days == 90);
    CHECK(c.windows[0].labs_switched == std::vector<std::string>{"mistral"});
    CHECK(c.windows[1].labs_switched == std::vector<std::string>{"mistral"});
    CHECK(c.windows[2].labs_switched == std::vector<std::string>{"mistral", "qwen"});
    CHECK(c.windows[2].complete);
    // Candidates: labs other than meta with an open release before the trigger.
    CHECK(c.candidate_labs == 3);
    const double exposure = (730 + 365 + 730) / 365.25;
    CHECK(c.exposure_lab_years == Approx(exposure));
    CHECK(c.baseline_rate_per_lab_year == Approx(0.5 / exposure));
    const double mean = 0.5 / exposure * 3 * 90 / 365.25;
    CHECK(c.windows[0].expected == Approx(mean));
    CHECK(c.windows[0].p_value == Approx(1 - std::exp(-mean)));
}

TEST_CASE("no switch means no trigger and empty windows", "[analysis][cascade]") {
    const CascadeSection c = analyze_cascade({lab_with("a", "2024-01-01", "")}, test::date("2026-01-01"));
    CHECK_FALSE(c.trigger.has_value());
    REQUIRE(c.windows.size() == 3);
    CHECK(c.windows[1].days == 180);
    CHECK(c.windows[1].labs_switched.empty());
}

TEST_CASE("a watched trigger anchors the cascade even when another lab switched earlier", "[analysis][cascade]") {
    // The demo's shape: xAI switched in 2024; the question is about what followed Meta in 2026.
    const std::vector<LabOpenness> labs{lab_with("xai", "2023-03-01", "2024-08-13"),
                                        lab_with("meta", "2023-02-24", "2026-04-08"),
                                        lab_with("qwen", "2024-09-19", "2026-06-16"),  // +69 days
                                        lab_with("mistral", "2024-04-08", ""), lab_with("deepseek", "2024-04-08", "")};
    const CascadeAnchor anchor{"meta", {"mistral", "qwen", "deepseek"}, "question closed-cascade-12m"};
    const CascadeSection c = analyze_cascade(labs, test::date("2026-11-20"), anchor);
    REQUIRE(c.trigger.has_value());
    CHECK(c.trigger->lab == "meta");
    CHECK(c.anchored_on == "question closed-cascade-12m");
    CHECK(c.windows[0].labs_switched == std::vector<std::string>{"qwen"});
    CHECK(c.windows[2].labs_switched == std::vector<std::string>{"qwen"});
    CHECK_FALSE(c.windows[2].complete);
    CHECK(c.candidate_labs == 3);  // the watched labs only: xAI is not one of them
    // Every other switch (xAI's before, Qwen's after) is listed as a cascade of its own.
    REQUIRE(c.others.size() == 2);
    REQUIRE(c.others[0].trigger.has_value());
    CHECK(c.others[0].trigger->lab == "xai");
    CHECK(c.others[0].windows[2].labs_switched.empty());  // nobody within a year of xAI
    CHECK(c.others[1].trigger->lab == "qwen");

    // Without the anchor the earliest switch (xAI) is the trigger, as the contract's default.
    const CascadeSection earliest = analyze_cascade(labs, test::date("2026-11-20"));
    CHECK(earliest.trigger->lab == "xai");
    CHECK(earliest.anchored_on == "earliest switch");
    REQUIRE(earliest.others.size() == 2);
    CHECK(earliest.others[0].trigger->lab == "meta");
    CHECK(earliest.others[0].windows[0].labs_switched == std::vector<std::string>{"qwen"});
}

TEST_CASE("labs outside the watch list that switch in a window are listed apart", "[analysis][cascade]") {
    const std::vector<LabOpenness> labs{lab_with("meta", "2023-02-24", "2026-04-08"),
                                        lab_with("qwen", "2024-09-19", "2026-06-16"),      // +69 days, watched
                                        lab_with("moonshot", "2024-10-01", "2026-06-02"),  // +55 days, not watched
                                        lab_with("xai", "2023-03-01", "2024-08-13")};      // before: in no window
    const CascadeAnchor anchor{"meta", {"mistral", "qwen", "deepseek"}, "question closed-cascade-12m"};
    const CascadeSection c = analyze_cascade(labs, test::date("2026-11-20"), anchor);
    REQUIRE(c.windows.size() == 3);
    CHECK(c.windows[0].labs_switched == std::vector<std::string>{"qwen"});
    CHECK(c.windows[0].also_switched == std::vector<std::string>{"moonshot"});
    CHECK(c.candidate_labs == 1);  // the baseline stays the watched labs' (Qwen alone was open before)
    // Every later switch with its lag, watched or not, in order; xAI's earlier one is none.
    REQUIRE(c.followers.size() == 2);
    CHECK(c.followers[0].lab == "moonshot");
    CHECK(c.followers[0].days_after == 55);
    CHECK_FALSE(c.followers[0].watched);
    CHECK(c.followers[1].lab == "qwen");
    CHECK(c.followers[1].days_after == 69);
    CHECK(c.followers[1].watched);
    // Without a watch list every lab is a follower and nothing is listed apart.
    const CascadeSection all = analyze_cascade(labs, test::date("2026-11-20"), CascadeAnchor{"meta", {}, "q"});
    CHECK(all.windows[0].labs_switched == std::vector<std::string>{"moonshot", "qwen"});
    CHECK(all.windows[0].also_switched.empty());
}

TEST_CASE("a watched lab that has not switched leaves the trigger empty and says so", "[analysis][cascade]") {
    const std::vector<LabOpenness> labs{lab_with("xai", "2023-03-01", "2024-08-13"),
                                        lab_with("meta", "2023-02-24", "")};
    const CascadeSection c = analyze_cascade(labs, test::date("2026-01-01"), CascadeAnchor{"meta", {}, "question q"});
    CHECK_FALSE(c.trigger.has_value());
    CHECK(c.awaited_lab == std::optional<std::string>("meta"));
    REQUIRE(c.windows.size() == 3);
    REQUIRE(c.others.size() == 1);
    CHECK(c.others[0].trigger->lab == "xai");
}

TEST_CASE("the watch questions name the cascade's anchor", "[analysis][cascade]") {
    std::vector<WatchQuestion> qs{
        {"q1", "", "eval_report_within", {{"family", "x"}}},
        {"q2", "", "labs_switch_within", {{"labs", "mistral, qwen"}, {"after", "meta"}, {"months", "12"}}}};
    const auto anchor = cascade_anchor(qs);
    REQUIRE(anchor.has_value());
    CHECK(anchor->lab == "meta");
    CHECK(anchor->watched == std::vector<std::string>{"mistral", "qwen"});
    CHECK(anchor->origin == "question q2");
    CHECK_FALSE(cascade_anchor(std::vector<WatchQuestion>{qs[0]}).has_value());
}

TEST_CASE("the Poisson tail P(N >= k)", "[analysis][cascade]") {
    struct Row {
        double mean;
        int k;
        double p;
    };
    const auto row = GENERATE(Row{0.0, 0, 1.0}, Row{0.0, 1, 0.0}, Row{1.0, 1, 1 - std::exp(-1.0)},
                              Row{2.0, 2, 1 - std::exp(-2.0) * 3}, Row{0.5, 3, 1 - std::exp(-0.5) * (1 + 0.5 + 0.125)});
    CHECK(poisson_tail(row.mean, row.k) == Approx(row.p).margin(1e-12));
}
