// The Store contract (store/store.h), checked on both backends with the same cases.

#include <algorithm>
#include <chrono>
#include <iterator>
#include <map>
#include <set>
#include <vector>

#include "backends.h"

using fw::Event;
using fw::Item;
using fw::Review;
using fw::store::Store;
using fw::test::add_source;
using fw::test::item_query;
using fw::test::make_event;
using fw::test::make_evidence;
using fw::test::make_item;
using fw::test::on_both;

using Opener = std::function<std::unique_ptr<Store>()>;

TEST_CASE("an idempotent upsert keeps versions on both backends", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        const auto src = add_source(s, "blog");
        std::vector<Item> items{make_item("a", "Alpha"), make_item("b", "Beta")};
        auto first = s.upsert_items(src, items);
        REQUIRE(first.has_value());
        CHECK(first->inserted == 2);
        auto again = s.upsert_items(src, items);
        REQUIRE(again.has_value());
        CHECK(again->unchanged == 2);
        CHECK(again->touched_ids.empty());
        items[0] = make_item("a", "Alpha 2", "new text");
        auto changed = s.upsert_items(src, items);
        REQUIRE(changed.has_value());
        CHECK(changed->changed == 1);
        REQUIRE(changed->touched_ids.size() == 1);
        auto versions = s.item_versions(changed->touched_ids[0]);
        REQUIRE(versions.has_value());
        REQUIRE(versions->size() == 1);
        CHECK((*versions)[0].entry.title == "Alpha");
        auto now = s.items_by_ids(changed->touched_ids);
        REQUIRE(now.has_value());
        REQUIRE(now->size() == 1);
        CHECK((*now)[0].version == 2);
        CHECK((*now)[0].entry.title == "Alpha 2");
        CHECK((*now)[0].entry.summary_text == "new text");
        CHECK((*now)[0].source_name == "blog");
        auto counts = s.counts();
        REQUIRE(counts.has_value());
        CHECK(counts->items == 2);
        CHECK(counts->item_versions == 1);
        CHECK(s.upsert_items(src + 1000, items).error().code == fw::ErrorCode::NotFound);
    });
}

TEST_CASE("items list newest first, by source, after an id, on both backends", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        const auto a = add_source(s, "a");
        const auto b = add_source(s, "b");
        REQUIRE(s.upsert_items(a, std::vector<Item>{make_item("1", "One", "x", 1), make_item("3", "Three", "x", 3)})
                    .has_value());
        REQUIRE(s.upsert_items(b, std::vector<Item>{make_item("2", "Two", "x", 2)}).has_value());
        auto all = s.list_items(item_query(std::nullopt, std::nullopt));
        REQUIRE(all.has_value());
        REQUIRE(all->size() == 3);
        CHECK((*all)[0].entry.title == "Three");
        CHECK((*all)[2].entry.title == "One");
        auto of_b = s.list_items(item_query(std::string("b"), std::nullopt));
        REQUIRE(of_b->size() == 1);
        CHECK((*of_b)[0].entry.title == "Two");
        auto after = s.list_items(item_query(std::nullopt, std::nullopt, (*all)[2].id, 0));
        REQUIRE(after.has_value());
        CHECK(after->size() == 2);
        CHECK((*after)[0].id < (*after)[1].id);
        auto one = s.list_items(item_query(std::nullopt, std::nullopt, std::nullopt, 1));
        CHECK(one->size() == 1);
    });
}

