#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "report/render.h"
#include "analysis/builders.h"
#include "support/catch.h"

using namespace fw;
using fw::test::ev;
using nlohmann::json;

namespace {

std::vector<Event> sample_events() {
    Event a = ev(1, EventKind::SurfaceRollout, "2026-04-21")
                  .lab("meta")
                  .model("muse-spark")
                  .surface("whatsapp-business")
                  .title("Muse Spark <b>on</b> WhatsApp & more")
                  .set("stage", std::string("ga"))
                  .set("count", std::int64_t{3})
                  .set("gated", false)
                  .set("score", 1.5);
    a.fields.set_null("region");
    a.confidence = 0.9;
    a.evidence.push_back(
        Evidence{5, "https://about.fb.com/news/x", "meta-newsroom", "a snippet", test::date("2026-04-21T10:00:00Z")});
    Event b = ev(2, EventKind::PersonnelMove, "2026-05-01T09:30:00Z").person("alex").title("Alex leaves");
    b.time_precision = "second";
    b.review = Review::Manual;
    return {a, b};
}

}  // namespace

TEST_CASE("the events list JSON has the contract's shape with evidence", "[report][events]") {
    const json doc = json::parse(report::render_events_json(sample_events()));
    REQUIRE(doc.is_array());
    REQUIRE(doc.size() == 2);
    for (const char* key : {"id", "kind", "occurred_at", "lab", "model", "person", "surface", "title", "fields",
                            "confidence", "review", "evidence"}) {
        INFO(key);
        CHECK(doc[0].contains(key));
        CHECK(doc[1].contains(key));
    }
    CHECK(doc[0]["kind"] == "surface_rollout");
    CHECK(doc[0]["occurred_at"] == "2026-04-21");
    CHECK(doc[1]["occurred_at"] == "2026-05-01T09:30:00Z");
    CHECK(doc[0]["person"].is_null());
    CHECK(doc[0]["fields"]["stage"] == "ga");
    CHECK(doc[0]["fields"]["count"] == 3);
    CHECK(doc[0]["fields"]["gated"] == false);
    CHECK(doc[0]["fields"]["score"] == 1.5);
    CHECK(doc[0]["fields"]["region"].is_null());
    CHECK(doc[0]["confidence"] == 0.9);
    CHECK(doc[0]["review"] == "auto");
    CHECK(doc[1]["review"] == "manual");
    REQUIRE(doc[0]["evidence"].size() == 1);
    CHECK(doc[0]["evidence"][0]["url"] == "https://about.fb.com/news/x");
    CHECK(doc[0]["evidence"][0]["source"] == "meta-newsroom");
    CHECK(doc[0]["evidence"][0]["fetched_at"] == "2026-04-21T10:00:00Z");
    CHECK(doc[1]["evidence"] == json::array());
    CHECK(json::parse(report::render_events_json({})) == json::array());
}

TEST_CASE("the Atom feed of events is well-formed and escapes titles", "[report][atom]") {
    const auto events = sample_events();
    const std::string xml = report::render_events_atom(events, "urn:frontierwatch:alerts", test::date("2026-06-01"));
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    const pugi::xml_node feed = doc.child("feed");
    REQUIRE(feed);
    CHECK(std::string(feed.attribute("xmlns").value()) == "http://www.w3.org/2005/Atom");
    CHECK(std::string(feed.child_value("id")) == "urn:frontierwatch:alerts");
    CHECK(std::string(feed.child_value("updated")) == "2026-05-01T09:30:00Z");
    int entries = 0;
    for (pugi::xml_node e = feed.child("entry"); e; e = e.next_sibling("entry")) {
        ++entries;
        CHECK(e.child("id"));
        CHECK(e.child("title"));
        CHECK(e.child("updated"));
        CHECK(e.child("content"));  // Atom: content, or a link rel="alternate"
    }
    CHECK(entries == 2);
    CHECK(std::string(feed.child("entry").child_value("title")) ==
          "surface_rollout: Muse Spark <b>on</b> WhatsApp & more");
    const pugi::xml_node link = feed.child("entry").child("link");
    CHECK(std::string(link.attribute("href").value()) == "https://about.fb.com/news/x");
    CHECK(std::string(link.attribute("rel").value()) == "alternate");
    CHECK(std::string(feed.child("entry").child_value("content")).find("a snippet") != std::string::npos);
}

TEST_CASE("an empty Atom feed is still valid and dated now", "[report][atom]") {
    const std::string xml = report::render_events_atom({}, "urn:x", test::date("2026-06-01"));
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    CHECK(std::string(doc.child("feed").child_value("updated")) == "2026-06-01T00:00:00Z");
    CHECK_FALSE(doc.child("feed").child("entry"));
}
