// Prices, alerts, question answers, settings, taxonomy and counts.
#include <vector>

#include "store_fixtures.h"
#include "support/catch.h"
#include "support/temp_dir.h"

using fw::AlertDelivery;
using fw::DeliveryStatus;
using fw::PriceBar;
using fw::QuestionAnswer;
using fw::QuestionStatus;

namespace {

PriceBar bar(const std::string& symbol, unsigned day, double close) {
    PriceBar b;
    b.symbol = symbol;
    b.date = fw::day_of(fw::make_time(2026, 4, day));
    b.open = close - 1;
    b.high = close + 2;
    b.low = close - 2;
    b.close = close;
    b.volume = 1000 + day;
    return b;
}

AlertDelivery delivery(const std::string& key) {
    AlertDelivery d;
    d.key = key;
    d.rule_id = "rule";
    d.event_id = std::nullopt;
    d.channel = "terminal";
    d.title = "Muse Spark released";
    d.body = "{}";
    d.status = DeliveryStatus::Pending;
    return d;
}

QuestionAnswer answer(const std::string& id, QuestionStatus status) {
    QuestionAnswer a;
    a.id = id;
    a.text = "Will " + id + " happen?";
    a.status = status;
    a.evidence = {1, 2};
    a.explanation = "because";
    return a;
}

}  // namespace

TEST_CASE("price bars upsert by symbol and date and load oldest first", "[store][prices]") {
    auto store = fw::test::memory_store();
    std::vector<PriceBar> bars{bar("META", 3, 500), bar("META", 1, 480), bar("SPY", 1, 600)};
    bars[1].adj_close = 479.5;
    bars[2].volume.reset();
    auto written = store->upsert_prices(bars);
    REQUIRE(written.has_value());
    CHECK(*written == 3);
    CHECK(*store->upsert_prices(bars) == 0);  // a re-run writes nothing

    bars[0].close = 505;
    CHECK(*store->upsert_prices(bars) == 1);
    auto meta = store->load_prices("META");
    REQUIRE(meta->size() == 2);
    CHECK(meta->at(0).date == bars[1].date);
    CHECK(meta->at(0).adj_close == 479.5);
    CHECK(meta->at(1).close == 505);
    CHECK(meta->at(1).symbol == "META");
    auto spy = store->load_prices("SPY");
    REQUIRE(spy->size() == 1);
    CHECK_FALSE(spy->at(0).volume.has_value());
    CHECK(store->counts()->prices == 3);
    CHECK(store->upsert_prices(std::vector<PriceBar>{bar("", 1, 1)}).error().code == fw::ErrorCode::Invalid);
}

TEST_CASE("an alert key is recorded exactly once", "[store][alerts]") {
    auto store = fw::test::memory_store();
    auto first = store->record_alert(delivery("rule|event:1|terminal"));
    REQUIRE(first.has_value());
    CHECK(*first);
    auto second = store->record_alert(delivery("rule|event:1|terminal"));
    REQUIRE(second.has_value());
    CHECK_FALSE(*second);
    CHECK(*store->record_alert(delivery("rule|event:1|desktop")));
    CHECK(store->counts()->alerts == 2);
}

TEST_CASE("failed alerts stay pending for retry until sent", "[store][alerts]") {
    auto store = fw::test::memory_store();
    REQUIRE(store->record_alert(delivery("a")).has_value());
    REQUIRE(store->record_alert(delivery("b")).has_value());
    auto pending = store->pending_alerts();
    REQUIRE(pending->size() == 2);

    AlertDelivery a = pending->at(0);
    a.status = DeliveryStatus::Failed;
    a.attempts = 1;
    a.last_error = "connection refused";
    REQUIRE(store->update_alert(a).has_value());
    AlertDelivery b = pending->at(1);
    b.status = DeliveryStatus::Sent;
    b.attempts = 1;
    b.sent_at = fw::make_time(2026, 4, 30, 8);
    b.id = 0;  // found by key
    REQUIRE(store->update_alert(b).has_value());

    pending = store->pending_alerts();
    REQUIRE(pending->size() == 1);
    CHECK(pending->at(0).key == "a");
    CHECK(pending->at(0).last_error == "connection refused");
    auto all = store->list_alerts(0);
    REQUIRE(all->size() == 2);
    CHECK(all->at(0).key == "b");  // newest first
    CHECK(all->at(0).sent_at == b.sent_at);
    CHECK(store->list_alerts(1)->size() == 1);
    CHECK(store->update_alert(delivery("missing")).error().code == fw::ErrorCode::NotFound);
}