TEST_CASE("a search's ids alone are the ids of the items it lists, on both backends", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        const auto src = add_source(s, "news");
        REQUIRE(s.upsert_items(src,
                               std::vector<Item>{
                                   make_item("1", "Orbit weights released", "open weights"),
                                   make_item("2", "Orbit coder", "a coding model"),
                                   make_item("3", "Pricing for Orbit", "cheaper tokens"),
                               })
                    .has_value());
        for (const char* q :
             {"orbit", "weights", "orbit OR tokens", "cod*", "nothing-like-this", "   ", "\"", "NEAR("}) {
            INFO(q);
            auto listed = s.list_items(item_query(std::nullopt, std::string(q)));
            auto ids = s.search_item_ids(q);
            REQUIRE(listed.has_value());
            REQUIRE(ids.has_value());
            std::vector<std::int64_t> expected;
            for (const auto& i : *listed) {
                expected.push_back(i.id);
            }
            std::sort(expected.begin(), expected.end());
            std::sort(ids->begin(), ids->end());
            CHECK(*ids == expected);
        }
        // Items written in a batch not yet indexed are found too (the index is flushed first).
        auto more = s.upsert_items(src, std::vector<Item>{make_item("4", "Orbit 2 preview", "a new model")});
        REQUIRE(more.has_value());
        auto ids = s.search_item_ids("preview");
        REQUIRE(ids.has_value());
        CHECK(ids->size() == 1);
    });
}

TEST_CASE("full-text search matches words, OR, prefixes and punctuation on both backends", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        const auto src = add_source(s, "news");
        REQUIRE(s.upsert_items(src,
                               std::vector<Item>{
                                   make_item("1", "Llama 4 weights released", "open weights"),
                                   make_item("2", "Qwen3 coder", "a coding model"),
                                   make_item("3", "GPT-4o mini pricing", "cheaper tokens"),
                               })
                    .has_value());
        auto titles = [&](const std::string& q) {
            auto found = s.list_items(item_query(std::nullopt, q));
            REQUIRE(found.has_value());
            std::vector<std::string> out;
            for (const auto& i : *found) {
                out.push_back(i.native_id);
            }
            std::sort(out.begin(), out.end());
            return out;
        };
        CHECK(titles("weights") == std::vector<std::string>{"1"});
        CHECK(titles("llama weights") == std::vector<std::string>{"1"});
        CHECK(titles("llama coder").empty());
        CHECK(titles("llama OR coder") == std::vector<std::string>{"1", "2"});
        CHECK(titles("qwe*") == std::vector<std::string>{"2"});
        CHECK(titles("GPT-4o") == std::vector<std::string>{"3"});
        CHECK(titles("(pricing)") == std::vector<std::string>{"3"});
        CHECK(titles("   ").empty());
        for (const char* awkward : {"\"", "*", "OR", "a AND", "'; DROP TABLE items; --", "NEAR(", ":*", "!&|"}) {
            INFO(awkward);
            CHECK(s.list_items(item_query(std::nullopt, std::string(awkward))).has_value());
        }
        // Search follows the current version.
        REQUIRE(s.upsert_items(src, std::vector<Item>{make_item("2", "Qwen3 renamed", "zebra")}).has_value());
        CHECK(titles("zebra") == std::vector<std::string>{"2"});
        CHECK(titles("coder").empty());
    });
}

TEST_CASE("a limited search gives the newest matches, in order, on both backends", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        // 2,250 of 3,000 items match (enough for SQLite to walk by time), times a little out of
        // id order, some shared.
        const auto src = add_source(s, "news");
        std::vector<Item> items;
        for (int k = 1; k <= 3000; ++k) {
            Item item = make_item(std::to_string(k), k % 4 == 0 ? "Other news" : "Walrus news " + std::to_string(k));
            item.entry.published =
                fw::TimePoint(std::chrono::seconds(1'700'000'000 + 10 * (k / 2) + (k * 7919) % 300 - 150));
            items.push_back(std::move(item));
        }
        REQUIRE(s.upsert_items(src, items).has_value());
        auto all = s.list_items(item_query(std::nullopt, std::string("walrus"), std::nullopt, 0));
        REQUIRE(all.has_value());
        REQUIRE(all->size() == 2250);
        for (std::size_t i = 1; i < all->size(); ++i) {
            const auto& newer = (*all)[i - 1];
            const auto& older = (*all)[i];
            REQUIRE((newer.entry.published > older.entry.published ||
                     (newer.entry.published == older.entry.published && newer.id > older.id)));
        }
        for (const int limit : {1, 50, 600}) {
            INFO("limit " << limit);
            auto some = s.list_items(item_query(std::nullopt, std::string("walrus"), std::nullopt, limit));
            REQUIRE(some.has_value());
            REQUIRE(some->size() == static_cast<std::size_t>(limit));
            for (std::size_t i = 0; i < some->size(); ++i) {
                CHECK((*some)[i].id == (*all)[i].id);
            }
        }
    });
}

