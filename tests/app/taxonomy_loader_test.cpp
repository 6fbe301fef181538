#include "app/taxonomy_loader.h"

#include <fstream>
#include <set>

#include "domain/slug.h"
#include "support/catch.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace {

using fw::app::load_taxonomy;
using fw::app::parse_taxonomy_text;
using fw::app::TaxonomyFile;

void write_taxonomy_file(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

fw::Taxonomy bundled() {
    auto t = load_taxonomy({fw::test::bundled_data()});
    if (!t) {
        FAIL("bundled taxonomy does not load: " << t.error().describe());
    }
    return *t;
}

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

bool is_slug(const std::string& s) {
    return !s.empty() && fw::slugify(s) == s;
}

/// A data folder with one lab, one model, one surface, one person, one licence.
void write_minimal(const std::filesystem::path& dir) {
    write_taxonomy_file(dir / "labs.json", R"({"labs": [{"slug": "meta", "name": "Meta",
        "security": {"ticker": "META", "cik": "0001326801"}}]})");
    write_taxonomy_file(dir / "models.json", R"({"models": [{"slug": "muse-spark", "name": "Muse Spark",
        "lab": "meta", "tier": "flagship", "openness": "hosted_product",
        "license": "LicenseRef-Proprietary", "released": "2026-04-08"}]})");
    write_taxonomy_file(dir / "surfaces.json", R"([{"slug": "whatsapp", "name": "WhatsApp", "owner": "meta",
        "category": "engagement"}])");
    write_taxonomy_file(dir / "people.json", R"({"people": []})");
    write_taxonomy_file(dir / "licenses.json", R"({"licenses": [{"id": "LicenseRef-Proprietary",
        "class": "proprietary"}]})");
}

}  // namespace

TEST_CASE("The bundled taxonomy loads and every cross-reference resolves", "[app][unit]") {
    const auto t = bundled();
    CHECK(t.labs.size() >= 8);
    CHECK(t.models.size() >= 40);
    CHECK(t.surfaces.size() >= 30);
    const auto problems = fw::app::check_taxonomy(t);
    for (const auto& p : problems) {
        UNSCOPED_INFO(p);
    }
    CHECK(problems.empty());
}

TEST_CASE("Every model of the bundled taxonomy names a known lab and licence", "[app][unit]") {
    const auto t = bundled();
    for (const auto& m : t.models) {
        INFO("model " << m.slug);
        CHECK(t.find_lab(m.lab) != nullptr);
        REQUIRE_FALSE(m.license.empty());
        CHECK(t.find_license(m.license) != nullptr);
        CHECK(is_slug(m.family));
    }
}

TEST_CASE("Every bundled slug is a valid slug and unique", "[app][unit]") {
    const auto t = bundled();
    std::set<std::string> seen;
    auto check = [&](const std::string& kind, const std::string& slug) {
        INFO(kind << " " << slug);
        CHECK(is_slug(slug));
        CHECK(seen.insert(kind + ":" + slug).second);
    };
    for (const auto& x : t.labs)
        check("lab", x.slug);
    for (const auto& x : t.models)
        check("model", x.slug);
    for (const auto& x : t.surfaces)
        check("surface", x.slug);
    for (const auto& x : t.people)
        check("person", x.slug);
}

TEST_CASE("The bundled taxonomy holds the entities the watch questions are about", "[app][unit]") {
    const auto t = bundled();
    const auto* meta = t.find_lab("meta");
    REQUIRE(meta != nullptr);
    REQUIRE(meta->security.has_value());
    CHECK(meta->security->ticker == "META");
    CHECK(meta->security->cik == "0001326801");
    CHECK(meta->security->benchmark == "SPY");

    const auto* spark = t.find_model("muse-spark");
    REQUIRE(spark != nullptr);
    REQUIRE(spark->released.has_value());
    CHECK(fw::format_date(*spark->released) == "2026-04-08");
    CHECK(fw::is_closed(spark->openness));
    const auto* spark11 = t.find_model("muse-spark-1-1");
    REQUIRE(spark11 != nullptr);
    CHECK(spark11->openness == fw::Openness::Api);
    CHECK(spark11->family == spark->family);

    const auto* llama31 = t.find_model("llama-3-1");
    REQUIRE(llama31 != nullptr);
    CHECK(fw::format_date(*llama31->released) == "2024-07-23");
    CHECK(fw::is_open(llama31->openness));

    const auto* wab = t.find_surface("whatsapp-business");
    REQUIRE(wab != nullptr);
    CHECK(wab->category == fw::SurfaceCategory::Monetizable);
    REQUIRE(t.find_surface("ray-ban-meta-glasses") != nullptr);
    CHECK(t.find_surface("ray-ban-meta-glasses")->category == fw::SurfaceCategory::Hardware);
    REQUIRE(t.find_surface("meta-model-api") != nullptr);
    CHECK(t.find_surface("meta-model-api")->category == fw::SurfaceCategory::Developer);
}

