#include <cmath>

#include "analysis/cascade.h"
#include "builders.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::analysis;

namespace {

LabOpenness lab_with(const std::string& slug, const std::string& first_open, const std::string& switch_at) {
    LabOpenness lab;
    lab.lab = slug;
    lab.releases.push_back({"open-model", test::date(first_open), "model_release", Openness::OpenWeightsPermissive, "", Tier::Small, 1});
    if (!switch_at.empty()) {
        lab.switched_to_closed_at = test::date(switch_at);
        lab.switch_event_id = 100;
        lab.switch_model = slug + "-closed";
        lab.releases.push_back({slug + "-closed", test::date(switch_at), "model_release", Openness::Api, "", Tier::Flagship, 100});
    }
    return lab;
}

}  // namespace

TEST_CASE("the cascade trigger is the earliest switch and windows list the followers", "[analysis][cascade]") {
    const std::vector<LabOpenness> labs{lab_with("meta", "2023-02-24", "2026-04-08"),
                                        lab_with("mistral", "2024-04-08", "2026-06-01"),   // +54 days
                                        lab_with("qwen", "2025-04-08", "2026-12-01"),      // +237 days
                                        lab_with("deepseek", "2024-04-08", ""),
                                        lab_with("late", "2027-01-01", "2027-06-01")};    // +419 days
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
