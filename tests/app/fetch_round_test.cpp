// The fetch round answers the watch questions after every derivation and alerts the answers
// that changed, whatever read the report in between: `report` and the GUI refresh save nothing.

#include "app/fetch_round.h"
#include "app/report_service.h"
#include "support/catch.h"
#include "support/paths.h"
#include "support/temp_dir.h"

using namespace fw;

namespace {

constexpr const char* kQuestion = "muse-spark-eval-report-30d";

struct RoundFixture {
    test::TempDir dir;
    app::AppContext ctx;
    std::filesystem::path atom;

    RoundFixture() {
        auto opened = app::open_context({(dir / "fw.db").string(), test::bundled_data(), {}});
        REQUIRE(opened);
        ctx = std::move(*opened);
        atom = dir / "alerts.atom";
        AlertRule rule;
        rule.id = "question-status";
        rule.name = "A watch question changes status";
        rule.question_changes = true;
        rule.channels = {"atom:" + atom.string()};
        ctx.alert_rules = {rule};
    }

    // A round over no source: nothing fetched, but the questions are answered.
    app::FetchRound round(TimePoint now) {
        app::FetchRequest req;
        req.all = true;
        req.now = now;
        auto r = app::run_fetch_round(ctx, req);
        REQUIRE(r);
        CHECK(r->answered.warnings.empty());
        return std::move(*r);
    }

    void add_eval_report() {
        Event e;
        e.kind = EventKind::EvalReport;
        e.occurred_at = make_time(2026, 4, 20);
        e.lab = "meta";
        e.model = "muse-spark";
        e.title = "Muse Spark system card";
        e.dedupe_key = "eval_report|muse-spark|system-card";
        e.evidence.push_back({0, "https://ai.meta.com/muse-spark-system-card", "meta", "", std::nullopt});
        REQUIRE(ctx.store->upsert_event(e));
    }

    bool alerted(const std::string& question) {
        auto alerts = ctx.store->list_alerts(100);
        REQUIRE(alerts);
        for (const auto& a : *alerts) {
            if (a.question_id == question)
                return true;
        }
        return false;
    }
};

bool has_answer(const std::vector<QuestionAnswer>& answers, const std::string& id, QuestionStatus status) {
    for (const auto& a : answers) {
        if (a.id == id && a.status == status)
            return true;
    }
    return false;
}

}  // namespace

TEST_CASE("a status change the report saw first is still alerted by the next round", "[app][round]") {
    RoundFixture f;
    const TimePoint now = make_time(2026, 4, 25);
    f.round(now);  // the answers as they stand: the eval report question is open
    CHECK(!f.alerted(kQuestion));
    f.add_eval_report();

    // `report` (and the GUI's refresh) build the report: the question now reads yes...
    auto report = app::build_watch_report(f.ctx, now, now);
    REQUIRE(report);
    REQUIRE(has_answer(report->report.questions, kQuestion, QuestionStatus::Yes));

    // ...but only the round records it, and alerts it.
    const auto r = f.round(now);
    CHECK(has_answer(r.answered.changed_answers, kQuestion, QuestionStatus::Yes));
    CHECK(r.answered.alerts.matched >= 1);
    CHECK(f.alerted(kQuestion));

    // Once recorded, the same answer is no news.
    const auto again = f.round(now);
    CHECK(!has_answer(again.answered.changed_answers, kQuestion, QuestionStatus::Yes));
    CHECK(again.answered.alerts.matched == 0);
}

TEST_CASE("answer_and_alert alerts new events and changed answers together", "[app][round]") {
    RoundFixture f;
    const TimePoint now = make_time(2026, 4, 25);
    (void)app::answer_and_alert(f.ctx, {}, now);
    f.add_eval_report();
    const auto out = app::answer_and_alert(f.ctx, {}, now);
    CHECK(out.warnings.empty());
    CHECK(has_answer(out.changed_answers, kQuestion, QuestionStatus::Yes));
    CHECK(out.alerts.matched == 1);
}
