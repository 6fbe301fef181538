#include "analysis/openness.h"
#include "analysis/questions.h"
#include "builders.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::analysis;
using fw::test::ev;

namespace {

Taxonomy question_taxonomy() {
    Taxonomy t;
    t.models = {test::model_info("muse-spark", "meta", "muse-spark", Tier::Flagship, Openness::HostedProduct),
                test::model_info("muse-spark-mini", "meta", "muse-spark", Tier::Small)};
    t.surfaces = {test::surface("meta-ai-app", SurfaceCategory::Engagement),
                  test::surface("whatsapp-business", SurfaceCategory::Monetizable),
                  test::surface("facebook-feed", SurfaceCategory::Engagement)};
    Person p;
    p.slug = "alex";
    p.org = "meta";
    p.role = "Chief AI Officer";
    p.since = test::date("2025-06-12");
    t.people = {p};
    return t;
}

QuestionAnswer answer(const WatchQuestion& q, const std::vector<Event>& events, const std::string& as_of) {
    static const Taxonomy taxonomy = question_taxonomy();
    const EventRefs refs = usable_events(events, test::date(as_of));
    const OpennessSection openness = analyze_openness(refs, taxonomy);
    return evaluate_question(q, QuestionContext{refs, taxonomy, openness.labs, test::date(as_of)});
}

WatchQuestion question(std::string check, std::map<std::string, std::string> params) {
    return WatchQuestion{"q", "a question?", std::move(check), std::move(params)};
}

const Event kLaunch = ev(1, EventKind::ModelRelease, "2026-04-08").lab("meta").model("muse-spark");

}  // namespace

TEST_CASE("open weights of any version within N months of launch", "[analysis][questions]") {
    struct Row {
        std::vector<Event> extra;
        std::string as_of;
        QuestionStatus status;
    };
    const auto row =
        GENERATE(Row{{}, "2026-10-01", QuestionStatus::Open}, Row{{}, "2027-04-09", QuestionStatus::No},
                 Row{{}, "2027-04-08", QuestionStatus::Open},  // the last day of the window
                 Row{{ev(2, EventKind::WeightsRelease, "2026-09-01").lab("meta").model("muse-spark-mini")},
                     "2026-10-01",
                     QuestionStatus::Yes},
                 Row{{ev(2, EventKind::WeightsRelease, "2027-05-01").lab("meta").model("muse-spark-mini")},
                     "2027-06-01",
                     QuestionStatus::No},
                 Row{{ev(2, EventKind::WeightsRelease, "2026-09-01").lab("meta").model("muse-spark-mini").rejected()},
                     "2026-10-01",
                     QuestionStatus::Open},
                 Row{{ev(2, EventKind::WeightsRelease, "2026-09-01").lab("meta").model("llama-5")},
                     "2026-10-01",
                     QuestionStatus::Open});
    std::vector<Event> events{kLaunch};
    events.insert(events.end(), row.extra.begin(), row.extra.end());
    const auto a =
        answer(question("open_weights_within", {{"family", "muse-spark"}, {"months", "12"}}), events, row.as_of);
    CHECK(a.status == row.status);
    CHECK(a.opened_at == std::optional<TimePoint>(test::date("2026-04-08")));
    if (row.status == QuestionStatus::Yes) {
        CHECK(a.evidence == std::vector<std::int64_t>{1, 2});
        CHECK(a.resolved_at == std::optional<TimePoint>(test::date("2026-09-01")));
    }
    CHECK_FALSE(a.explanation.empty());
}

TEST_CASE("a question without a launch stays open, unless a launch date is given", "[analysis][questions]") {
    const auto no_launch =
        answer(question("open_weights_within", {{"family", "muse-spark"}, {"days", "30"}}), {}, "2027-01-01");
    CHECK(no_launch.status == QuestionStatus::Open);
    const auto dated =
        answer(question("open_weights_within", {{"family", "muse-spark"}, {"days", "30"}, {"launch", "2026-04-08"}}),
               {}, "2027-01-01");
    CHECK(dated.status == QuestionStatus::No);
}

