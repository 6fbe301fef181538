#include "extract/rules.h"

#include "extract_support.h"
#include "support/catch.h"

using fw::extract::merge_rules;
using fw::extract::parse_rules;

TEST_CASE("rule files accept phrases and objects with value and confidence", "[extract][rules]") {
    auto rules = parse_rules(
        R"({"lists": {"stage_words": ["Beta", {"pattern": "GA", "value": "ga", "confidence": 0.7}]}})", "stages.json");
    REQUIRE(rules);
    const auto& list = rules->list("stage_words");
    REQUIRE(list.size() == 2);
    CHECK(list[0].pattern == "beta");
    CHECK(list[1].value == "ga");
    CHECK(list[1].confidence == Approx(0.7));
    CHECK(rules->list("regions").empty());
}

TEST_CASE("rule errors name the file and the problem", "[extract][rules]") {
    auto bad_json = parse_rules("{\"lists\": [", "/home/u/.config/frontierwatch/rules/mine.json");
    REQUIRE_FALSE(bad_json);
    CHECK(bad_json.error().context == "/home/u/.config/frontierwatch/rules/mine.json");
    CHECK(bad_json.error().code == fw::ErrorCode::Config);

    auto unknown = parse_rules(R"({"lists": {"stage_wrds": ["x"]}})", "a.json");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message.find("stage_wrds") != std::string::npos);

    auto no_pattern = parse_rules(R"({"lists": {"regions": [{"value": "US"}]}})", "b.json");
    REQUIRE_FALSE(no_pattern);
    CHECK(no_pattern.error().message.find("regions[0]") != std::string::npos);

    auto bad_conf = parse_rules(R"({"lists": {"regions": [{"pattern": "x", "confidence": 1.5}]}})", "c.json");
    REQUIRE_FALSE(bad_conf);
    CHECK(bad_conf.error().message.find("confidence") != std::string::npos);
}

TEST_CASE("a user rule file overrides, extends and removes bundled entries", "[extract][rules]") {
    auto base = parse_rules(
        R"({"lists": {"regions": [{"pattern": "in europe", "value": "EU"}, {"pattern": "in canada", "value": "CA"}]}})",
        "base");
    auto user = parse_rules(
        R"({"lists": {"regions": [{"pattern": "In Europe", "value": "EEA"}, {"pattern": "in korea", "value": "KR"},
                                                        {"pattern": "in canada", "remove": true}]}})",
        "user");
    REQUIRE(base);
    REQUIRE(user);
    merge_rules(*base, *user);
    const auto& list = base->list("regions");
    REQUIRE(list.size() == 2);
    CHECK(list[0].pattern == "in europe");
    CHECK(list[0].value == "EEA");
    CHECK(list[1].value == "KR");
}

TEST_CASE("the bundled rule files parse and fill the lists the extractors read", "[extract][rules]") {
    auto rules = fw::test::bundled_rules();
    for (const auto* name : {"release_cues", "openness_cues", "rollout_verbs", "stage_words", "regions",
                             "eval_doc_types", "evaluators", "personnel_verbs", "analyst_firms", "analyst_actions",
                             "capex_phrases", "capex_directions", "license_aliases"}) {
        INFO(name);
        CHECK_FALSE(rules.list(name).empty());
    }
}