TEST_CASE("save_answers returns only the answers whose status changed", "[store][questions]") {
    auto store = fw::test::memory_store();
    const std::vector<QuestionAnswer> first{answer("q1", QuestionStatus::Open), answer("q2", QuestionStatus::Yes)};
    auto changed = store->save_answers(first);
    REQUIRE(changed.has_value());
    REQUIRE(changed->size() == 1);  // a new open question is no change; a new "yes" is
    CHECK(changed->at(0).id == "q2");

    CHECK(store->save_answers(first)->empty());
    const std::vector<QuestionAnswer> second{answer("q1", QuestionStatus::No), answer("q2", QuestionStatus::Yes)};
    changed = store->save_answers(second);
    REQUIRE(changed->size() == 1);
    CHECK(changed->at(0).id == "q1");
    CHECK(changed->at(0).status == QuestionStatus::No);
}

TEST_CASE("settings are stored by key and overwritten", "[store][settings]") {
    auto store = fw::test::memory_store();
    CHECK_FALSE(store->get_setting("gui.last_visit")->has_value());
    REQUIRE(store->set_setting("gui.last_visit", "2026-04-30T08:00:00Z").has_value());
    REQUIRE(store->set_setting("gui.last_visit", "2026-05-01T08:00:00Z").has_value());
    CHECK(store->get_setting("gui.last_visit")->value() == "2026-05-01T08:00:00Z");
}

TEST_CASE("the taxonomy round-trips, discovered models included", "[store][entities]") {
    auto store = fw::test::memory_store();
    fw::Taxonomy t;
    fw::Lab meta{"meta",
                 "Meta",
                 {"Meta AI", "FAIR"},
                 fw::Security{"META", "0001326801", "Meta Platforms", "SPY"},
                 {"https://about.fb.com/feed"},
                 {"meta-llama"},
                 {"facebookresearch"},
                 true};
    t.labs = {meta, fw::Lab{"mistral", "Mistral AI", {}, std::nullopt, {}, {"mistralai"}, {}, true}};
    fw::ModelInfo spark{"muse-spark",
                        "Muse Spark",
                        "meta",
                        "muse",
                        fw::Tier::Flagship,
                        fw::Openness::HostedProduct,
                        "LicenseRef-Proprietary",
                        fw::make_time(2026, 4, 8),
                        {"Spark"},
                        std::nullopt};
    t.models = {spark};
    t.surfaces = {fw::Surface{"whatsapp", "WhatsApp", "meta", fw::SurfaceCategory::Engagement, {"WA"}}};
    t.people = {
        fw::Person{"jane-doe", "Jane Doe", "meta", "Chief Scientist", fw::make_time(2020, 1, 1), std::nullopt, {}}};
    t.licenses = {fw::License{"Apache-2.0", "Apache 2.0", "permissive", "yes", std::nullopt, false, {"apache-2.0"}}};
    REQUIRE(store->save_taxonomy(t).has_value());

    fw::ModelInfo found{"muse-lite",           "Muse Lite", "meta",       "muse", fw::Tier::Small,
                        fw::Openness::Unknown, "",          std::nullopt, {},     "muse-spark"};
    REQUIRE(store->add_discovered_model(found).has_value());
    fw::ModelInfo dup = found;
    dup.name = "Renamed";
    REQUIRE(store->add_discovered_model(dup).has_value());  // known slug: no-op

    auto back = store->load_taxonomy();
    REQUIRE(back.has_value());
    REQUIRE(back->labs.size() == 2);
    CHECK(back->labs[0].slug == "meta");
    CHECK(back->labs[0].aliases == meta.aliases);
    REQUIRE(back->labs[0].security.has_value());
    CHECK(back->labs[0].security->cik == "0001326801");
    CHECK(back->labs[0].open_weight_lab);
    CHECK_FALSE(back->labs[1].security.has_value());
    REQUIRE(back->models.size() == 2);
    CHECK(back->models[0].openness == fw::Openness::HostedProduct);
    CHECK(back->models[0].released == spark.released);
    CHECK(back->models[1].slug == "muse-lite");
    CHECK(back->models[1].name == "Muse Lite");
    CHECK(back->models[1].derived_from == "muse-spark");
    REQUIRE(back->surfaces.size() == 1);
    CHECK(back->surfaces[0].aliases == std::vector<std::string>{"WA"});
    REQUIRE(back->people.size() == 1);
    CHECK(back->people[0].since == fw::make_time(2020, 1, 1));
    REQUIRE(back->licenses.size() == 1);
    CHECK(back->licenses[0].hf_ids == std::vector<std::string>{"apache-2.0"});

    // Saving the taxonomy again keeps the discovered model.
    REQUIRE(store->save_taxonomy(t).has_value());
    CHECK(store->load_taxonomy()->models.size() == 2);
    CHECK(store->counts()->entities == 8);  // 2 labs, META, 2 models, surface, person, licence
}

