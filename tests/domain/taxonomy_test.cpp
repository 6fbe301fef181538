// Taxonomy's find_* through its indexes: the same answers as a scan from the front, also after
// the lists change between lookups.
#include <string>
#include <thread>
#include <vector>

#include "domain/taxonomy.h"
#include "support/catch.h"

using namespace fw;

namespace {

ModelInfo model(std::string slug, std::string family = "") {
    ModelInfo m;
    m.slug = std::move(slug);
    m.name = m.slug;
    m.family = std::move(family);
    return m;
}

// The answer of the scan the index replaced.
const ModelInfo* scan_model(const Taxonomy& t, std::string_view slug) {
    for (const ModelInfo& m : t.models) {
        if (m.slug == slug) {
            return &m;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("find_model answers as a scan from the front does", "[domain][taxonomy]") {
    Taxonomy t;
    for (int i = 0; i < 300; ++i) {
        t.models.push_back(model("model-" + std::to_string(i), "family-" + std::to_string(i % 7)));
    }
    t.models.push_back(model("model-17", "the-second-one"));  // a duplicate: the first one wins
    for (int i = -5; i < 310; ++i) {
        const std::string slug = "model-" + std::to_string(i);
        CHECK(t.find_model(slug) == scan_model(t, slug));
    }
    REQUIRE(t.find_model("model-17"));
    CHECK(t.find_model("model-17")->family == "family-3");
    CHECK(t.find_model("") == nullptr);
    CHECK(t.find_model("Model-1") == nullptr);  // slugs are matched exactly
}

TEST_CASE("find_model sees entries added, removed and lists replaced after a lookup", "[domain][taxonomy]") {
    Taxonomy t;
    CHECK(t.find_model("a") == nullptr);
    t.models.push_back(model("a"));
    REQUIRE(t.find_model("a") == &t.models[0]);
    CHECK(t.find_model("b") == nullptr);

    t.models.push_back(model("b"));  // grew (and maybe moved)
    REQUIRE(t.find_model("b") == &t.models[1]);
    CHECK(t.find_model("a") == &t.models[0]);

    t.models.erase(t.models.begin());  // shrank: "b" moved to the front
    CHECK(t.find_model("a") == nullptr);
    CHECK(t.find_model("b") == &t.models[0]);

    t.models.reserve(16);
    t.models = {model("c"), model("d")};  // replaced in the same storage
    CHECK(t.find_model("b") == nullptr);
    CHECK(t.find_model("c") == &t.models[0]);
    CHECK(t.find_model("d") == &t.models[1]);

    t.models[0] = model("e");  // the first entry replaced in place
    CHECK(t.find_model("c") == nullptr);
    CHECK(t.find_model("e") == &t.models[0]);
}

TEST_CASE("a copied or moved taxonomy finds its own entries", "[domain][taxonomy]") {
    Taxonomy t;
    t.models = {model("a"), model("b")};
    t.labs.push_back(Lab{"lab", "Lab", {}, std::nullopt, {}, {}, {}, false});
    REQUIRE(t.find_model("b") == &t.models[1]);

    Taxonomy copy = t;
    CHECK(copy.find_model("b") == &copy.models[1]);
    CHECK(copy.find_lab("lab") == &copy.labs[0]);

    Taxonomy assigned;
    assigned.models = {model("x")};
    CHECK(assigned.find_model("x"));
    assigned = t;
    CHECK(assigned.find_model("x") == nullptr);
    CHECK(assigned.find_model("a") == &assigned.models[0]);

    Taxonomy moved = std::move(copy);
    CHECK(moved.find_model("a") == &moved.models[0]);
    CHECK(t.find_model("a") == &t.models[0]);  // the original is untouched
}

TEST_CASE("labs, surfaces, people and licences are found through their indexes", "[domain][taxonomy]") {
    Taxonomy t;
    t.labs.push_back(Lab{"openai", "OpenAI", {}, std::nullopt, {}, {}, {}, false});
    t.labs.push_back(Lab{"meta", "Meta", {}, std::nullopt, {}, {}, {}, true});
    t.surfaces.push_back(Surface{"chatgpt", "ChatGPT", "openai", SurfaceCategory::Engagement, {}});
    t.people.push_back(Person{"jane-doe", "Jane Doe", "openai", "CTO", std::nullopt, std::nullopt, {}});
    t.licenses.push_back({"MIT", "MIT", "permissive", "yes", std::nullopt, false, {"mit-license"}});
    t.licenses.push_back({"Apache-2.0", "Apache 2.0", "permissive", "yes", std::nullopt, false, {"apache-2.0", "mit"}});

    CHECK(t.find_lab("meta") == &t.labs[1]);
    CHECK(t.find_lab("Meta") == nullptr);
    CHECK(t.find_surface("chatgpt") == &t.surfaces[0]);
    CHECK(t.find_surface("openai") == nullptr);
    CHECK(t.find_person("jane-doe") == &t.people[0]);
    CHECK(t.find_person("jane") == nullptr);
    // By id or alias, case-insensitively; the first licence with the key wins ("mit" is also
    // an alias of the second).
    CHECK(t.find_license("mit") == &t.licenses[0]);
    CHECK(t.find_license("MIT-License") == &t.licenses[0]);
    CHECK(t.find_license("APACHE-2.0") == &t.licenses[1]);
    CHECK(t.find_license("gpl-3.0") == nullptr);
}

TEST_CASE("find_model from several threads at once", "[domain][taxonomy]") {
    Taxonomy t;
    for (int i = 0; i < 100; ++i) {
        t.models.push_back(model("m" + std::to_string(i)));
    }
    std::vector<std::thread> threads;
    std::vector<int> found(4, 0);
    for (int k = 0; k < 4; ++k) {
        threads.emplace_back([&t, &found, k] {
            for (int round = 0; round < 200; ++round) {
                for (int i = 0; i < 110; ++i) {
                    if (t.find_model("m" + std::to_string(i)) != nullptr) {
                        ++found[static_cast<std::size_t>(k)];
                    }
                }
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    for (int n : found) {
        CHECK(n == 200 * 100);
    }
}
