#include "extract/license_class.h"

#include "extract_support.h"
#include "support/catch.h"

using fw::Openness;
using fw::extract::more_restrictive;
using fw::extract::openness_from_license;
using fw::test::make_license;

TEST_CASE("openness follows the licence class", "[extract][license]") {
    auto apache = make_license("Apache-2.0", "permissive", "yes");
    auto llama = make_license("LicenseRef-Llama-4-Community", "open_restricted", "conditional", 700000000, true);
    auto nc = make_license("CC-BY-NC-4.0", "noncommercial", "no");
    auto prop = make_license("LicenseRef-Proprietary", "proprietary", "conditional");
    auto unknown = make_license("LicenseRef-Unknown", "unknown", "");
    CHECK(openness_from_license(&apache) == Openness::OpenWeightsPermissive);
    CHECK(openness_from_license(&llama) == Openness::OpenWeightsRestricted);
    CHECK(openness_from_license(&nc) == Openness::OpenWeightsNoncommercial);
    CHECK(openness_from_license(&prop) == Openness::Api);
    CHECK(openness_from_license(&unknown) == Openness::Unknown);
    CHECK(openness_from_license(nullptr) == Openness::Unknown);
}

TEST_CASE("more_restrictive compares commercial use, MAU cap and AUP", "[extract][license]") {
    auto apache = make_license("Apache-2.0", "permissive", "yes");
    auto llama = make_license("L", "open_restricted", "conditional", 700000000, true);
    auto llama_small_cap = make_license("L2", "open_restricted", "conditional", 100000000, true);
    auto nc = make_license("NC", "noncommercial", "no");
    auto blank = make_license("X", "unknown", "");
    CHECK(more_restrictive(apache, llama) == std::optional<bool>(true));
    CHECK(more_restrictive(llama, apache) == std::optional<bool>(false));
    CHECK(more_restrictive(llama, llama_small_cap) == std::optional<bool>(true));
    CHECK(more_restrictive(apache, apache) == std::optional<bool>(false));
    // Commercial use got stricter but the cap and the AUP went away: no single answer.
    CHECK_FALSE(more_restrictive(llama, nc).has_value());
    CHECK_FALSE(more_restrictive(apache, blank).has_value());
}

TEST_CASE("licence ids come from HF ids, names and alias phrases", "[extract][license]") {
    auto t = fw::test::small_taxonomy();
    auto rules = fw::test::bundled_rules();
    using fw::extract::license_id_from_hf;
    using fw::extract::license_id_from_text;
    CHECK(license_id_from_hf("llama3.1", "", t, rules) == "LicenseRef-Llama-3.1-Community");
    CHECK(license_id_from_hf("apache-2.0", "", t, rules) == "Apache-2.0");
    CHECK(license_id_from_hf("other", "Llama 4 Community License", t, rules) == "LicenseRef-Llama-4-Community");
    CHECK(license_id_from_hf("other", "frobnicate-license", t, rules) == "LicenseRef-frobnicate-license");
    CHECK_FALSE(license_id_from_hf("", "", t, rules).has_value());
    CHECK(license_id_from_text("Apache 2.0", t, rules) == "Apache-2.0");
    CHECK(license_id_from_text("released under CC BY-NC 4.0", t, rules) == "CC-BY-NC-4.0");
    CHECK_FALSE(license_id_from_text("no licence named here", t, rules).has_value());
}