TEST_CASE("Hugging Face licence ids of the bundled table map to their licence", "[app][unit]") {
    const auto t = bundled();
    const auto* l = t.find_license("llama3.1");
    REQUIRE(l != nullptr);
    CHECK(l->id == "LicenseRef-Llama-3.1-Community");
    CHECK(l->mau_cap == 700000000);
    CHECK(l->aup_required);
    REQUIRE(t.find_license("apache-2.0") != nullptr);
    CHECK(t.find_license("apache-2.0")->license_class == "permissive");
    REQUIRE(t.find_license("cc-by-nc-4.0") != nullptr);
    CHECK(t.find_license("cc-by-nc-4.0")->commercial_use == "no");
}

TEST_CASE("The bundled openness table names exactly the contract's levels", "[app][unit]") {
    const auto text = fw::test::read_file(fw::test::bundled_data() / "openness.json");
    std::set<std::string> codes;
    for (std::size_t p = text.find("\"code\""); p != std::string::npos; p = text.find("\"code\"", p + 1)) {
        const auto open = text.find('"', text.find(':', p) + 1);
        codes.insert(text.substr(open + 1, text.find('"', open + 1) - open - 1));
    }
    CHECK(codes.size() == 8);
    for (const auto& c : codes) {
        INFO(c);
        CHECK(fw::openness_from_string(c).has_value());
    }
}

TEST_CASE("A later folder overrides entries by slug and adds new ones", "[app][unit]") {
    fw::test::TempDir tmp;
    write_minimal(tmp.path() / "base");
    write_taxonomy_file(tmp.path() / "user" / "models.json", R"({"models": [
        {"slug": "muse-spark", "name": "Muse Spark renamed", "lab": "meta", "openness": "api",
         "license": "LicenseRef-Proprietary"},
        {"slug": "muse-spark-mini", "name": "Muse Spark Mini", "lab": "meta",
         "derived_from": "muse-spark", "license": "LicenseRef-Proprietary"}]})");
    write_taxonomy_file(
        tmp.path() / "user" / "licenses.json",
        R"([{"id": "licenseref-proprietary", "class": "proprietary", "commercial_use": "conditional"}])");

    auto t = load_taxonomy({tmp.path() / "base", tmp.path() / "user", tmp.path() / "absent"});
    REQUIRE(t.has_value());
    REQUIRE(t->models.size() == 2);
    CHECK(t->models[0].slug == "muse-spark");
    CHECK(t->models[0].name == "Muse Spark renamed");
    CHECK(t->models[0].openness == fw::Openness::Api);
    CHECK_FALSE(t->models[0].released.has_value());  // whole entry replaced, not field-merged
    CHECK(t->models[1].derived_from == std::optional<std::string>("muse-spark"));
    REQUIRE(t->licenses.size() == 1);  // licence ids override case-insensitively
    CHECK(t->licenses[0].commercial_use == "conditional");
    CHECK(t->labs.size() == 1);  // files absent from the override folder keep the base entries
}

TEST_CASE("A taxonomy file missing from every folder is a configuration error", "[app][unit]") {
    fw::test::TempDir tmp;
    write_minimal(tmp.path());
    std::filesystem::remove(tmp.path() / "people.json");
    auto t = load_taxonomy({tmp.path()});
    REQUIRE_FALSE(t.has_value());
    CHECK(t.error().code == fw::ErrorCode::Config);
    CHECK(has(t.error().describe(), "people.json"));
}

TEST_CASE("Malformed JSON is reported with the file, line and column", "[app][unit]") {
    fw::test::TempDir tmp;
    write_minimal(tmp.path());
    write_taxonomy_file(tmp.path() / "labs.json",
                        "{\"labs\": [\n  {\"slug\": \"meta\",\n   \"name\": \"Meta\" \"x\": 1}\n]}");
    auto t = load_taxonomy({tmp.path()});
    REQUIRE_FALSE(t.has_value());
    CHECK(t.error().code == fw::ErrorCode::Config);
    const auto text = t.error().describe();
    CHECK(has(text, "labs.json"));
    INFO(text);
    CHECK(has(text, "line 3, column"));
}

TEST_CASE("Unknown enum values name the file, the entry and the accepted values", "[app][unit]") {
    SECTION("tier") {
        auto t = parse_taxonomy_text(
            TaxonomyFile::Models, R"([{"slug": "x-1", "name": "X", "lab": "meta", "tier": "huge"}])", "my/models.json");
        REQUIRE_FALSE(t.has_value());
        CHECK(t.error().context == "my/models.json");
        CHECK(has(t.error().message, "model 'x-1'"));
        CHECK(has(t.error().message, "tier 'huge'"));
        CHECK(has(t.error().message, "flagship"));
    }
    SECTION("surface category") {
        auto t = parse_taxonomy_text(TaxonomyFile::Surfaces, R"([{"slug": "feed", "name": "F", "category": "viral"}])",
                                     "s.json");
        REQUIRE_FALSE(t.has_value());
        CHECK(has(t.error().message, "surface 'feed'"));
        CHECK(has(t.error().message, "'viral'"));
    }
    SECTION("licence class") {
        auto t = parse_taxonomy_text(TaxonomyFile::Licenses, R"([{"id": "X-1", "class": "free"}])", "l.json");
        REQUIRE_FALSE(t.has_value());
        CHECK(has(t.error().message, "licence 'X-1'"));
        CHECK(has(t.error().message, "'free'"));
    }
}

