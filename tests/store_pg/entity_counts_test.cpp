// The entities (taxonomy) repository and Store::counts, written once over sql::Runner: the
// same cases on SQLite and PostgreSQL, so that either backend breaking fails here.

#include <vector>

#include "backends.h"

using fw::Item;
using fw::store::Store;
using fw::test::add_source;
using fw::test::exec_raw;
using fw::test::make_event;
using fw::test::make_evidence;
using fw::test::make_item;
using fw::test::on_both;

using Opener = std::function<std::unique_ptr<Store>()>;

namespace {

fw::Taxonomy sample_taxonomy() {
    fw::Taxonomy t;
    fw::Lab meta;
    meta.slug = "meta";
    meta.name = "Meta";
    meta.aliases = {"Meta AI"};
    meta.security = fw::Security{"META", "0001326801", "Meta Platforms", "SPY"};
    fw::Lab mistral;
    mistral.slug = "mistral";
    mistral.name = "Mistral AI";
    t.labs = {meta, mistral};
    for (const char* slug : {"muse-spark", "llama-4"}) {
        fw::ModelInfo m;
        m.slug = slug;
        m.name = std::string("Name of ") + slug;
        m.lab = "meta";
        t.models.push_back(m);
    }
    fw::Surface s;
    s.slug = "instagram";
    s.name = "Instagram";
    s.owner = "meta";
    t.surfaces.push_back(s);
    fw::Person p;
    p.slug = "jane-doe";
    p.name = "Jane Doe";
    p.org = "meta";
    p.since = fw::make_time(2025, 6, 1);
    t.people.push_back(p);
    fw::License l;
    l.id = "Apache-2.0";
    l.name = "Apache License 2.0";
    l.license_class = "permissive";
    t.licenses.push_back(l);
    return t;
}

fw::ModelInfo discovered(const std::string& slug, const std::string& name) {
    fw::ModelInfo m;
    m.slug = slug;
    m.name = name;
    return m;
}

std::vector<std::string> model_slugs(const fw::Taxonomy& t) {
    std::vector<std::string> out;
    for (const auto& m : t.models) {
        out.push_back(m.slug);
    }
    return out;
}

}  // namespace

TEST_CASE("the taxonomy round-trips in order with securities, on both backends", "[store_pg][unit]") {
    on_both([](Store& s, const Opener& open) {
        REQUIRE(s.save_taxonomy(sample_taxonomy()).has_value());
        // Read back through another connection: what was committed, not what a cache holds.
        auto other = open();
        auto back = other->load_taxonomy();
        REQUIRE(back.has_value());
        REQUIRE(back->labs.size() == 2);
        CHECK(back->labs[0].slug == "meta");
        CHECK(back->labs[0].aliases == std::vector<std::string>{"Meta AI"});
        REQUIRE(back->labs[0].security.has_value());
        CHECK(back->labs[0].security->ticker == "META");
        CHECK(back->labs[0].security->cik == "0001326801");
        CHECK_FALSE(back->labs[1].security.has_value());
        CHECK(model_slugs(*back) == std::vector<std::string>{"muse-spark", "llama-4"});
        CHECK(back->models[0].name == "Name of muse-spark");
        REQUIRE(back->surfaces.size() == 1);
        CHECK(back->surfaces[0].owner == "meta");
        REQUIRE(back->people.size() == 1);
        CHECK(back->people[0].since == fw::make_time(2025, 6, 1));
        REQUIRE(back->licenses.size() == 1);
        CHECK(back->licenses[0].license_class == "permissive");
        // Two labs, one security, two models, a surface, a person, a licence.
        CHECK(s.counts()->entities == 8);
    });
}

