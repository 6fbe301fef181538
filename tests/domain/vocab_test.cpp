#include "domain/event.h"
#include "domain/fields.h"
#include "domain/source.h"
#include "domain/taxonomy.h"
#include "support/catch.h"

using namespace fw;

TEST_CASE("every event kind round-trips through its contract name", "[domain][vocab]") {
    for (EventKind k : all_event_kinds()) {
        const auto back = event_kind_from_string(to_string(k));
        REQUIRE(back);
        CHECK(*back == k);
    }
    CHECK(all_event_kinds().size() == 11);
    CHECK(to_string(EventKind::SurfaceRollout) == "surface_rollout");
    CHECK_FALSE(event_kind_from_string("model-release"));
}

TEST_CASE("source kinds use the contract's names", "[domain][vocab]") {
    CHECK(to_string(SourceKind::HfAuthor) == "hf-author");
    CHECK(source_kind_from_string("github-commits") == SourceKind::GithubCommits);
    CHECK_FALSE(source_kind_from_string("rss"));
}

TEST_CASE("openness classes split into open and closed", "[domain][vocab]") {
    CHECK(is_open(Openness::OpenWeightsNoncommercial));
    CHECK_FALSE(is_closed(Openness::OpenWeightsRestricted));
    CHECK(is_closed(Openness::Unreleased));
    CHECK_FALSE(is_open(Openness::Unknown));
    CHECK_FALSE(is_closed(Openness::Unknown));
    CHECK(openness_from_string("hosted_product") == Openness::HostedProduct);
}

TEST_CASE("fields hold typed scalars", "[domain][fields]") {
    Fields f;
    f.set("low_usd", std::int64_t{125000000000});
    f.set("openness", std::string("api"));
    f.set("gated", false);
    f.set_null("license");
    CHECK(f.number("low_usd") == Approx(1.25e11));
    CHECK(f.text("openness") == "api");
    CHECK(f.boolean("gated") == false);
    CHECK_FALSE(f.text("license"));
    CHECK(f.contains("license"));
    CHECK_FALSE(f.text("missing"));
}

TEST_CASE("licences are found by id or Hugging Face alias", "[domain][taxonomy]") {
    Taxonomy t;
    t.licenses.push_back({"LicenseRef-Llama-3.1-Community",
                          "Llama 3.1",
                          "open_restricted",
                          "conditional",
                          700000000,
                          true,
                          {"llama3.1"}});
    REQUIRE(t.find_license("LLAMA3.1"));
    CHECK(t.find_license("licenseref-llama-3.1-community")->mau_cap == 700000000);
    CHECK(t.find_license("mit") == nullptr);
}
