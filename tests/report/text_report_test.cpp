#include "report/render.h"
#include "sample_report.h"
#include "support/catch.h"

using namespace fw;

TEST_CASE("the text report names every section and its figures", "[report][text]") {
    const std::string text = report::render_text(test::build(test::sample()));
    for (const char* title : {"Watch questions", "Rollout", "Eval disclosure", "Openness", "Licence changes", "People",
                              "Cascade", "Market: event studies", "Market: analyst actions", "Market: capex guidance"}) {
        INFO(title);
        CHECK(text.find(title) != std::string::npos);
    }
    CHECK(text.find("monetizable-first") != std::string::npos);
    CHECK(text.find("whatsapp-business +13") != std::string::npos);
    CHECK(text.find("trigger: meta (muse-spark) on 2026-04-08") != std::string::npos);
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