TEST_CASE("discovered models follow the taxonomy and give way to it, on both backends", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        REQUIRE(s.save_taxonomy(sample_taxonomy()).has_value());
        REQUIRE(s.add_discovered_model(discovered("qwen4", "Qwen4")).has_value());
        REQUIRE(s.add_discovered_model(discovered("qwen4", "Renamed")).has_value());    // known: no-op
        REQUIRE(s.add_discovered_model(discovered("llama-4", "Another")).has_value());  // listed: no-op
        CHECK(s.add_discovered_model(discovered("", "No slug")).error().code == fw::ErrorCode::Invalid);
        auto back = s.load_taxonomy();
        REQUIRE(back.has_value());
        CHECK(model_slugs(*back) == std::vector<std::string>{"muse-spark", "llama-4", "qwen4"});
        CHECK(back->models[1].name == "Name of llama-4");
        CHECK(back->models[2].name == "Qwen4");

        // Saving again keeps the discovered model after the (now reordered, shorter) taxonomy.
        fw::Taxonomy smaller = sample_taxonomy();
        std::swap(smaller.models[0], smaller.models[1]);
        smaller.labs.pop_back();
        REQUIRE(s.save_taxonomy(smaller).has_value());
        back = s.load_taxonomy();
        REQUIRE(back.has_value());
        CHECK(back->labs.size() == 1);
        CHECK(model_slugs(*back) == std::vector<std::string>{"llama-4", "muse-spark", "qwen4"});

        // A taxonomy that lists the discovered slug takes it over; the next save without it
        // drops it (it is no longer a discovered model).
        fw::Taxonomy listing = smaller;
        listing.models.push_back(discovered("qwen4", "Qwen4 (curated)"));
        REQUIRE(s.save_taxonomy(listing).has_value());
        back = s.load_taxonomy();
        REQUIRE(back.has_value());
        REQUIRE(back->models.size() == 3);
        CHECK(back->models[2].name == "Qwen4 (curated)");
        REQUIRE(s.save_taxonomy(smaller).has_value());
        CHECK(model_slugs(*s.load_taxonomy()) == std::vector<std::string>{"llama-4", "muse-spark"});
    });
}

TEST_CASE("a corrupt entity body is a storage error naming it, on both backends", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        REQUIRE(s.save_taxonomy(sample_taxonomy()).has_value());
        exec_raw(s, "UPDATE entities SET body = 'not json' WHERE kind = 'surface' AND slug = 'instagram'");
        auto back = s.load_taxonomy();
        REQUIRE_FALSE(back.has_value());
        CHECK(back.error().code == fw::ErrorCode::Storage);
        CHECK(back.error().context == "entities surface instagram");
    });
}

TEST_CASE("counts report every table, active sources only, on both backends", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        auto empty = s.counts();
        REQUIRE(empty.has_value());
        CHECK(empty->sources == 0);
        CHECK(empty->items == 0);
        CHECK(empty->entities == 0);
        CHECK(empty->fetch_log == 0);

        const auto blog = add_source(s, "blog");
        add_source(s, "gone");
        REQUIRE(s.remove_source("gone", false).has_value());  // a tombstone is not counted
        auto ids = s.upsert_items(blog, std::vector<Item>{make_item("a", "A"), make_item("b", "B")});
        REQUIRE(ids.has_value());
        REQUIRE(s.upsert_items(blog, std::vector<Item>{make_item("a", "A 2")}).has_value());  // a version
        fw::Event e = make_event("k", "E");
        e.evidence = {make_evidence(ids->touched_ids[0], "https://x/a"),
                      make_evidence(ids->touched_ids[1], "https://x/b")};
        REQUIRE(s.upsert_event(e).has_value());
        fw::PriceBar bar;
        bar.symbol = "META";
        bar.date = fw::day_of(fw::make_time(2026, 4, 1));
        bar.close = 500.0;
        fw::PriceBar next = bar;
        next.date = fw::day_of(fw::make_time(2026, 4, 2));
        REQUIRE(s.upsert_prices(std::vector<fw::PriceBar>{bar, next}).has_value());
        REQUIRE(s.save_taxonomy(sample_taxonomy()).has_value());
        REQUIRE(s.add_discovered_model(discovered("qwen4", "Qwen4")).has_value());
        fw::AlertDelivery d;
        d.key = "rule|event:k|terminal";
        d.rule_id = "rule";
        d.channel = "terminal";
        d.title = "t";
        REQUIRE(s.record_alert(d).has_value());
        fw::store::FetchLogEntry log;
        log.source_id = blog;
        log.started_at = fw::make_time(2026, 4, 30);
        REQUIRE(s.log_fetch(log).has_value());
        REQUIRE(s.log_fetch(log).has_value());

        auto c = s.counts();
        REQUIRE(c.has_value());
        CHECK(c->sources == 1);
        CHECK(c->items == 2);
        CHECK(c->item_versions == 1);
        CHECK(c->events == 1);
        CHECK(c->evidence == 2);
        CHECK(c->prices == 2);
        CHECK(c->entities == 9);
        CHECK(c->alerts == 1);
        CHECK(c->fetch_log == 2);
    });
}
