#include "analysis/alerts.h"
#include "builders.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::analysis;
using fw::test::ev;

namespace {

AlertRule rule(std::vector<std::string> kinds, std::vector<std::string> labs, std::vector<std::string> models,
               bool questions = false) {
    return AlertRule{
        "r", "rule", std::move(kinds), std::move(labs), std::move(models), questions, {"terminal", "atom:/tmp/a.xml"}};
}

}  // namespace

TEST_CASE("a rule matches an event when every non-empty filter does", "[analysis][alerts]") {
    struct Row {
        AlertRule r;
        bool matches;
    };
    const Event e =
        ev(42, EventKind::ModelRelease, "2026-04-08").lab("meta").model("muse-spark-1-1").text("family", "muse");
    const auto row = GENERATE(Row{rule({}, {}, {}), true}, Row{rule({"model_release"}, {}, {}), true},
                              Row{rule({"license_change", "weights_release"}, {}, {}), false},
                              Row{rule({}, {"meta", "mistral"}, {}), true}, Row{rule({}, {"mistral"}, {}), false},
                              Row{rule({}, {}, {"muse-spark"}), true},  // a versioned slug
                              Row{rule({}, {}, {"muse"}), true},        // the family field
                              Row{rule({}, {}, {"muse-spark-1"}), true}, Row{rule({}, {}, {"muse-s"}), false},
                              Row{rule({"model_release"}, {"meta"}, {"llama"}), false},
                              Row{rule({}, {}, {}, true), false});  // a question-only rule
    CHECK(rule_matches(row.r, e) == row.matches);
}

TEST_CASE("rejected events never alert", "[analysis][alerts]") {
    const std::vector<Event> events{ev(1, EventKind::ModelRelease, "2026-04-08").lab("meta").rejected()};
    const std::vector<AlertRule> rules{rule({}, {}, {})};
    CHECK(match_alerts(rules, events, {}).empty());
}

TEST_CASE("matches carry the rule's channels and a stable delivery key", "[analysis][alerts]") {
    const std::vector<Event> events{ev(7, EventKind::LicenseChange, "2026-04-08").lab("meta").title("LICENSE changed"),
                                    ev(8, EventKind::ModelRelease, "2026-04-08").lab("qwen")};
    QuestionAnswer changed;
    changed.id = "meta-open-weights";
    changed.text = "open weights?";
    changed.status = QuestionStatus::Yes;
    const std::vector<QuestionAnswer> answers{changed};
    const std::vector<AlertRule> rules{rule({"license_change"}, {"meta"}, {}), rule({}, {}, {}, true)};
    const auto matches = match_alerts(rules, events, answers);
    REQUIRE(matches.size() == 2);
    CHECK(matches[0].event_id == std::optional<std::int64_t>(7));
    CHECK(matches[0].channels == std::vector<std::string>{"terminal", "atom:/tmp/a.xml"});
    CHECK(matches[0].delivery_key("terminal") == "r|event:7|terminal");
    CHECK(matches[0].title.find("LICENSE changed") != std::string::npos);
    CHECK(matches[1].question_id == std::optional<std::string>("meta-open-weights"));
    CHECK(matches[1].delivery_key("terminal") == "r|question:meta-open-weights=yes|terminal");
}
