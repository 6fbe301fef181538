#include <algorithm>

#include "analysis/openness.h"
#include "builders.h"
#include "domain/time.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::analysis;
using fw::test::ev;

namespace {

Taxonomy openness_taxonomy() {
    Taxonomy t;
    t.models = {test::model_info("muse-spark", "meta", "muse", Tier::Flagship, Openness::HostedProduct),
                test::model_info("muse-mini", "meta", "muse", Tier::Small),
                test::model_info("llama-4-maverick", "meta", "llama", Tier::Flagship, Openness::OpenWeightsRestricted)};
    t.licenses = {test::license("Apache-2.0", "permissive"), test::license("LicenseRef-Llama-4", "open_restricted"),
                  test::license("CC-BY-NC-4.0", "noncommercial"),
                  test::license("LicenseRef-Proprietary", "proprietary")};
    return t;
}

OpennessSection openness_run(const std::vector<Event>& events, const std::string& as_of = "2027-01-01") {
    static const Taxonomy taxonomy = openness_taxonomy();
    return analyze_openness(usable_events(events, test::date(as_of)), taxonomy);
}

Event release(std::int64_t id, const std::string& at, const std::string& model, const std::string& openness) {
    return ev(id, EventKind::ModelRelease, at).lab("lab").model(model).text("openness", openness);
}

}  // namespace

TEST_CASE("a lab switches to closed at the first closed release after an open one", "[analysis][openness]") {
    struct Row {
        std::vector<std::string> openness;  // one release per month, in order
        std::optional<int> switch_index;
    };
    const auto row =
        GENERATE(Row{{}, std::nullopt}, Row{{"api", "api"}, std::nullopt},  // never open: nothing to switch from
                 Row{{"open_weights_permissive", "api"}, 1},
                 Row{{"api", "open_weights_restricted", "unknown", "hosted_product", "api"}, 3},
                 Row{{"open_weights_noncommercial", "unknown", "open_weights_permissive"}, std::nullopt},
                 Row{{"open_weights_permissive", "limited_preview"}, 1},
                 Row{{"open_weights_permissive", "unreleased"}, std::nullopt},  // announced, not released
                 Row{{"open_weights_permissive", "unreleased", "hosted_product"}, 2});
    std::vector<Event> events;
    for (std::size_t i = 0; i < row.openness.size(); ++i) {
        const std::string at = "2025-" + std::string(i < 9 ? "0" : "") + std::to_string(i + 1) + "-15";
        events.push_back(release(static_cast<std::int64_t>(i + 1), at, "m" + std::to_string(i), row.openness[i]));
    }
    const OpennessSection out = openness_run(events);
    if (row.openness.empty()) {
        CHECK(out.labs.empty());
        return;
    }
    REQUIRE(out.labs.size() == 1);
    const auto& lab = out.labs[0];
    REQUIRE(lab.switched_to_closed_at.has_value() == row.switch_index.has_value());
    if (row.switch_index) {
        CHECK(*lab.switch_event_id == *row.switch_index + 1);
        CHECK(*lab.switched_to_closed_at == lab.releases[static_cast<std::size_t>(*row.switch_index)].at);
    }
}

TEST_CASE("openness comes from the event, the licence class, or the taxonomy", "[analysis][openness]") {
    const std::vector<Event> events{
        ev(1, EventKind::ModelRelease, "2025-04-05").lab("meta").model("llama-4-maverick"),
        ev(2, EventKind::WeightsRelease, "2025-04-05")
            .lab("meta")
            .model("llama-4-maverick")
            .text("license", "LicenseRef-Llama-4"),
        ev(3, EventKind::ModelRelease, "2026-04-08").lab("meta").model("muse-spark"),
        ev(4, EventKind::WeightsRelease, "2026-06-01").lab("meta").model("muse-mini").text("license", "Apache-2.0"),
        ev(5, EventKind::WeightsRelease, "2026-07-01").lab("meta").model("x-nc").text("license", "CC-BY-NC-4.0")};
    const OpennessSection out = openness_run(events);
    REQUIRE(out.labs.size() == 1);
    const auto& r = out.labs[0].releases;
    REQUIRE(r.size() == 5);
    CHECK(r[0].openness == Openness::OpenWeightsRestricted);
    CHECK(r[1].openness == Openness::OpenWeightsRestricted);
    CHECK(r[2].openness == Openness::HostedProduct);
    CHECK(r[2].tier == Tier::Flagship);
    CHECK(r[3].openness == Openness::OpenWeightsPermissive);
    CHECK(r[4].openness == Openness::OpenWeightsNoncommercial);
    CHECK(out.labs[0].switch_model == std::optional<std::string>("muse-spark"));
    // muse-mini (same family) came as weights 54 days after the closed flagship.
    REQUIRE(out.labs[0].siblings.size() == 1);
    CHECK(out.labs[0].siblings[0].sibling == "muse-mini");
    CHECK(out.labs[0].siblings[0].days_after == 54);
}

