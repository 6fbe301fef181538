#include "extract/entity_matcher.h"

#include "extract_support.h"
#include "support/catch.h"

using fw::extract::EntityKind;
using fw::extract::EntityMatcher;

namespace {
std::vector<std::string> slugs(const EntityMatcher& m, std::string_view text, EntityKind kind) {
    std::vector<std::string> out;
    for (const auto& e : m.find(text, kind)) {
        out.push_back(e.slug);
    }
    return out;
}
}  // namespace

TEST_CASE("case and punctuation variants of a model name match", "[extract][matcher]") {
    EntityMatcher m(fw::test::small_taxonomy());
    for (const auto* text : {"Muse Spark ships", "try muse-spark today", "MUSE SPARK!", "(Muse  Spark)"}) {
        INFO(text);
        CHECK(slugs(m, text, EntityKind::Model) == std::vector<std::string>{"muse-spark"});
    }
}

TEST_CASE("names match whole words only, without stemming", "[extract][matcher]") {
    auto t = fw::test::small_taxonomy();
    fw::ModelInfo llama;
    llama.slug = "llama";
    llama.name = "Llama";
    llama.lab = "meta";
    t.models.push_back(llama);
    EntityMatcher m(t);
    CHECK(slugs(m, "Llama is open", EntityKind::Model) == std::vector<std::string>{"llama"});
    CHECK(slugs(m, "a herd of llamas", EntityKind::Model).empty());
    CHECK(slugs(m, "Ollama runs models", EntityKind::Model).empty());
}

TEST_CASE("a version keeps its dot, so Llama 3 does not match inside Llama 3.1", "[extract][matcher]") {
    auto t = fw::test::small_taxonomy();
    fw::ModelInfo l3;
    l3.slug = "llama-3";
    l3.name = "Llama 3";
    t.models.push_back(l3);
    EntityMatcher m(t);
    CHECK(slugs(m, "Llama 3.1 405B", EntityKind::Model) == std::vector<std::string>{"llama-3-1"});
    CHECK(slugs(m, "Llama 3 8B", EntityKind::Model) == std::vector<std::string>{"llama-3"});
}

TEST_CASE("the longest overlapping name wins", "[extract][matcher]") {
    EntityMatcher m(fw::test::small_taxonomy());
    CHECK(slugs(m, "Now in WhatsApp Business in the US", EntityKind::Surface) ==
          std::vector<std::string>{"whatsapp-business"});
    CHECK(slugs(m, "Now in WhatsApp and WhatsApp Business", EntityKind::Surface) ==
          std::vector<std::string>{"whatsapp", "whatsapp-business"});
    CHECK(slugs(m, "on Ray-Ban Meta glasses", EntityKind::Surface) == std::vector<std::string>{"ray-ban-meta-glasses"});
}

TEST_CASE("acronyms and tickers match only with their own casing", "[extract][matcher]") {
    EntityMatcher m(fw::test::small_taxonomy());
    CHECK(slugs(m, "research from FAIR", EntityKind::Lab) == std::vector<std::string>{"meta"});
    CHECK(slugs(m, "a fair comparison", EntityKind::Lab).empty());
    CHECK(slugs(m, "META shares rose", EntityKind::Security) == std::vector<std::string>{"META"});
    CHECK(slugs(m, "meta-learning", EntityKind::Security).empty());
}

TEST_CASE("a one-word proper name that is also a common word matches only capitalised", "[extract][matcher]") {
    auto t = fw::test::small_taxonomy();
    fw::Surface docs;
    docs.slug = "acme-notebook";
    docs.name = "Acme Notebook";
    docs.aliases = {"Notebook"};
    t.surfaces.push_back(docs);
    fw::ModelInfo quill;
    quill.slug = "quill";
    quill.name = "Quill";
    t.models.push_back(quill);
    EntityMatcher m(t);
    CHECK(slugs(m, "Acme brings its model to Notebook", EntityKind::Surface) ==
          std::vector<std::string>{"acme-notebook"});
    CHECK(slugs(m, "NOW IN NOTEBOOK", EntityKind::Surface) == std::vector<std::string>{"acme-notebook"});
    CHECK(slugs(m, "a shared notebook of agent traces", EntityKind::Surface).empty());
    // The slug is the same word in lower case, as repo names write it: any case matches.
    CHECK(slugs(m, "Quill writes", EntityKind::Model) == std::vector<std::string>{"quill"});
    CHECK(slugs(m, "acme/quill weights", EntityKind::Model) == std::vector<std::string>{"quill"});
}

TEST_CASE("a model added later is matched in later texts", "[extract][matcher]") {
    EntityMatcher m(fw::test::small_taxonomy());
    CHECK(slugs(m, "Muse Spark 1.1 is out", EntityKind::Model) == std::vector<std::string>{"muse-spark"});
    fw::ModelInfo added;
    added.slug = "muse-spark-1-1";
    added.name = "Muse Spark 1.1";
    m.add_model(added);
    CHECK(slugs(m, "Muse Spark 1.1 is out", EntityKind::Model) == std::vector<std::string>{"muse-spark-1-1"});
}

TEST_CASE("a name never runs over a line break between a headline and its lead", "[extract][matcher]") {
    EntityMatcher m(fw::test::small_taxonomy());
    // "Muse Spark" is a name; its words on two lines are two phrases.
    CHECK(slugs(m, "Coming to the Muse\nSpark plugs for cars", EntityKind::Model).empty());
    CHECK(slugs(m, "Coming to the Muse Spark\nplugs", EntityKind::Model) == std::vector<std::string>{"muse-spark"});
}
