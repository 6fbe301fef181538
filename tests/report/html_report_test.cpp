#include <regex>

#include "report/render.h"
#include "sample_report.h"
#include "support/catch.h"

using namespace fw;

namespace {

const std::string kHostile = "<script>alert('x')</script><img src=\"https://evil.example/p.png\"> & \"quoted\"";

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

TEST_CASE("the HTML report runs no script and loads nothing", "[report][html]") {
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

TEST_CASE("the HTML report escapes hostile titles wherever they appear", "[report][html]") {
    const std::string html = report::render_html(test::build(test::sample(kHostile)));
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&amp; &quot;quoted&quot;") != std::string::npos);
}

TEST_CASE("the HTML report is one page with inline CSS and its four kinds of chart", "[report][html]") {
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