TEST_CASE("each closed flagship release lists its open siblings once, released on or after it",
          "[analysis][openness]") {
    // muse-spark released twice (closed), muse-mini (its family) open before, between and after
    // them, twice after the first; llama (another family) open; muse-spark-lite open by name.
    const std::vector<Event> events{
        ev(1, EventKind::WeightsRelease, "2026-01-01").lab("meta").model("muse-mini").text("license", "Apache-2.0"),
        ev(2, EventKind::ModelRelease, "2026-02-01").lab("meta").model("muse-spark"),
        ev(3, EventKind::WeightsRelease, "2026-03-01").lab("meta").model("muse-mini").text("license", "Apache-2.0"),
        ev(4, EventKind::WeightsRelease, "2026-03-05").lab("meta").model("llama-4-maverick"),
        ev(5, EventKind::ModelRelease, "2026-04-01").lab("meta").model("muse-spark"),
        ev(6, EventKind::WeightsRelease, "2026-05-01").lab("meta").model("muse-mini").text("license", "Apache-2.0"),
        ev(7, EventKind::WeightsRelease, "2026-06-01")
            .lab("meta")
            .model("muse-spark-lite")
            .text("license", "Apache-2.0")};
    const OpennessSection out = openness_run(events);
    REQUIRE(out.labs.size() == 1);
    std::vector<std::string> got;
    for (const auto& s : out.labs[0].siblings) {
        got.push_back(s.flagship + " " + format_date(s.flagship_at) + " -> " + s.sibling + " " +
                      std::to_string(s.event_id) + " " + std::to_string(s.days_after));
    }
    CHECK(got == std::vector<std::string>{
                     "muse-spark 2026-02-01 -> muse-mini 3 28",
                     "muse-spark 2026-02-01 -> muse-spark-lite 7 120",
                     "muse-spark 2026-04-01 -> muse-mini 6 30",
                     "muse-spark 2026-04-01 -> muse-spark-lite 7 61",
                 });
}

TEST_CASE("the rolling open share counts releases in the last 365 days", "[analysis][openness]") {
    const std::vector<Release> releases{
        {"a", test::date("2024-01-01"), "model_release", Openness::OpenWeightsPermissive, "", Tier::Small, 1},
        {"b", test::date("2024-06-01"), "model_release", Openness::Api, "", Tier::Flagship, 2},
        {"b", test::date("2024-06-01"), "weights_release", Openness::OpenWeightsRestricted, "", Tier::Flagship, 3},
        {"b", test::date("2024-07-01"), "weights_release", Openness::OpenWeightsRestricted, "", Tier::Flagship, 4},
        {"c", test::date("2025-03-01"), "model_release", Openness::Api, "", Tier::Flagship, 5}};
    const auto share = rolling_open_share(releases);
    REQUIRE(share.size() == 3);
    CHECK(share[0].share == Approx(1.0));
    CHECK(share[0].releases == 1);
    CHECK(share[1].share == Approx(2.0 / 3.0));  // a open, b api, b weights (first open release of b)
    CHECK(share[1].releases == 3);
    // 2025-03-01: a (2024-01-01) dropped; b api, b weights, c api; the 2024-07 weights repeat b.
    CHECK(share[2].releases == 3);
    CHECK(share[2].share == Approx(1.0 / 3.0));
}

TEST_CASE("licence changes say whether the new licence is more restrictive", "[analysis][openness]") {
    struct Row {
        std::string old_license, new_license;
        std::optional<bool> more;
    };
    const auto row =
        GENERATE(Row{"Apache-2.0", "LicenseRef-Llama-4", true}, Row{"LicenseRef-Llama-4", "Apache-2.0", false},
                 Row{"Apache-2.0", "MIT", false}, Row{"MIT", "CC-BY-NC-4.0", true},
                 Row{"Apache-2.0", "LicenseRef-Mystery", std::nullopt}, Row{"", "Apache-2.0", std::nullopt});
    const std::vector<Event> events{ev(1, EventKind::LicenseChange, "2026-01-01")
                                        .text("subject", "hf:org/repo")
                                        .text("old", row.old_license)
                                        .text("new", row.new_license)
                                        .text("diff", "- a\n+ b")};
    const OpennessSection out = openness_run(events);
    REQUIRE(out.license_changes.size() == 1);
    CHECK(out.license_changes[0].subject == "hf:org/repo");
    CHECK(out.license_changes[0].more_restrictive == row.more);
    CHECK(out.license_changes[0].diff == std::optional<std::string>("- a\n+ b"));
}

