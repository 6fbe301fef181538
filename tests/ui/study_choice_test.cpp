// The market view's default study (ui/models/study_choice.h) on hand-made studies.

#include "support/catch.h"
#include "ui/models/study_choice.h"

using namespace fw;

namespace {

analysis::MarketStudy study(std::string model, int y, unsigned m, unsigned d) {
    analysis::MarketStudy s;
    s.model = std::move(model);
    s.symbol = "META";
    s.study.event_date = Day(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d));
    return s;
}

WatchQuestion about(std::string key, std::string value) {
    WatchQuestion q;
    q.id = "q-" + value;
    q.params[std::move(key)] = std::move(value);
    return q;
}

}  // namespace

TEST_CASE("the default study is the newest launch of a watched family, not the first listed", "[ui][unit]") {
    const std::vector<analysis::MarketStudy> studies = {
        study("aria-gen-2", 2025, 6, 4), study("muse-spark", 2026, 4, 8), study("muse-spark-1-1", 2026, 7, 9),
        study("llama-5", 2026, 9, 1)};
    const Taxonomy taxonomy;
    CHECK(ui::defaultStudyIndex(studies, {about("family", "muse-spark")}, taxonomy) == 2);
    // A question naming one model picks that model even when its family has newer studies.
    CHECK(ui::defaultStudyIndex(studies, {about("model", "aria-gen-2")}, taxonomy) == 0);
}

TEST_CASE("without a watched model among the studies the newest study is shown", "[ui][unit]") {
    const std::vector<analysis::MarketStudy> studies = {study("aria-gen-2", 2025, 6, 4), study("llama-5", 2026, 9, 1),
                                                        study("qwen4", 2026, 8, 20)};
    const Taxonomy taxonomy;
    CHECK(ui::defaultStudyIndex(studies, {about("family", "muse-spark")}, taxonomy) == 1);
    CHECK(ui::defaultStudyIndex(studies, {}, taxonomy) == 1);
    CHECK(ui::defaultStudyIndex({}, {about("family", "muse-spark")}, taxonomy) == -1);
}