TEST_CASE("events merge by dedupe key and curated ones survive delete_auto_events", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        const auto src = add_source(s, "blog");
        const auto ids = s.upsert_items(src, std::vector<Item>{make_item("a", "A"), make_item("b", "B")})->touched_ids;
        Event e = make_event("k1", "First");
        e.evidence = {make_evidence(ids[0], "https://x/a")};
        auto id = s.upsert_event(e);
        REQUIRE(id.has_value());
        e.title = "Second";
        e.confidence = 0.9;
        e.evidence = {make_evidence(ids[0], "https://x/a"), make_evidence(ids[1], "https://x/b")};
        auto again = s.upsert_event(e);
        REQUIRE(again.has_value());
        CHECK(*again == *id);
        auto back = s.find_event(*id);
        REQUIRE(back.has_value());
        REQUIRE(back->has_value());
        CHECK((*back)->title == "Second");
        CHECK((*back)->confidence == Approx(0.9));
        CHECK((*back)->evidence.size() == 2);
        CHECK((*back)->fields == e.fields);

        REQUIRE(s.set_review(*id, Review::Confirmed).has_value());
        e.title = "Third";
        REQUIRE(s.upsert_event(e).has_value());
        CHECK((*s.find_event(*id))->title == "Second");  // curated: fields kept

        Event other = make_event("k2", "Auto one");
        REQUIRE(s.upsert_event(other).has_value());
        Event edited = make_event("k3", "To edit");
        auto edited_id = s.upsert_event(edited);
        REQUIRE(edited_id.has_value());
        edited.id = *edited_id;
        edited.title = "Edited by hand";
        REQUIRE(s.edit_event(edited).has_value());
        auto deleted = s.delete_auto_events();
        REQUIRE(deleted.has_value());
        CHECK(*deleted == 1);
        auto left = s.list_events({});
        REQUIRE(left.has_value());
        CHECK(left->size() == 2);
        CHECK(s.set_review(999999, Review::Rejected).error().code == fw::ErrorCode::NotFound);
        fw::store::EventQuery q;
        q.include_rejected = false;
        REQUIRE(s.set_review(*edited_id, Review::Rejected).has_value());
        CHECK(s.list_events(q)->size() == 1);
    });
}

TEST_CASE("a merged event keeps its first report's time and its clearest report's fields", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        Event wire = make_event("model_release|muse-flare", "Wire: Meta unveils Muse Flare");
        wire.confidence = 0.7;
        wire.occurred_at = fw::make_time(2026, 4, 13);
        auto id = s.upsert_event(wire);
        REQUIRE(id.has_value());
        // The lab's own post, read after the wire but published four days before it.
        Event lab = make_event("model_release|muse-flare", "Meet Muse Flare");
        lab.confidence = 0.8;
        lab.occurred_at = fw::make_time(2026, 4, 9);
        REQUIRE(s.upsert_event(lab).has_value());
        auto back = *s.find_event(*id);
        REQUIRE(back.has_value());
        CHECK(back->occurred_at == fw::make_time(2026, 4, 9));
        CHECK(back->title == "Meet Muse Flare");
        // A later, weaker report adds nothing but its evidence.
        Event digest = make_event("model_release|muse-flare", "Digest: a week of launches");
        digest.confidence = 0.62;
        digest.occurred_at = fw::make_time(2026, 4, 20);
        REQUIRE(s.upsert_event(digest).has_value());
        back = *s.find_event(*id);
        CHECK(back->occurred_at == fw::make_time(2026, 4, 9));
        CHECK(back->title == "Meet Muse Flare");
    });
}