TEST_CASE("a taxonomy model replaces a discovered one with the same slug", "[store][entities]") {
    auto store = fw::test::memory_store();
    fw::ModelInfo guess{"muse-lite",           "muse lite", "",           "", fw::Tier::Unknown,
                        fw::Openness::Unknown, "",          std::nullopt, {}, std::nullopt};
    REQUIRE(store->add_discovered_model(guess).has_value());
    fw::Taxonomy t;
    fw::ModelInfo curated = guess;
    curated.name = "Muse Lite";
    curated.lab = "meta";
    t.models = {curated};
    REQUIRE(store->save_taxonomy(t).has_value());
    auto back = store->load_taxonomy();
    REQUIRE(back->models.size() == 1);
    CHECK(back->models[0].name == "Muse Lite");
    CHECK(store->add_discovered_model(fw::ModelInfo{}).error().code == fw::ErrorCode::Invalid);
}

TEST_CASE("open_store opens files and memory, and a PostgreSQL URL without a server is an error naming it",
          "[store][open]") {
    fw::test::TempDir dir;
    const std::string path = (dir / "nested/folder/fw.db").string();
    auto file = fw::store::open_store(path);
    REQUIRE(file.has_value());
    CHECK((*file)->location() == path);
    CHECK(std::filesystem::exists(path));
    REQUIRE(fw::store::open_store(":memory:").has_value());
    // Port 1 on loopback: nobody listens, so the connection is refused at once.
    auto pg = fw::store::open_store("postgresql://user:secret@127.0.0.1:1/fw");
    REQUIRE_FALSE(pg.has_value());
#ifdef FW_HAVE_POSTGRES
    CHECK(pg.error().code == fw::ErrorCode::Storage);
    CHECK(pg.error().context == "postgresql://user@127.0.0.1:1/fw");  // no password shown
#else
    CHECK(pg.error().code == fw::ErrorCode::Config);
#endif
}

TEST_CASE("a stored delivery status outside the contract is a storage error", "[store][alerts]") {
    auto store = fw::test::memory_store();
    REQUIRE(store->record_alert(delivery("a")).has_value());
    REQUIRE(store->database().exec("UPDATE alerts SET status = 'delivered'").has_value());
    auto pending = store->list_alerts(0);
    REQUIRE_FALSE(pending.has_value());
    CHECK(pending.error().code == fw::ErrorCode::Storage);
    CHECK(pending.error().message.find("delivered") != std::string::npos);
}
