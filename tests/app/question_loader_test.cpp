#include <fstream>

#include "app/question_loader.h"
#include "support/catch.h"
#include "support/paths.h"
#include "support/temp_dir.h"

using namespace fw;

namespace {

void write(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

}  // namespace

TEST_CASE("the bundled seed questions and alert rules load", "[app][questions]") {
    const auto questions = app::load_questions({test::bundled_data()});
    REQUIRE(questions);
    CHECK(questions->size() == 5);
    const auto rules = app::load_alert_rules({test::bundled_data()});
    REQUIRE(rules);
    CHECK_FALSE(rules->empty());
    bool question_rule = false;
    for (const AlertRule& r : *rules)
        question_rule = question_rule || r.question_changes;
    CHECK(question_rule);
}

TEST_CASE("question params become text, lists comma-separated", "[app][questions]") {
    const auto q = app::parse_questions(R"({"id": "x", "text": "t?", "check": "labs_switch_within",
        "params": {"labs": ["mistral", "qwen"], "after": "meta", "months": 12}})",
                                        "x.json");
    REQUIRE(q);
    REQUIRE(q->size() == 1);
    CHECK((*q)[0].params.at("labs") == "mistral,qwen");
    CHECK((*q)[0].params.at("months") == "12");
}

TEST_CASE("a bad question file is an error naming the file and the problem", "[app][questions]") {
    struct Row {
        std::string text, problem;
    };
    const auto row = GENERATE(
        Row{"{\"questions\": [", "malformed JSON"},
        Row{R"([{"id": "a", "text": "t", "check": "nope"}])", "unknown check 'nope'"},
        Row{R"([{"id": "a", "text": "t", "check": "eval_report_within", "params": {"family": "f"}}])",
            "'days' or 'months'"},
        Row{R"([{"text": "t", "check": "eval_report_within"}])", "missing or empty 'id'"},
        Row{R"([{"id": "a", "text": "t", "check": "eval_report_within", "params": {"family": {"x": 1}, "days": 3}}])",
            "param 'family'"},
        Row{R"([{"id": "a", "text": "t", "check": "eval_report_within", "params": {"family": "f", "days": 3}},
                {"id": "a", "text": "t", "check": "eval_report_within", "params": {"family": "f", "days": 3}}])",
            "duplicate id 'a'"});
    const auto q = app::parse_questions(row.text, "mine.json");
    REQUIRE_FALSE(q);
    CHECK(q.error().code == ErrorCode::Config);
    CHECK(q.error().describe().find("mine.json") != std::string::npos);
    CHECK(q.error().message.find(row.problem) != std::string::npos);
}

TEST_CASE("a user's folder overrides questions and rules by id", "[app][questions]") {
    test::TempDir tmp;
    write(tmp / "a/questions/1.json", R"(// comment
        [{"id": "q1", "text": "first", "check": "eval_report_within", "params": {"model": "m", "days": 30}},
         {"id": "q2", "text": "second", "check": "eval_report_within", "params": {"model": "m", "days": 30}}])");
    write(tmp / "b/questions/mine.json",
          R"({"id": "q1", "text": "mine", "check": "eval_report_within", "params": {"model": "m", "days": 7}})");
    write(tmp / "a/alerts.json", R"({"rules": [{"id": "r", "kinds": ["model_release"], "channels": ["terminal"]}]})");
    write(tmp / "b/alerts.json",
          R"({"rules": [{"id": "r", "kinds": ["license_change"], "channels": ["webhook:https://h.example/x"]},
                                               {"id": "s", "question_changes": true, "channels": ["desktop"]}]})");
    const auto q = app::load_questions({tmp / "a", tmp / "b", tmp / "missing"});
    REQUIRE(q);
    REQUIRE(q->size() == 2);
    CHECK((*q)[0].text == "mine");
    CHECK((*q)[0].params.at("days") == "7");
    const auto rules = app::load_alert_rules({tmp / "a", tmp / "b"});
    REQUIRE(rules);
    REQUIRE(rules->size() == 2);
    CHECK((*rules)[0].kinds == std::vector<std::string>{"license_change"});
    CHECK((*rules)[1].question_changes);
}

TEST_CASE("the same question id in two files of one folder is an error", "[app][questions]") {
    test::TempDir tmp;
    const std::string q =
        R"({"id": "q1", "text": "t", "check": "eval_report_within", "params": {"model": "m", "days": 30}})";
    write(tmp / "a/questions/1.json", q);
    write(tmp / "a/questions/2.json", q);
    const auto loaded = app::load_questions({tmp / "a"});
    REQUIRE_FALSE(loaded);
    CHECK(loaded.error().describe().find("2.json") != std::string::npos);
}

TEST_CASE("a bad alert rule is an error naming the file and the problem", "[app][alerts]") {
    struct Row {
        std::string text, problem;
    };
    const auto row =
        GENERATE(Row{R"({"rules": [{"id": "r", "kinds": ["model_launch"], "channels": ["terminal"]}]})",
                     "unknown event kind 'model_launch'"},
                 Row{R"({"rules": [{"id": "r", "channels": []}]})", "no 'channels'"},
                 Row{R"({"rules": [{"id": "r", "channels": ["email:me"]}]})", "unknown channel"},
                 Row{R"({"rules": [{"id": "r", "channels": ["webhook:ftp://x"]}]})", "http(s) URL"},
                 Row{R"({"rules": [{"id": "r", "labs": "meta", "channels": ["terminal"]}]})", "'labs' is not a list"},
                 Row{R"({"rules": [{"id": "r", "question_changes": "yes", "channels": ["terminal"]}]})", "true/false"});
    const auto r = app::parse_alert_rules(row.text, "alerts.json");
    REQUIRE_FALSE(r);
    CHECK(r.error().describe().starts_with("alerts.json: "));
    CHECK(r.error().message.find(row.problem) != std::string::npos);
}