TEST_CASE("an event is found by its dedupe key; a purge drops the uncurated ones it supported", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        CHECK_FALSE(s.find_event_id("k1")->has_value());
        const auto src = add_source(s, "blog");
        const auto ids = s.upsert_items(src, std::vector<Item>{make_item("a", "A")})->touched_ids;
        Event e = make_event("k1", "First");
        e.evidence = {make_evidence(ids[0], "https://x/a")};
        const auto id = s.upsert_event(e);
        REQUIRE(id.has_value());
        auto found = s.find_event_id("k1");
        REQUIRE(found.has_value());
        REQUIRE(found->has_value());
        CHECK(**found == *id);
        Event kept = make_event("k2", "Kept");
        kept.evidence = {make_evidence(ids[0], "https://x/a")};
        const auto kept_id = s.upsert_event(kept);
        REQUIRE(kept_id.has_value());
        REQUIRE(s.set_review(*kept_id, Review::Confirmed).has_value());
        REQUIRE(s.remove_source("blog", true).has_value());
        CHECK_FALSE(s.find_event_id("k1")->has_value());  // uncurated, no evidence left: gone
        CHECK(s.find_event_id("k2")->has_value());        // curated: stays without evidence
        CHECK((*s.find_event(*kept_id))->evidence.empty());
    });
}

TEST_CASE("an alert key is recorded once and failed deliveries stay pending", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        fw::AlertDelivery d;
        d.key = "rule|event:k|terminal";
        d.rule_id = "rule";
        d.channel = "terminal";
        d.title = "t";
        auto first = s.record_alert(d);
        REQUIRE(first.has_value());
        CHECK(*first);
        auto second = s.record_alert(d);
        REQUIRE(second.has_value());
        CHECK_FALSE(*second);
        auto pending = s.pending_alerts();
        REQUIRE(pending->size() == 1);
        d = (*pending)[0];
        d.status = fw::DeliveryStatus::Sent;
        d.attempts = 1;
        d.sent_at = fw::make_time(2026, 5, 1);
        REQUIRE(s.update_alert(d).has_value());
        CHECK(s.pending_alerts()->empty());
        auto all = s.list_alerts(10);
        REQUIRE(all->size() == 1);
        CHECK((*all)[0].sent_at == fw::make_time(2026, 5, 1));
        fw::AlertDelivery unknown;
        unknown.key = "nope";
        CHECK(s.update_alert(unknown).error().code == fw::ErrorCode::NotFound);
    });
}

TEST_CASE("sources: unique names, tombstones, revival, purge and state on both backends", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        const auto id = add_source(s, "blog");
        CHECK(s.add_source(fw::test::make_source("blog")).error().code == fw::ErrorCode::Invalid);
        auto src = s.find_source("blog");
        REQUIRE(src->has_value());
        fw::Source state = **src;
        state.validators.etag = "\"v1\"";
        state.due_at = fw::make_time(2026, 5, 2);
        state.health.http_status = 200;
        state.health.last_status = fw::FetchStatus::Ok;
        REQUIRE(s.save_source_state(state).has_value());
        auto back = s.find_source("blog");
        CHECK((*back)->validators.etag == "\"v1\"");
        CHECK((*back)->due_at == fw::make_time(2026, 5, 2));
        CHECK((*back)->health.http_status == 200);

        const auto item = s.upsert_items(id, std::vector<Item>{make_item("a", "A")})->touched_ids;
        Event e = make_event("k", "E");
        e.evidence = {make_evidence(item[0], "https://x/a")};
        REQUIRE(s.upsert_event(e).has_value());
        REQUIRE(s.remove_source("blog", false).has_value());
        CHECK_FALSE(s.find_source("blog")->has_value());
        CHECK(s.counts()->items == 1);
        auto revived = s.add_source(fw::test::make_source("blog"));
        REQUIRE(revived.has_value());
        CHECK(*revived == id);
        REQUIRE(s.remove_source("blog", true).has_value());
        auto c = s.counts();
        CHECK(c->items == 0);
        CHECK(c->events == 0);
        CHECK(c->sources == 0);
        CHECK(s.remove_source("blog", false).error().code == fw::ErrorCode::NotFound);
    });
}

