#include <algorithm>

#include "report/render.h"
#include "sample_report.h"
#include "support/catch.h"

using namespace fw;

TEST_CASE("the text report names every section and its figures", "[report][text]") {
    const std::string text = report::render_text(test::build(test::sample()));
    for (const char* title :
         {"Watch questions", "Rollout", "Eval disclosure", "Openness", "Licence changes", "People", "Cascade",
          "Market: event studies", "Market: analyst actions", "Market: capex guidance"}) {
        INFO(title);
        CHECK(text.find(title) != std::string::npos);
    }
    CHECK(text.find("monetizable-first") != std::string::npos);
    CHECK(text.find("whatsapp-business +13") != std::string::npos);
    CHECK(text.find("trigger: meta (muse-spark) switched on 2026-04-08") != std::string::npos);
    CHECK(text.find("\x1b[") == std::string::npos);  // no colour codes
}

TEST_CASE("the Markdown report has tables and escapes cell text", "[report][markdown]") {
    const std::string md = report::render_markdown(test::build(test::sample("A | B <i>x</i>")));
    CHECK(md.starts_with("# Frontier Watch report"));
    CHECK(md.find("## Rollout") != std::string::npos);
    CHECK(md.find("| --- |") != std::string::npos);
    CHECK(md.find("A \\| B &lt;i&gt;x&lt;/i&gt;") != std::string::npos);
    CHECK(md.find("<i>") == std::string::npos);
}

namespace {

/// The lines of `text` from the line `title` up to the next blank line.
std::vector<std::string> section(const std::string& text, const std::string& title) {
    std::vector<std::string> lines;
    auto at = text.find("\n" + title + "\n");
    if (at == std::string::npos)
        return lines;
    std::size_t start = at + 1;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        auto line = text.substr(start, end - start);
        if (line.empty())
            break;
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

bool has_row_for(const std::vector<std::string>& lines, const std::string& model) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.rfind("  " + model + " ", 0) == 0; });
}

}  // namespace

TEST_CASE("the text report lists models with a rollout or an eval and sums up the others in one line",
          "[report][unit]") {
    const auto report = test::build(test::sample());
    const std::string text = report::render_text(report);
    const auto rollout = section(text, "Rollout");
    int quiet = 0;
    for (const auto& m : report.rollout) {
        INFO(m.model);
        CHECK(has_row_for(rollout, m.model) == !m.surfaces.empty());
        quiet += m.surfaces.empty() ? 1 : 0;
    }
    REQUIRE(quiet > 0);
    CHECK(std::count_if(rollout.begin(), rollout.end(),
                        [](const std::string& l) { return l.find("undetermined") != std::string::npos; }) == 0);
    CHECK(text.find(std::to_string(quiet) + " more model" + (quiet == 1 ? "" : "s") + " with no surface rollout") !=
          std::string::npos);

    const auto evals = section(text, "Eval disclosure");
    int undisclosed = 0;
    for (const auto& d : report.eval_disclosure.models) {
        const bool any = d.first_party_at || d.third_party_at;
        INFO(d.model);
        CHECK(has_row_for(evals, d.model) == any);
        undisclosed += any ? 0 : 1;
    }
    REQUIRE(undisclosed > 0);
    CHECK(text.find(std::to_string(undisclosed) + " more model" + (undisclosed == 1 ? "" : "s") +
                    " with no eval report yet") != std::string::npos);

    const std::string md = report::render_markdown(report);
    CHECK(md.find(std::to_string(quiet) + " more model" + (quiet == 1 ? "" : "s") + " with no surface rollout") !=
          std::string::npos);
}

TEST_CASE("text report lines fit in 120 columns and long cells wrap without losing words", "[report][unit]") {
    std::string long_text;
    for (int i = 0; i < 40; ++i)
        long_text += "word" + std::to_string(i) + " ";
    long_text += "Muse Spark";
    const std::string text = report::render_text(test::build(test::sample(long_text)));
    std::size_t start = 0;
    std::size_t widest = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        widest = std::max(widest, end - start);
        start = end + 1;
    }
    CHECK(widest <= 120);
    for (int i = 0; i < 40; ++i) {
        const std::string word = " word" + std::to_string(i) + " ";
        INFO(word);
        CHECK((text.find(word) != std::string::npos ||
               text.find(" word" + std::to_string(i) + "\n") != std::string::npos));
    }
}
