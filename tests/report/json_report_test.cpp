#include <nlohmann/json.hpp>

#include "report/render.h"
#include "sample_report.h"
#include "support/catch.h"

using namespace fw;
using nlohmann::json;

namespace {

// Every key the contract documents for `report --format json`, as paths; "*" = first element.
const std::vector<std::string> kContractKeys{"generated_at",
                                             "as_of",
                                             "rollout/*/model",
                                             "rollout/*/lab",
                                             "rollout/*/launched_at",
                                             "rollout/*/surfaces",
                                             "rollout/*/pattern",
                                             "rollout/*/surfaces/*/surface",
                                             "rollout/*/surfaces/*/category",
                                             "rollout/*/surfaces/*/at",
                                             "rollout/*/surfaces/*/days_after_launch",
                                             "eval_disclosure/*/model",
                                             "eval_disclosure/*/lab",
                                             "eval_disclosure/*/launched_at",
                                             "eval_disclosure/*/first_party_at",
                                             "eval_disclosure/*/first_party_lag_days",
                                             "eval_disclosure/*/third_party_at",
                                             "eval_disclosure/*/third_party_lag_days",
                                             "eval_disclosure/*/days_open",
                                             "openness/*/lab",
                                             "openness/*/releases",
                                             "openness/*/switched_to_closed_at",
                                             "openness/*/releases/*/model",
                                             "openness/*/releases/*/at",
                                             "openness/*/releases/*/openness",
                                             "openness/*/releases/*/license",
                                             "license_changes/*/subject",
                                             "license_changes/*/at",
                                             "license_changes/*/old",
                                             "license_changes/*/new",
                                             "license_changes/*/more_restrictive",
                                             "people/*/person",
                                             "people/*/org",
                                             "people/*/role",
                                             "people/*/since",
                                             "people/*/left_at",
                                             "people/*/tenure_days",
                                             "cascade/trigger",
                                             "cascade/windows",
                                             "cascade/windows/*/days",
                                             "cascade/windows/*/labs_switched",
                                             "market/event_studies",
                                             "market/analyst_actions",
                                             "market/capex_guidance",
                                             "market/event_studies/*/event_id",
                                             "market/event_studies/*/symbol",
                                             "market/event_studies/*/benchmark",
                                             "market/event_studies/*/window",
                                             "market/event_studies/*/car",
                                             "market/event_studies/*/t_stat",
                                             "market/event_studies/*/estimation_days",
                                             "questions/*/id",
                                             "questions/*/text",
                                             "questions/*/status",
                                             "questions/*/evidence"};

// Follows a path; returns false when a key is missing (an empty list ends the walk: fine).
bool has_path(const json& doc, const std::string& path) {
    const json* node = &doc;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = std::min(path.find('/', start), path.size());
        const std::string part = path.substr(start, slash - start);
        start = slash + 1;
        if (part == "*") {
            if (!node->is_array())
                return false;
            if (node->empty())
                return true;
            node = &(*node)[0];
        } else {
            if (!node->is_object() || !node->contains(part))
                return false;
            node = &(*node)[part];
        }
    }
    return true;
}

const json& by_model(const json& list, const std::string& model) {
    for (const json& row : list) {
        if (row["model"] == model)
            return row;
    }
    static const json none = json::object();
    return none;
}

}  // namespace

TEST_CASE("the report JSON has every contract key, with every section filled", "[report][json]") {
    const auto s = test::sample();
    const json doc = json::parse(report::render_json(test::build(s)));
    for (const std::string& path : kContractKeys) {
        INFO(path);
        CHECK(has_path(doc, path));
    }
    // Every list above was non-empty, so the nested keys were really checked.
    for (const char* list : {"rollout", "eval_disclosure", "openness", "license_changes", "people", "questions"}) {
        INFO(list);
        CHECK_FALSE(doc[list].empty());
    }
    CHECK_FALSE(doc["market"]["event_studies"].empty());
    CHECK_FALSE(by_model(doc["rollout"], "muse-spark")["surfaces"].empty());
}

TEST_CASE("the report JSON of nothing has every key, empty lists and nulls", "[report][json]") {
    const Taxonomy taxonomy;
    const std::map<std::string, std::vector<PriceBar>> prices;
    const auto r = analysis::build_report(analysis::AnalysisInput{{}, taxonomy, prices, {}, test::date("2026-04-08")});
    const json doc = json::parse(report::render_json(r));
    for (const std::string& path : kContractKeys) {
        INFO(path);
        CHECK(has_path(doc, path));
    }
    CHECK(doc["as_of"] == "2026-04-08T00:00:00Z");
    CHECK(doc["rollout"] == json::array());
    CHECK(doc["cascade"]["trigger"].is_null());
    CHECK(doc["cascade"]["windows"].size() == 3);
    CHECK(doc["cascade"]["windows"][0]["labs_switched"] == json::array());
    CHECK(doc["market"]["analyst_actions"] == json::array());
}

TEST_CASE("report JSON values follow the analyses", "[report][json]") {
    const auto s = test::sample();
    const auto r = test::build(s);
    const json doc = json::parse(report::render_json(r));
    const json& muse = by_model(doc["eval_disclosure"], "muse-spark");
    CHECK(muse["model"] == "muse-spark");
    CHECK(muse["first_party_lag_days"] == 22);
    CHECK(muse["third_party_lag_days"] == 4);
    CHECK(muse["days_open"] == 0);
    CHECK(by_model(doc["eval_disclosure"], "llama-4")["first_party_at"].is_null());
    CHECK(by_model(doc["eval_disclosure"], "llama-4")["first_party_lag_days"].is_null());
    CHECK(by_model(doc["rollout"], "muse-spark")["pattern"] == "monetizable-first");
    CHECK(by_model(doc["rollout"], "muse-spark")["surfaces"][0]["days_after_launch"] == 13);
    CHECK(by_model(doc["rollout"], "llama-4")["pattern"] == "undetermined");
    CHECK(doc["license_changes"][0]["more_restrictive"] == true);
    CHECK(doc["cascade"]["trigger"]["lab"] == "meta");
    CHECK(doc["cascade"]["windows"][0]["labs_switched"] == json::array({"mistral"}));
    REQUIRE(doc["market"]["event_studies"].size() == 2);
    const json& study = by_model(doc["market"]["event_studies"], "muse-spark");
    CHECK(study["window"] == json::array({-1, 1}));
    CHECK(study["car"].get<double>() == Approx(r.market.event_studies[1].study.car));
    CHECK(study["confounders"] == json::array({13}));
    CHECK(by_model(doc["market"]["event_studies"], "llama-4")["confounders"] == json::array());
    // muse-spark-mini is a version of the family, released as weights within 12 months.
    CHECK(doc["questions"][0]["status"] == "yes");
    CHECK(doc["questions"][0]["evidence"] == json::array({2, 6}));
    CHECK(doc["people"][0]["tenure_days"] == 384);
}

TEST_CASE("invalid UTF-8 in fetched text does not break the JSON", "[report][json]") {
    const auto s = test::sample(std::string("bad \xff\xfe bytes"));
    CHECK_NOTHROW(json::parse(report::render_json(test::build(s))));
}