TEST_CASE("prices, answers, settings and the taxonomy round-trip on both backends", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        fw::PriceBar bar;
        bar.symbol = "NVDA";
        bar.date = fw::day_of(fw::make_time(2026, 4, 1));
        bar.close = 101.25;
        bar.volume = 5;
        const std::vector<fw::PriceBar> bars{bar};
        CHECK(s.upsert_prices(bars).value_or(-1) == 1);
        CHECK(s.upsert_prices(bars).value_or(-1) == 0);  // identical: nothing written
        auto loaded = s.load_prices("NVDA");
        REQUIRE(loaded->size() == 1);
        CHECK((*loaded)[0].close == Approx(101.25));
        CHECK_FALSE((*loaded)[0].open.has_value());

        fw::QuestionAnswer a;
        a.id = "q1";
        a.status = fw::QuestionStatus::Open;
        CHECK(s.save_answers(std::vector<fw::QuestionAnswer>{a})->empty());
        a.status = fw::QuestionStatus::Yes;
        CHECK(s.save_answers(std::vector<fw::QuestionAnswer>{a})->size() == 1);
        CHECK(s.save_answers(std::vector<fw::QuestionAnswer>{a})->empty());

        CHECK_FALSE(s.get_setting("k")->has_value());
        REQUIRE(s.set_setting("k", "v1").has_value());
        REQUIRE(s.set_setting("k", "v2").has_value());
        CHECK(**s.get_setting("k") == "v2");

        fw::Taxonomy t;
        fw::Lab lab;
        lab.slug = "meta";
        lab.name = "Meta";
        t.labs.push_back(lab);
        fw::ModelInfo m;
        m.slug = "muse";
        m.name = "Muse";
        t.models.push_back(m);
        REQUIRE(s.save_taxonomy(t).has_value());
        fw::ModelInfo found;
        found.slug = "found";
        found.name = "Found";
        REQUIRE(s.add_discovered_model(found).has_value());
        REQUIRE(s.add_discovered_model(found).has_value());
        auto back = s.load_taxonomy();
        REQUIRE(back.has_value());
        CHECK(back->labs.size() == 1);
        REQUIRE(back->models.size() == 2);
        CHECK(back->models[0].slug == "muse");
        CHECK(back->models[1].slug == "found");
    });
}

