#pragma once
// A small but complete watch report (every section non-empty) for renderer tests.

#include <cmath>
#include <string>
#include <vector>

#include "analysis/report.h"
#include "analysis/builders.h"

namespace fw::test {

struct Sample {
    Taxonomy taxonomy;
    std::vector<Event> events;
    std::map<std::string, std::vector<PriceBar>> prices;
    std::vector<WatchQuestion> questions;
};

inline Sample sample(const std::string& hostile = "Muse Spark") {
    Sample s;
    Lab meta;
    meta.slug = "meta";
    meta.security = Security{"META", "0001326801", "Meta Platforms", "SPY"};
    s.taxonomy.labs = {meta};
    s.taxonomy.surfaces = {surface("whatsapp-business", SurfaceCategory::Monetizable),
                           surface("meta-ai-app", SurfaceCategory::Engagement)};
    s.taxonomy.licenses = {license("Apache-2.0", "permissive"), license("LicenseRef-Proprietary", "proprietary")};
    Person p;
    p.slug = "alex";
    p.name = "Alex";
    p.org = "meta";
    p.role = "Chief AI Officer";
    p.since = date("2025-06-12");
    s.taxonomy.people = {p};
    s.events = {
        ev(1, EventKind::ModelRelease, "2025-04-05")
            .lab("meta")
            .model("llama-4")
            .text("openness", "open_weights_restricted")
            .title("Llama 4"),
        ev(2, EventKind::ModelRelease, "2026-04-08")
            .lab("meta")
            .model("muse-spark")
            .text("openness", "hosted_product")
            .text("tier", "flagship")
            .title(hostile),
        ev(3, EventKind::SurfaceRollout, "2026-04-21").lab("meta").model("muse-spark").surface("whatsapp-business"),
        ev(4, EventKind::EvalReport, "2026-04-30").model("muse-spark").text("doc_type", "system_card"),
        ev(5, EventKind::ThirdPartyEval, "2026-04-12").model("muse-spark").text("evaluator", "lmarena"),
        ev(6, EventKind::WeightsRelease, "2026-06-01")
            .lab("meta")
            .model("muse-spark-mini")
            .text("license", "Apache-2.0"),
        ev(7, EventKind::LicenseChange, "2026-05-01")
            .lab("meta")
            .text("subject", "gh:meta/x")
            .text("old", "Apache-2.0")
            .text("new", "LicenseRef-Proprietary")
            .text("diff", "- Apache\n+ <b>Proprietary</b>"),
        ev(8, EventKind::PersonnelMove, "2026-03-01")
            .person("bo")
            .lab("meta")
            .text("move", "joined")
            .text("role", "VP"),
        ev(9, EventKind::ModelRelease, "2024-01-10")
            .lab("mistral")
            .model("m-open")
            .text("openness", "open_weights_permissive"),
        ev(10, EventKind::ModelRelease, "2026-06-10").lab("mistral").model("m-closed").text("openness", "api"),
        ev(11, EventKind::AnalystRating, "2026-04-10")
            .text("firm", "Firm")
            .text("symbol", "META")
            .set("new_target", 800.0),
        ev(12, EventKind::CapexGuidance, "2026-04-29")
            .text("company", "meta")
            .set("fiscal_year", std::int64_t{2026})
            .set("low_usd", 115e9)
            .set("high_usd", 135e9),
        ev(13, EventKind::EarningsRelease, "2026-04-09").lab("meta").title("Q1 results")};
    std::vector<double> m{100}, st{500};
    for (int i = 1; i < 700; ++i) {
        const double rm = 0.01 * std::sin(i * 0.7);
        m.push_back(m.back() * (1 + rm));
        st.push_back(st.back() * (1 + 1.2 * rm + 0.003 * std::cos(i * 1.1)));
    }
    s.prices = {{"META", bars("META", "2024-01-01", st)}, {"SPY", bars("SPY", "2024-01-01", m)}};
    s.questions = {{"muse-open-weights",
                    hostile + " open weights?",
                    "open_weights_within",
                    {{"family", "muse-spark"}, {"months", "12"}}}};
    return s;
}

inline analysis::WatchReport build(const Sample& s, const std::string& as_of = "2026-07-01") {
    return analysis::build_report(analysis::AnalysisInput{s.events, s.taxonomy, s.prices, s.questions, date(as_of)});
}

}  // namespace fw::test
