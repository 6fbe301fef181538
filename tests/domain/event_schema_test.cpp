// The declared fields of each event kind (domain/event_schema.h): typed keys, the checks that catch
// a misspelt or mistyped field, and the completion of required fields with null.

#include "domain/event_schema.h"

#include "support/catch.h"

using namespace fw;

namespace {

bool mentions(const std::vector<std::string>& problems, const std::string& what) {
    for (const auto& p : problems) {
        if (p.find(what) != std::string::npos) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("typed keys write and read the declared types", "[domain][schema]") {
    Fields f;
    put(f, field::openness, "api");
    put(f, field::fiscal_year, std::int64_t{2026});
    put(f, field::new_target, 850.0);
    put(f, field::more_restrictive, true);
    put(f, field::license, std::optional<std::string>());
    CHECK(get(f, field::openness) == "api");
    CHECK(get(f, field::fiscal_year) == 2026);
    CHECK(get(f, field::new_target) == 850.0);
    CHECK(get(f, field::more_restrictive) == true);
    CHECK(f.contains("license"));  // present, null
    CHECK_FALSE(get(f, field::license).has_value());
    // An integer reads through a number key (a price target typed by hand as 850).
    Fields g;
    g.set("old_target", std::int64_t{700});
    CHECK(get(g, field::old_target) == 700.0);
}

TEST_CASE("a conforming event has no problems", "[domain][schema]") {
    Fields f;
    put(f, field::openness, "open_weights_permissive");
    put(f, field::license, "apache-2.0");
    put(f, field::tier, "small");
    put(f, field::family, "devstral");
    CHECK(check_fields(EventKind::ModelRelease, f).empty());
}

TEST_CASE("check_fields names a misspelt, mistyped, out-of-range or missing field", "[domain][schema]") {
    Fields f;
    f.set("openess", std::string("api"));    // misspelt: not a field of model_release
    f.set("tier", std::string("frontier"));  // not one of flagship|mid|small|unknown
    f.set("license", std::int64_t{2});       // wrong type
    const auto problems = check_fields(EventKind::ModelRelease, f);
    CHECK(mentions(problems, "model_release: field 'openess' is not a field of this kind"));
    CHECK(mentions(problems, "'tier' must be one of flagship|mid|small|unknown, not 'frontier'"));
    CHECK(mentions(problems, "'license' must be text"));
    CHECK(mentions(problems, "'openness' is required"));
    CHECK(problems.size() == 4);

    Fields capex;
    capex.set("fiscal_year", std::string("2026"));
    CHECK(mentions(check_fields(EventKind::CapexGuidance, capex), "'fiscal_year' must be integer"));
    Fields move;
    put(move, field::move, "fired");
    CHECK(mentions(check_fields(EventKind::PersonnelMove, move), "must be one of joined|left|role_change"));
}

TEST_CASE("null is allowed for every declared field", "[domain][schema]") {
    Fields f;
    for (const auto& spec : fields_of(EventKind::CapexGuidance)) {
        f.set_null(std::string(spec.name));
    }
    CHECK(check_fields(EventKind::CapexGuidance, f).empty());
}

TEST_CASE("complete_fields adds the required fields as null and keeps the rest", "[domain][schema]") {
    Fields f;
    put(f, field::evaluator, "lmarena");
    complete_fields(EventKind::ThirdPartyEval, f);
    CHECK(f.size() == 1);
    Fields w;
    put(w, field::repo, "meta-llama/X");
    complete_fields(EventKind::WeightsRelease, w);
    CHECK(get(w, field::repo) == "meta-llama/X");
    CHECK(w.contains("license"));
    CHECK(w.contains("gated"));
    CHECK_FALSE(w.contains("sha"));  // optional fields stay absent
    CHECK(check_fields(EventKind::WeightsRelease, w).empty());
}

TEST_CASE("every kind declares the contract's fields", "[domain][schema]") {
    // ../shared/spec/contract.md, "Kind-specific fields (at least)".
    const std::vector<std::pair<EventKind, std::vector<std::string>>> contract{
        {EventKind::ModelRelease, {"openness", "license", "tier"}},
        {EventKind::WeightsRelease, {"repo", "license", "gated"}},
        {EventKind::LicenseChange, {"subject", "old", "new", "diff"}},
        {EventKind::EvalReport, {"doc_type"}},
        {EventKind::ThirdPartyEval, {"evaluator"}},
        {EventKind::PersonnelMove, {"move", "org", "role"}},
        {EventKind::CapexGuidance,
         {"company", "fiscal_year", "low_usd", "high_usd", "prior_low_usd", "prior_high_usd", "direction"}},
        {EventKind::AnalystRating, {"firm", "symbol", "action", "old_target", "new_target"}},
    };
    for (const auto& [kind, names] : contract) {
        for (const auto& name : names) {
            INFO(to_string(kind) << " " << name);
            const FieldSpec* spec = find_field(kind, name);
            REQUIRE(spec != nullptr);
            CHECK(spec->required);
        }
    }
    for (auto kind : all_event_kinds()) {
        INFO(to_string(kind));
        CHECK_FALSE(fields_of(kind).empty());
    }
}