TEST_CASE("the reads behind db copy: fetch log, discovered models, symbols, answers, settings", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        const auto source = s.add_source(fw::test::make_source("feed"));
        REQUIRE(source.has_value());
        fw::store::FetchLogEntry failed;
        failed.source_id = *source;
        failed.started_at = fw::make_time(2026, 4, 1);
        failed.duration_ms = 12.5;
        failed.status = fw::FetchStatus::Failed;
        failed.http_status = 503;
        failed.error = "busy";
        fw::store::FetchLogEntry fine = failed;
        fine.started_at = fw::make_time(2026, 4, 2);
        fine.status = fw::FetchStatus::Ok;
        fine.http_status = std::nullopt;
        fine.error = std::nullopt;
        fine.bytes = 2048;
        fine.new_items = 3;
        REQUIRE(s.log_fetch(failed).has_value());
        REQUIRE(s.log_fetch(fine).has_value());
        auto log = s.fetch_log();
        REQUIRE(log.has_value());
        REQUIRE(log->size() == 2);  // oldest first
        CHECK((*log)[0].status == fw::FetchStatus::Failed);
        CHECK((*log)[0].http_status == 503);
        CHECK((*log)[0].duration_ms == Approx(12.5));
        CHECK((*log)[0].error == "busy");
        CHECK((*log)[1].started_at == fw::make_time(2026, 4, 2));
        CHECK_FALSE((*log)[1].http_status.has_value());
        CHECK((*log)[1].bytes == 2048);
        CHECK((*log)[1].new_items == 3);

        fw::Taxonomy t;
        fw::ModelInfo listed;
        listed.slug = "muse";
        t.models.push_back(listed);
        REQUIRE(s.save_taxonomy(t).has_value());
        for (const char* slug : {"zeta", "alpha"}) {
            fw::ModelInfo m;
            m.slug = slug;
            REQUIRE(s.add_discovered_model(m).has_value());
        }
        CHECK(s.discovered_models().value() == std::vector<std::string>{"alpha", "zeta"});

        std::vector<fw::PriceBar> bars(3);
        bars[0].symbol = "SPY";
        bars[1].symbol = "META";
        bars[2].symbol = "SPY";
        for (int i = 0; i < 3; ++i) {
            bars[i].date = fw::day_of(fw::make_time(2026, 4, 1 + i));
            bars[i].close = 1.0;
        }
        REQUIRE(s.upsert_prices(bars).has_value());
        CHECK(s.price_symbols().value() == std::vector<std::string>{"META", "SPY"});

        fw::QuestionAnswer b;
        b.id = "q2";
        b.text = "Second?";
        b.status = fw::QuestionStatus::Yes;
        b.evidence = {4, 2};
        b.resolved_at = fw::make_time(2026, 4, 3);
        b.explanation = "because";
        fw::QuestionAnswer a;
        a.id = "q1";
        a.status = fw::QuestionStatus::Open;
        REQUIRE(s.save_answers(std::vector<fw::QuestionAnswer>{b, a}).has_value());
        auto answers = s.load_answers();
        REQUIRE(answers.has_value());
        REQUIRE(answers->size() == 2);
        CHECK((*answers)[0].id == "q1");  // in id order
        CHECK((*answers)[1].text == "Second?");
        CHECK((*answers)[1].status == fw::QuestionStatus::Yes);
        CHECK((*answers)[1].evidence == std::vector<std::int64_t>{4, 2});
        CHECK((*answers)[1].resolved_at == fw::make_time(2026, 4, 3));
        CHECK_FALSE((*answers)[1].opened_at.has_value());
        CHECK((*answers)[1].explanation == "because");

        REQUIRE(s.set_setting("b", "2").has_value());
        REQUIRE(s.set_setting("a", "1").has_value());
        auto settings = s.list_settings();
        REQUIRE(settings.has_value());
        using Setting = std::pair<std::string, std::string>;
        // A backend may hold settings of its own (the migration's); ours are there, in key order.
        std::vector<Setting> ours;
        std::copy_if(settings->begin(), settings->end(), std::back_inserter(ours),
                     [](const Setting& kv) { return kv.first == "a" || kv.first == "b"; });
        CHECK(ours == std::vector<Setting>{{"a", "1"}, {"b", "2"}});
        CHECK(std::is_sorted(settings->begin(), settings->end()));
    });
}