TEST_CASE("the taxonomy's open releases are the past a lab switches from", "[analysis][openness]") {
    // The store holds only the closed launch; the taxonomy says llama-4-maverick (meta) came out
    // open before it. Released after the closed one, it would not count.
    Taxonomy t = openness_taxonomy();
    t.models[2].released = test::date("2025-04-05");
    const std::vector<Event> events{
        ev(1, EventKind::ModelRelease, "2026-04-08").lab("meta").model("muse-spark").text("openness", "api")};
    auto out = analyze_openness(usable_events(events, test::date("2027-01-01")), t);
    REQUIRE(out.labs.size() == 1);
    CHECK(out.labs[0].switched_to_closed_at == test::date("2026-04-08"));
    CHECK(out.labs[0].releases.size() == 1);  // the share still counts the store's releases only
    t.models[2].released = test::date("2026-06-01");
    out = analyze_openness(usable_events(events, test::date("2027-01-01")), t);
    CHECK_FALSE(out.labs[0].switched_to_closed_at.has_value());
}

TEST_CASE("a closed model of unknown size lists the open models derived from it", "[analysis][openness]") {
    Taxonomy t = openness_taxonomy();
    t.models.push_back(test::model_info("muse-ember", "meta", "muse-ember", Tier::Unknown));
    t.models.push_back(test::model_info("lite-8b", "meta", "lite", Tier::Small));
    t.models.back().derived_from = "muse-ember";
    t.models.push_back(test::model_info("muse-mid", "meta", "muse-mid", Tier::Mid));
    const std::vector<Event> events{
        ev(1, EventKind::ModelRelease, "2026-09-10").lab("meta").model("muse-ember").text("openness", "api"),
        ev(2, EventKind::ModelRelease, "2026-09-11").lab("meta").model("muse-mid").text("openness", "api"),
        ev(3, EventKind::ModelRelease, "2026-10-05")
            .lab("meta")
            .model("lite-8b")
            .text("openness", "open_weights_permissive")};
    const auto out = analyze_openness(usable_events(events, test::date("2027-01-01")), t);
    REQUIRE(out.labs.size() == 1);
    REQUIRE(out.labs[0].siblings.size() == 1);
    CHECK(out.labs[0].siblings[0].flagship == "muse-ember");
    CHECK(out.labs[0].siblings[0].sibling == "lite-8b");
    CHECK(out.labs[0].siblings[0].days_after == 25);
}

TEST_CASE("a lab the store holds no release of is known by its curated history", "[analysis][openness]") {
    // The store follows another lab only; the taxonomy dates Meta's open Llama and closed Muse
    // Spark: Meta's switch is known, with no stored event behind it.
    Taxonomy t = openness_taxonomy();
    t.labs = {Lab{"meta", "Meta", {}, {}, {}, {}, {}, false}, Lab{"quiet", "Quiet", {}, {}, {}, {}, {}, false}};
    t.models[0].released = test::date("2026-04-08");
    t.models[2].released = test::date("2025-04-05");
    t.models.push_back(test::model_info("quiet-1", "quiet", "quiet", Tier::Flagship, Openness::OpenWeightsPermissive));
    t.models.back().released = test::date("2025-01-01");
    const std::vector<Event> events{
        ev(1, EventKind::ModelRelease, "2026-10-01").lab("qwen").model("q-max").text("openness", "api")};
    const auto out = analyze_openness(usable_events(events, test::date("2027-01-01")), t);
    const auto meta =
        std::find_if(out.labs.begin(), out.labs.end(), [](const LabOpenness& l) { return l.lab == "meta"; });
    REQUIRE(meta != out.labs.end());
    CHECK(meta->switched_to_closed_at == test::date("2026-04-08"));
    CHECK(meta->switch_model == std::optional<std::string>("muse-spark"));
    CHECK_FALSE(meta->switch_event_id.has_value());
    CHECK(meta->open_since == test::date("2025-04-05"));
    // A lab whose history holds no switch is not listed; labs stay in slug order.
    CHECK(std::none_of(out.labs.begin(), out.labs.end(), [](const LabOpenness& l) { return l.lab == "quiet"; }));
    CHECK(std::is_sorted(out.labs.begin(), out.labs.end(),
                         [](const LabOpenness& a, const LabOpenness& b) { return a.lab < b.lab; }));
}
