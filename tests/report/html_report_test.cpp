#include <regex>
#include <set>

#include "report/focus.h"
#include "report/render.h"
#include "report/svg_charts.h"
#include "sample_report.h"
#include "support/catch.h"

using namespace fw;

namespace {

const std::string kHostile = "<script>alert('x')</script><img src=\"https://evil.example/p.png\"> & \"quoted\"";

std::string lower(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

TEST_CASE("the HTML report runs no script and loads nothing", "[report][html][unit]") {
    const std::string html = lower(report::render_html(test::build(test::sample(kHostile))));
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("javascript:") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("url(http") == std::string::npos);
    const std::regex remote(R"((src|href)\s*=\s*["']?\s*(https?:)?//)");
    CHECK_FALSE(std::regex_search(html, remote));
    CHECK_FALSE(std::regex_search(html, std::regex(R"(\son[a-z]+\s*=)")));  // no event handlers
}

TEST_CASE("the HTML report escapes hostile titles wherever they appear", "[report][html][unit]") {
    const std::string html = report::render_html(test::build(test::sample(kHostile)));
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&amp; &quot;quoted&quot;") != std::string::npos);
}

TEST_CASE("the HTML report is one page with inline CSS and its four kinds of chart", "[report][html][unit]") {
    const std::string html = report::render_html(test::build(test::sample()));
    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK(html.find("<style>") != std::string::npos);
    CHECK(html.find("price of META and SPY") != std::string::npos);
    CHECK(html.find("event window") != std::string::npos);
    CHECK(html.find("rollout of each model") != std::string::npos);
    CHECK(html.find("eval disclosure lag") != std::string::npos);
    CHECK(html.find("share of open-weight releases") != std::string::npos);
    CHECK(html.find("Muse Spark") != std::string::npos);
    CHECK(html.rfind("</html>") != std::string::npos);
}

namespace {

/// The HTML of one section: from its <h2 id="..."> to the next <h2.
std::string html_section(const std::string& html, const std::string& id) {
    const auto start = html.find("<h2 id=\"" + id + "\"");
    if (start == std::string::npos)
        return "";
    const auto end = html.find("<h2", start + 1);
    return html.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

/// The sample plus `quiet` model releases with no surface, no eval and no question about them.
test::Sample sample_with_quiet_models(int quiet) {
    test::Sample s = test::sample();
    for (int i = 0; i < quiet; ++i) {
        s.events.push_back(test::ev(200 + i, EventKind::ModelRelease, "2025-0" + std::to_string(1 + i) + "-10")
                               .lab("mistral")
                               .model("quiet-model-" + std::to_string(i))
                               .text("openness", "api"));
    }
    return s;
}

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++n;
    return n;
}

}  // namespace

TEST_CASE("a model with nothing to say is summed up in one line, not listed in tables or charts", "[report][unit]") {
    const auto r = test::build(sample_with_quiet_models(3));
    const std::string html = report::render_html(r);
    const std::string rollout = html_section(html, "rollout");
    int without_surface = 0;
    for (const auto& m : r.rollout)
        without_surface += m.surfaces.empty() ? 1 : 0;
    REQUIRE(without_surface >= 3);
    CHECK(rollout.find("<summary>" + std::to_string(without_surface) + " other models reached no tracked surface") !=
          std::string::npos);
    CHECK(rollout.find("<td class=\"m\">quiet-model-0</td>") == std::string::npos);  // not a table row
    CHECK(rollout.find(">quiet-model-0</text>") == std::string::npos);               // not a swimlane
    CHECK(rollout.find("muse-spark</td>") != std::string::npos);                     // the model with a rollout is
    CHECK(rollout.find(">muse-spark</text>") != std::string::npos);
    const std::string evals = html_section(html, "evals");
    CHECK(evals.find("quiet-model-1</td>") == std::string::npos);
    CHECK(evals.find(">quiet-model-1</text>") == std::string::npos);
    CHECK(evals.find("have no first- or third-party eval report yet") != std::string::npos);
    CHECK(evals.find("muse-spark</td>") != std::string::npos);  // it has first- and third-party reports
}

TEST_CASE("a watched model is listed under eval disclosure even without a report", "[report][unit]") {
    auto r = test::build(sample_with_quiet_models(1));
    CHECK_FALSE(report::focus::watched_models(r).contains("quiet-model-0"));
    // An answer whose evidence is quiet-model-0's launch (event 200) makes it a watched model.
    r.questions.push_back(QuestionAnswer{"manual", "about quiet-model-0", QuestionStatus::Open, {200}, {}, {}, ""});
    CHECK(report::focus::watched_models(r).contains("quiet-model-0"));
    const std::string evals = html_section(report::render_html(r), "evals");
    CHECK(evals.find("quiet-model-0</td>") != std::string::npos);
    CHECK(evals.find(">quiet-model-0</text>") != std::string::npos);  // an open (hatched) bar
    CHECK(evals.find("no first-party report, open") != std::string::npos);
}

TEST_CASE("the swimlane axis ignores a far outlier and the lane names its day at the clipped edge", "[report][unit]") {
    CHECK(report::detail::swimlane_axis_days({0, 0, 15, 15, 24, 35, 50, 77, 77, 980}) == 120);
    CHECK(report::detail::swimlane_axis_days({}) == 120);
    CHECK(report::detail::swimlane_axis_days({10, 140, 150, 170}) == 180);  // no outlier: rounded up to 30
    CHECK(report::detail::swimlane_axis_days({3, 980}) == 120);             // too few days to judge: a year at most
    CHECK(report::detail::swimlane_axis_days({100, 300, 340, 700}) == 360);
    analysis::ModelRollout late;
    late.model = "late-model";
    late.surfaces = {{"surface-a", std::string("engagement"), {}, 3, std::string("ga"), 1},
                     {"surface-b", std::string("enterprise"), {}, 980, std::nullopt, 2}};
    const std::string svg = report::detail::rollout_swimlanes_svg({late});
    CHECK(svg.find("day 120</text>") != std::string::npos);
    CHECK(svg.find("day 990") == std::string::npos);
    CHECK(svg.find("surface-b · day 980</text>") != std::string::npos);  // the clipped value, named
    CHECK(svg.find("surface-a · ga</text>") != std::string::npos);       // surface and stage
    CHECK(count(svg, "class=\"fw-clip\"") == 2);                         // the marker and its legend entry
}

TEST_CASE("the HTML report opens with the questions and key facts and reads in dark mode", "[report][html][unit]") {
    const auto r = test::build(test::sample());
    const std::string html = report::render_html(r);
    const auto questions = html.find("<h2 id=\"questions\""), facts = html.find("<h2 id=\"facts\"");
    REQUIRE(questions != std::string::npos);
    REQUIRE(facts != std::string::npos);
    CHECK(questions < facts);
    CHECK(facts < html.find("<h2 id=\"rollout\""));
    CHECK(html.find("prefers-color-scheme:dark") != std::string::npos);
    CHECK(html.find("status-" + std::string(to_string(r.questions.front().status))) != std::string::npos);
    const std::string key = html_section(html, "facts");
    CHECK(key.find("Switched to closed: meta on 2026-04-08 (muse-spark)") != std::string::npos);
    CHECK(key.find("muse-spark") != std::string::npos);
}

TEST_CASE("the price chart numbers each marker date once and lists the numbers under it", "[report][unit]") {
    const auto r = test::build(test::sample());
    REQUIRE_FALSE(r.market.event_studies.empty());
    const analysis::MarketStudy& m = r.market.event_studies.front();
    std::set<Day> dates;
    for (const auto& mk : m.markers)
        dates.insert(mk.date);
    REQUIRE_FALSE(dates.empty());
    const std::string svg = report::detail::price_chart_svg(m);
    CHECK(count(svg, "class=\"fw-marker-num\"") == static_cast<int>(dates.size()));
    CHECK(count(report::detail::price_markers_html(m), "<li>") == static_cast<int>(dates.size()));
    CHECK(svg.find("class=\"fw-window\"") != std::string::npos);
    CHECK(svg.find("day 0 " + format_date(m.study.day0)) != std::string::npos);
}