// The upsert looks up a call's known native ids in chunks (one query per chunk instead of one
// per item) and, on PostgreSQL, inserts the new rows with one multi-row INSERT per chunk. These
// cases give the results the item-by-item path gave (written before the change and passed by
// it): duplicates inside one call, ids with quotes and non-ASCII letters, calls longer than a
// chunk, the order of touched_ids, a re-ingest writing nothing.
TEST_CASE("a feed's items are looked up and written per call as item by item, on both backends", "[store_pg][unit]") {
    // 0: the backend's own choice (SQLite 1, PostgreSQL 64); 1: item by item; 64 on SQLite too.
    const std::size_t per_statement = GENERATE(std::size_t{0}, std::size_t{1}, std::size_t{64});
    INFO("items per statement " << per_statement);
    on_both([per_statement](Store& s, const Opener&) {
        dynamic_cast<fw::store::RepositoryStore&>(s).set_items_per_statement(per_statement);
        const auto src = add_source(s, "blog");
        const auto other = add_source(s, "other");
        // The same native id in another source is another item, never a match.
        REQUIRE(s.upsert_items(other, std::vector<Item>{make_item("n7", "Elsewhere")}).has_value());
        std::vector<Item> items;
        for (int k = 0; k < 150; ++k) {
            items.push_back(make_item("n" + std::to_string(k), "Item " + std::to_string(k), "walrus text"));
        }
        const std::vector<std::string> odd{"q\"uote'd", "ünïcödé-ид", "back\\slash", "comma,{brace} NULL", "NULL"};
        for (std::size_t k = 0; k < odd.size(); ++k) {
            items.insert(items.begin() + static_cast<std::ptrdiff_t>(20 * k + 3), make_item(odd[k], "Odd " + odd[k]));
        }
        // "e" twice with another text: inserted, then changed (a version) in the same call; "d"
        // twice alike: inserted, then unchanged. Both pairs straddle the 64-item chunks.
        items.insert(items.begin() + 10, make_item("e", "Echo", "first"));
        items.insert(items.begin() + 100, make_item("e", "Echo", "second"));
        items.insert(items.begin() + 60, make_item("d", "Delta"));
        items.insert(items.begin() + 70, make_item("d", "Delta"));
        // "f" twice with another text inside one 64-item chunk.
        items.insert(items.begin() + 20, make_item("f", "Foxtrot", "first"));
        items.insert(items.begin() + 30, make_item("f", "Foxtrot", "second"));
        const int distinct = 150 + static_cast<int>(odd.size()) + 3;

        auto first = s.upsert_items(src, items);
        REQUIRE(first.has_value());
        CHECK(first->inserted == distinct);
        CHECK(first->changed == 2);
        CHECK(first->unchanged == 1);
        // touched_ids in the order of the writes: each insert's new id, then e's id again.
        REQUIRE(first->touched_ids.size() == static_cast<std::size_t>(distinct + 2));
        auto listed = s.list_items(item_query(std::string("blog"), std::nullopt, std::int64_t{0}, 0));
        REQUIRE(listed.has_value());
        REQUIRE(listed->size() == static_cast<std::size_t>(distinct));
        std::map<std::string, std::int64_t> id_of;
        for (const auto& item : *listed) {
            id_of[item.native_id] = item.id;
        }
        std::vector<std::int64_t> expected;
        std::set<std::string> seen;
        for (const auto& item : items) {
            if (item.native_id == "d" && seen.count("d")) {
                continue;
            }
            seen.insert(item.native_id);
            expected.push_back(id_of.at(item.native_id));
        }
        CHECK(first->touched_ids == expected);
        // New ids follow the items' order (the extraction watermark reads ids in order).
        for (std::size_t k = 1; k < listed->size(); ++k) {
            CHECK((*listed)[k - 1].id < (*listed)[k].id);
        }
        for (const auto& name : odd) {
            INFO(name);
            CHECK(id_of.count(name) == 1);
        }
        auto e = s.items_by_ids(std::vector<std::int64_t>{id_of.at("e")});
        REQUIRE(e.has_value());
        REQUIRE(e->size() == 1);
        CHECK((*e)[0].version == 2);
        CHECK((*e)[0].entry.summary_text == "second");
        CHECK(s.item_versions(id_of.at("e"))->size() == 1);
        auto found = s.list_items(item_query(std::nullopt, std::string("walrus"), std::nullopt, 0));
        REQUIRE(found.has_value());
        CHECK(found->size() == 150);
        auto odd_found = s.list_items(item_query(std::nullopt, std::string("ünïcödé"), std::nullopt, 0));
        REQUIRE(odd_found.has_value());
        REQUIRE(odd_found->size() == 1);
        CHECK((*odd_found)[0].native_id == "ünïcödé-ид");

        // Again: "e" and "f" are stored with their second texts, so each first copy makes a
        // version and each second copy another one, as item by item; the rest is unchanged.
        auto again = s.upsert_items(src, items);
        REQUIRE(again.has_value());
        CHECK(again->inserted == 0);
        CHECK(again->changed == 4);
        CHECK(again->unchanged == static_cast<int>(items.size()) - 4);
        std::vector<std::int64_t> flipped;
        for (const auto& item : items) {
            if (item.native_id == "e" || item.native_id == "f") {
                flipped.push_back(id_of.at(item.native_id));
            }
        }
        CHECK(again->touched_ids == flipped);
        // Without the first "e" and "f": a re-ingest writes nothing.
        std::vector<Item> clean = items;
        REQUIRE(clean[20].entry.summary_text == "first");
        clean.erase(clean.begin() + 20);
        REQUIRE(clean[10].entry.summary_text == "first");
        clean.erase(clean.begin() + 10);
        const auto before = s.counts();
        REQUIRE(before.has_value());
        CHECK(before->item_versions == 6);
        auto same = s.upsert_items(src, clean);
        REQUIRE(same.has_value());
        CHECK(same->inserted == 0);
        CHECK(same->changed == 0);
        CHECK(same->unchanged == static_cast<int>(clean.size()));
        CHECK(same->touched_ids.empty());
        auto after = s.counts();
        REQUIRE(after.has_value());
        CHECK(after->items == before->items);
        CHECK(after->item_versions == before->item_versions);

        // A mix: known and unchanged, known and changed, new; in one call.
        std::vector<Item> mixed{make_item("n1", "Item 1", "walrus text"), make_item("n2", "Item 2 renamed", "zebra"),
                                make_item("new", "Brand new", "zebra")};
        auto m = s.upsert_items(src, mixed);
        REQUIRE(m.has_value());
        CHECK(m->unchanged == 1);
        CHECK(m->changed == 1);
        CHECK(m->inserted == 1);
        REQUIRE(m->touched_ids.size() == 2);
        CHECK(m->touched_ids[0] == id_of.at("n2"));
        CHECK(m->touched_ids[1] > id_of.at("n149"));
        auto zebra = s.list_items(item_query(std::nullopt, std::string("zebra"), std::nullopt, 0));
        REQUIRE(zebra.has_value());
        CHECK(zebra->size() == 2);
    });
}

