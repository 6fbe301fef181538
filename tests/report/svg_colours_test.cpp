// The HTML report's swimlanes draw each surface category in its own colour (issue 17): the five
// bundled categories, "unknown" and a category a user adds never share a hue.

#include <map>
#include <regex>
#include <set>

#include "report/svg_charts.h"
#include "support/catch.h"

using namespace fw;

TEST_CASE("every surface category has its own colour in the swimlanes", "[report][unit]") {
    const std::vector<std::optional<std::string>> categories = {"monetizable", "engagement", "hardware",  "developer",
                                                                "enterprise",  std::nullopt, "automotive"};
    analysis::ModelRollout m;
    m.model = "one-model";
    int day = 0;
    for (const auto& c : categories) {
        m.surfaces.push_back({"surface-" + c.value_or("none"), c, {}, day, std::nullopt, day + 1});
        day += 10;
    }
    const std::string svg = report::detail::rollout_swimlanes_svg({m});
    // Each surface's dot: fill colour, then its title "surface-X (category, ...".
    const std::regex dot(R"re(<circle [^>]*fill="(#[0-9a-f]{6})"><title>surface-([a-z]+) \()re");
    std::map<std::string, std::string> colour_of;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), dot); it != std::sregex_iterator(); ++it) {
        colour_of[(*it)[2]] = (*it)[1];
    }
    REQUIRE(colour_of.size() == categories.size());
    std::set<std::string> distinct;
    for (const auto& [surface, colour] : colour_of)
        distinct.insert(colour);
    CHECK(distinct.size() == categories.size());
    // The cockpit uses the same hues (ui/charts/chart_util.cpp).
    CHECK(colour_of["engagement"] == "#1f77b4");
    CHECK(colour_of["none"] == "#999999");
}