TEST_CASE("Bad slugs, dates, CIKs and duplicates are rejected with the entry named", "[app][unit]") {
    auto expect = [](TaxonomyFile f, const char* json, const char* needle) {
        auto t = parse_taxonomy_text(f, json, "f.json");
        INFO(json);
        REQUIRE_FALSE(t.has_value());
        CHECK(t.error().code == fw::ErrorCode::Config);
        CHECK(has(t.error().message, needle));
    };
    expect(TaxonomyFile::Labs, R"([{"slug": "Meta AI", "name": "M"}])", "'Meta AI': not a valid slug");
    expect(TaxonomyFile::Models, R"([{"slug": "m", "name": "M", "lab": "x", "released": "2026-02-30"}])",
           "model 'm': field 'released' is not a date");
    expect(TaxonomyFile::Labs, R"([{"slug": "meta", "name": "M", "security": {"ticker": "META", "cik": "1326801"}}])",
           "cik '1326801' must be 10 digits");
    expect(TaxonomyFile::People, R"([{"slug": "a", "name": "A"}, {"slug": "a", "name": "B"}])", "duplicate person 'a'");
    expect(TaxonomyFile::Models, R"([{"slug": "m", "lab": "x"}])", "model 'm': missing field 'name'");
    expect(TaxonomyFile::Labs, R"({"lab": []})", "\"labs\" list");
}

TEST_CASE("Comments are allowed in hand-edited taxonomy files", "[app][unit]") {
    auto t = parse_taxonomy_text(
        TaxonomyFile::People,
        "// people I watch\n[{\"slug\": \"a-b\", \"name\": \"A B\", /* new */ \"since\": \"2025-06-30\"}]", "p.json");
    REQUIRE(t.has_value());
    REQUIRE(t->people.size() == 1);
    CHECK(fw::format_date(*t->people[0].since) == "2025-06-30");
}

TEST_CASE("The demo snapshot's taxonomy overlay loads on top of the bundled data", "[app][unit]") {
    const auto snapshot = fw::test::bundled_data() / "snapshot";
    auto t = load_taxonomy({fw::test::bundled_data(), snapshot / "taxonomy"});
    REQUIRE(t.has_value());
    CHECK(fw::app::check_taxonomy(*t).empty());
    const auto* mini = t->find_model("muse-spark-mini");
    REQUIRE(mini != nullptr);
    CHECK(mini->derived_from == std::optional<std::string>("muse-spark"));
    CHECK(fw::is_open(mini->openness));
    REQUIRE(t->find_license("muse-community-license") != nullptr);  // the round-2 HF licence name
    CHECK(t->find_model("llama-3-1") != nullptr);                   // bundled entries stay
}

TEST_CASE("Every file the demo manifest names exists", "[app][unit]") {
    const auto dir = fw::test::bundled_data() / "snapshot";
    const auto text = fw::test::read_file(dir / "manifest.json");
    int files = 0;
    for (const std::string key : {"\"file\": \"", "\"round2\": \""}) {
        for (auto p = text.find(key); p != std::string::npos; p = text.find(key, p + 1)) {
            const auto start = p + key.size();
            const auto rel = text.substr(start, text.find('"', start) - start);
            INFO(rel);
            CHECK(std::filesystem::is_regular_file(dir / rel));
            ++files;
        }
    }
    CHECK(files >= 18);
}

TEST_CASE("Every default source outline has a contract kind and a known lab", "[app][unit]") {
    const auto t = bundled();
    const auto text = fw::test::read_file(fw::test::bundled_data() / "sources.opml");
    auto attr = [&](std::size_t from, std::size_t to, const std::string& name) -> std::optional<std::string> {
        const auto p = text.find(" " + name + "=\"", from);
        if (p == std::string::npos || p > to) {
            return std::nullopt;
        }
        const auto start = p + name.size() + 3;
        return text.substr(start, text.find('"', start) - start);
    };
    const std::set<std::string> kinds{"feed",  "hf-author", "github-releases", "github-commits",
                                      "edgar", "arxiv",     "prices",          "page"};
    int outlines = 0;
    for (auto p = text.find("xmlUrl=\""); p != std::string::npos; p = text.find("xmlUrl=\"", p + 1)) {
        const auto from = text.rfind("<outline", p);
        const auto to = text.find("/>", p);
        const auto kind = attr(from, to, "fw:kind");
        const auto url = attr(from, to, "xmlUrl");
        INFO(url.value_or("?"));
        REQUIRE(kind.has_value());
        CHECK(kinds.count(*kind) == 1);
        CHECK(url->rfind("https://", 0) == 0);
        if (const auto lab = attr(from, to, "fw:lab")) {
            CHECK(t.find_lab(*lab) != nullptr);
        }
        ++outlines;
    }
    CHECK(outlines >= 30);
}