TEST_CASE("a first-party eval report within N days", "[analysis][questions]") {
    struct Row {
        std::string report_at, as_of;
        QuestionStatus status;
    };
    const auto row = GENERATE(Row{"", "2026-05-01", QuestionStatus::Open}, Row{"", "2026-05-09", QuestionStatus::No},
                              Row{"2026-05-08", "2026-06-01", QuestionStatus::Yes},
                              Row{"2026-05-09", "2026-06-01", QuestionStatus::No});
    std::vector<Event> events{kLaunch};
    if (!row.report_at.empty())
        events.push_back(ev(2, EventKind::EvalReport, row.report_at).model("muse-spark"));
    const auto a = answer(question("eval_report_within", {{"model", "muse-spark"}, {"days", "30"}}), events, row.as_of);
    CHECK(a.status == row.status);
}

TEST_CASE("a monetizable surface before the consumer feed", "[analysis][questions]") {
    struct Row {
        std::vector<std::pair<std::string, std::string>> rollouts;
        QuestionStatus status;
    };
    const auto row =
        GENERATE(Row{{}, QuestionStatus::Open}, Row{{{"meta-ai-app", "2026-04-08"}}, QuestionStatus::Open},
                 Row{{{"whatsapp-business", "2026-04-21"}}, QuestionStatus::Yes},
                 Row{{{"whatsapp-business", "2026-04-21"}, {"facebook-feed", "2026-04-10"}}, QuestionStatus::No},
                 Row{{{"whatsapp-business", "2026-04-21"}, {"facebook-feed", "2026-04-21"}}, QuestionStatus::No},
                 Row{{{"facebook-feed", "2026-04-10"}, {"whatsapp-business", "2026-05-21"}}, QuestionStatus::No});
    std::vector<Event> events{kLaunch};
    std::int64_t id = 10;
    for (const auto& [s, at] : row.rollouts) {
        events.push_back(ev(id++, EventKind::SurfaceRollout, at).model("muse-spark").surface(s));
    }
    const auto a =
        answer(question("surface_before",
                        {{"family", "muse-spark"}, {"category", "monetizable"}, {"before", "facebook-feed"}}),
               events, "2026-12-31");
    CHECK(a.status == row.status);
}

TEST_CASE("any of a list of labs switches to closed within N months of a lab's switch", "[analysis][questions]") {
    struct Row {
        std::string mistral_closed_at, as_of;
        QuestionStatus status;
    };
    const auto row = GENERATE(Row{"", "2026-12-01", QuestionStatus::Open}, Row{"", "2027-04-09", QuestionStatus::No},
                              Row{"2026-09-01", "2026-12-01", QuestionStatus::Yes},
                              Row{"2027-06-01", "2027-07-01", QuestionStatus::No},
                              Row{"2026-01-01", "2026-12-01", QuestionStatus::Open});  // before meta: not a follower
    std::vector<Event> events{ev(1, EventKind::ModelRelease, "2025-04-05")
                                  .lab("meta")
                                  .model("llama-4")
                                  .text("openness", "open_weights_restricted"),
                              ev(2, EventKind::ModelRelease, "2026-04-08").lab("meta").model("muse-spark"),
                              ev(3, EventKind::ModelRelease, "2025-01-01")
                                  .lab("mistral")
                                  .model("m-open")
                                  .text("openness", "open_weights_permissive")};
    if (!row.mistral_closed_at.empty()) {
        events.push_back(ev(4, EventKind::ModelRelease, row.mistral_closed_at)
                             .lab("mistral")
                             .model("m-closed")
                             .text("openness", "api"));
    }
    const auto a = answer(
        question("labs_switch_within", {{"labs", "mistral, qwen,deepseek"}, {"after", "meta"}, {"months", "12"}}),
        events, row.as_of);
    CHECK(a.status == row.status);
    if (row.status == QuestionStatus::Yes) {
        CHECK(a.evidence == std::vector<std::int64_t>{2, 4});
        // The lab that switched is named, not the list it is one of.
        CHECK(a.explanation.starts_with("switch to closed by mistral (of mistral, qwen,deepseek)"));
    }
}