TEST_CASE("a call that fails after writing some of its rows leaves none of them, on both backends",
          "[store_pg][unit]") {
    // 0: the backend's own choice (SQLite 1, PostgreSQL 64); 1: item by item; 64 on SQLite too.
    const std::size_t per_statement = GENERATE(std::size_t{0}, std::size_t{1}, std::size_t{64});
    INFO("items per statement " << per_statement);
    on_both([per_statement](Store& s, const Opener&) {
        dynamic_cast<fw::store::RepositoryStore&>(s).set_items_per_statement(per_statement);
        const auto src = add_source(s, "blog");
        REQUIRE(s.upsert_items(src, std::vector<Item>{make_item("old", "Old", "v1")}).has_value());
        // A trigger refuses one title: the failure comes from the database, after the rows
        // before it were written (the invalid-id check runs before any write).
        if (dynamic_cast<fw::store::SqliteStore*>(&s) != nullptr) {
            fw::test::exec_raw(s,
                               "CREATE TRIGGER refuse BEFORE INSERT ON items WHEN NEW.title = 'Refused' "
                               "BEGIN SELECT RAISE(ABORT, 'refused'); END");
        } else {
            fw::test::exec_raw(s,
                               "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
                               "IF NEW.title = 'Refused' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ "
                               "LANGUAGE plpgsql; CREATE TRIGGER refuse BEFORE INSERT ON items FOR EACH ROW "
                               "EXECUTE FUNCTION refuse()");
        }
        std::vector<Item> items;
        for (int k = 0; k < 100; ++k) {
            items.push_back(make_item("n" + std::to_string(k), "Kept " + std::to_string(k), "walrus"));
        }
        items.push_back(make_item("old", "Old", "v2"));
        items.push_back(make_item("bad", "Refused"));
        items.push_back(make_item("after", "After"));
        REQUIRE_FALSE(s.upsert_items(src, items).has_value());
        auto counts = s.counts();
        REQUIRE(counts.has_value());
        CHECK(counts->items == 1);
        CHECK(counts->item_versions == 0);
        auto found = s.list_items(item_query(std::nullopt, std::string("walrus"), std::nullopt, 0));
        REQUIRE(found.has_value());
        CHECK(found->empty());
        // The same items without the refused one go in whole, and are found.
        items.erase(items.end() - 2);
        auto ok = s.upsert_items(src, items);
        REQUIRE(ok.has_value());
        CHECK(ok->inserted == 101);
        CHECK(ok->changed == 1);
        found = s.list_items(item_query(std::nullopt, std::string("walrus"), std::nullopt, 0));
        REQUIRE(found.has_value());
        CHECK(found->size() == 100);
    });
}