TEST_CASE("a person found by org and role leaves within N months", "[analysis][questions]") {
    struct Row {
        std::string left_at, as_of;
        QuestionStatus status;
    };
    const auto row = GENERATE(Row{"", "2027-01-01", QuestionStatus::Open}, Row{"", "2027-10-09", QuestionStatus::No},
                              Row{"2027-02-01", "2027-03-01", QuestionStatus::Yes},
                              Row{"2026-01-01", "2026-05-01", QuestionStatus::Open});  // left before the clock started
    std::vector<Event> events;
    if (!row.left_at.empty()) {
        events.push_back(ev(7, EventKind::PersonnelMove, row.left_at).person("alex").lab("meta").text("move", "left"));
    }
    const auto a =
        answer(question("person_leaves_within",
                        {{"org", "meta"}, {"role", "chief ai officer"}, {"months", "18"}, {"from", "2026-04-08"}}),
               events, row.as_of);
    CHECK(a.status == row.status);
}

TEST_CASE("invalid questions are reported, and stay open", "[analysis][questions]") {
    struct Row {
        WatchQuestion q;
        std::string problem;
    };
    const auto row = GENERATE(
        Row{question("no_such_check", {}), "unknown check"},
        Row{question("open_weights_within", {{"family", "x"}}), "'days' or 'months'"},
        Row{question("open_weights_within", {{"family", "x"}, {"days", "ten"}}), "'days' or 'months'"},
        Row{question("surface_before", {{"family", "x"}, {"category", "monetizable"}}), "'before'"},
        Row{question("labs_switch_within", {{"after", "meta"}, {"days", "10"}}), "'labs'"},
        Row{question("person_leaves_within", {{"org", "meta"}, {"months", "18"}, {"from", "soon"}}), "'person'"},
        Row{question("person_leaves_within", {{"person", "alex"}, {"months", "18"}, {"from", "soon"}}), "not a date"});
    const std::string problem = validate_question(row.q);
    CHECK(problem.find(row.problem) != std::string::npos);
    CHECK(answer(row.q, {}, "2027-01-01").status == QuestionStatus::Open);
}

TEST_CASE("a trigger known only from the curated history still anchors the switch question", "[analysis][questions]") {
    // Nothing of Meta is stored; the taxonomy dates Llama (open) and Muse Spark (closed).
    Taxonomy t = question_taxonomy();
    t.labs = {Lab{"meta", "Meta", {}, {}, {}, {}, {}, false}};
    t.models[0].released = test::date("2026-04-08");
    t.models.push_back(test::model_info("llama-4", "meta", "llama", Tier::Flagship, Openness::OpenWeightsRestricted));
    t.models.back().released = test::date("2025-04-05");
    const std::vector<Event> events{
        ev(7, EventKind::ModelRelease, "2025-06-01")
            .lab("qwen")
            .model("q-open")
            .text("openness", "open_weights_permissive"),
        ev(8, EventKind::ModelRelease, "2026-10-01").lab("qwen").model("q-max").text("openness", "api")};
    const EventRefs refs = usable_events(events, test::date("2026-12-01"));
    const OpennessSection openness = analyze_openness(refs, t);
    const auto a = evaluate_question(
        question("labs_switch_within", {{"labs", "mistral,qwen"}, {"after", "meta"}, {"months", "12"}}),
        QuestionContext{refs, t, openness.labs, test::date("2026-12-01")});
    CHECK(a.status == QuestionStatus::Yes);
    CHECK(a.evidence == std::vector<std::int64_t>{8});  // no id 0 for the curated switch
}
