// The use cases narrowed to one aggregate's interface (issue 15) run on in-memory fakes that
// implement that interface and nothing else. The fakes are not a store::Store: if a service went
// back to taking the whole facade, this file would stop compiling.

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <type_traits>

#include "app/alert_service.h"
#include "app/candidate_service.h"
#include "app/db_copy.h"
#include "app/context.h"
#include "app/db_merge.h"
#include "app/fetch_service.h"
#include "app/event_service.h"
#include "app/extract_service.h"
#include "app/fetch_policy.h"
#include "app/fetch_round.h"
#include "app/source_service.h"
#include "app/worker_service.h"
#include "app/source_health.h"
#include "store/store_fixtures.h"
#include "support/catch.h"
#include "support/paths.h"
#include "support/temp_dir.h"

using namespace fw;

namespace {

Error unused() {
    return make_error(ErrorCode::Storage, "not used by this test");
}

/// Events by id, merged by dedupe key like the store does for an uncurated event.
class FakeEvents final : public store::EventStore {
public:
    std::map<std::int64_t, Event> events;

    Result<std::int64_t> upsert_event(const Event& event) override {
        for (auto& [id, e] : events) {
            if (e.dedupe_key == event.dedupe_key) {
                e.evidence.insert(e.evidence.end(), event.evidence.begin(), event.evidence.end());
                return id;
            }
        }
        const std::int64_t id = static_cast<std::int64_t>(events.size()) + 1;
        events[id] = event;
        events[id].id = id;
        return id;
    }
    Result<std::optional<std::int64_t>> find_event_id(std::string_view key) override {
        for (const auto& [id, e] : events) {
            if (e.dedupe_key == key) {
                return std::optional<std::int64_t>(id);
            }
        }
        return std::optional<std::int64_t>();
    }
    Result<std::vector<Event>> list_events(const store::EventQuery&) override {
        std::vector<Event> out;
        for (const auto& [id, e] : events) {
            out.push_back(e);
        }
        return out;
    }
    Result<std::optional<Event>> find_event(std::int64_t id) override {
        auto it = events.find(id);
        return it == events.end() ? std::optional<Event>() : std::optional<Event>(it->second);
    }
    Status set_review(std::int64_t id, Review review) override {
        events.at(id).review = review;
        return ok();
    }
    Status edit_event(const Event& event) override {
        events.at(event.id) = event;
        return ok();
    }
    Result<int> delete_auto_events() override { return unused(); }
};

class FakeAlerts final : public store::AlertStore {
public:
    std::vector<AlertDelivery> deliveries;
    std::vector<QuestionAnswer> answers;

    /// Keeps the latest answers as given (every one counted as changed).
    Result<std::vector<QuestionAnswer>> save_answers(std::span<const QuestionAnswer> latest) override {
        answers.assign(latest.begin(), latest.end());
        return answers;
    }
    Result<std::vector<QuestionAnswer>> load_answers() override { return answers; }
    Result<bool> record_alert(const AlertDelivery& d) override {
        for (const auto& known : deliveries) {
            if (known.key == d.key) {
                return false;
            }
        }
        deliveries.push_back(d);
        deliveries.back().id = static_cast<std::int64_t>(deliveries.size());
        return true;
    }
    Status update_alert(const AlertDelivery& d) override {
        deliveries.at(static_cast<std::size_t>(d.id - 1)) = d;
        return ok();
    }
    Result<std::vector<AlertDelivery>> pending_alerts() override {
        std::vector<AlertDelivery> out;
        std::copy_if(deliveries.begin(), deliveries.end(), std::back_inserter(out),
                     [](const AlertDelivery& d) { return d.status != DeliveryStatus::Sent; });
        return out;
    }
    Result<std::vector<AlertDelivery>> list_alerts(int) override { return deliveries; }
};

/// FakeAlerts that also keeps the answers: a status that differs from the saved one (open when
/// none was saved) is a change, as the store counts it.
class FakeAnswersAndAlerts final : public store::AlertStore {
public:
    FakeAlerts alerts;
    std::map<std::string, QuestionStatus> answers;

    Result<std::vector<QuestionAnswer>> save_answers(std::span<const QuestionAnswer> latest) override {
        std::vector<QuestionAnswer> changed;
        for (const auto& a : latest) {
            auto before = answers.find(a.id);
            if ((before == answers.end() ? QuestionStatus::Open : before->second) != a.status) {
                changed.push_back(a);
            }
            answers[a.id] = a.status;
        }
        return changed;
    }
    Result<std::vector<QuestionAnswer>> load_answers() override { return unused(); }
    Result<bool> record_alert(const AlertDelivery& d) override { return alerts.record_alert(d); }
    Status update_alert(const AlertDelivery& d) override { return alerts.update_alert(d); }
    Result<std::vector<AlertDelivery>> pending_alerts() override { return alerts.pending_alerts(); }
    Result<std::vector<AlertDelivery>> list_alerts(int limit) override { return alerts.list_alerts(limit); }
};

/// Daily bars by symbol and date; none unless a test stores some (the market questions then stay
/// unanswered by prices).
class FakePrices final : public store::PriceStore {
public:
    std::map<std::string, std::map<Day, PriceBar>> bars;

    Result<int> upsert_prices(std::span<const PriceBar> batch) override {
        for (const auto& bar : batch) {
            bars[bar.symbol][bar.date] = bar;
        }
        return static_cast<int>(batch.size());
    }
    Result<std::vector<PriceBar>> load_prices(std::string_view symbol) override {
        std::vector<PriceBar> out;
        if (auto it = bars.find(std::string(symbol)); it != bars.end()) {
            for (const auto& [date, bar] : it->second) {
                out.push_back(bar);
            }
        }
        return out;
    }
    Result<std::vector<std::string>> price_symbols() override {
        std::vector<std::string> out;
        for (const auto& [symbol, by_date] : bars) {
            out.push_back(symbol);
        }
        return out;
    }
};

class FakeCandidates final : public store::CandidateStore {
public:
    std::vector<Candidate> candidates;

    Result<std::int64_t> upsert_candidate(const Candidate& c) override {
        candidates.push_back(c);
        candidates.back().id = static_cast<std::int64_t>(candidates.size());
        return candidates.back().id;
    }
    Result<std::vector<Candidate>> list_candidates(const store::CandidateQuery&) override { return candidates; }
    Result<std::optional<Candidate>> find_candidate(std::int64_t id) override {
        if (id < 1 || id > static_cast<std::int64_t>(candidates.size())) {
            return std::optional<Candidate>();
        }
        return std::optional<Candidate>(candidates[static_cast<std::size_t>(id - 1)]);
    }
    Status set_candidate_state(std::int64_t id, CandidateState state, std::optional<std::int64_t>) override {
        candidates.at(static_cast<std::size_t>(id - 1)).state = state;
        return ok();
    }
    Result<int> delete_open_candidates() override { return unused(); }
};

/// Sources by id in the order added; one removed without purge is kept apart, hidden from the
/// list like the store's tombstone.
class FakeSources final : public store::SourceStore {
public:
    std::vector<Source> sources;
    std::vector<Source> removed;
    std::vector<store::FetchLogEntry> log;

    Result<std::int64_t> add_source(const Source& s) override {
        sources.push_back(s);
        sources.back().id = ++last_id_;
        return sources.back().id;
    }
    Result<std::vector<Source>> list_sources() override { return sources; }
    Result<std::optional<Source>> find_source(std::string_view name) override {
        for (const auto& s : sources) {
            if (s.name == name) {
                return std::optional<Source>(s);
            }
        }
        return std::optional<Source>();
    }
    Status remove_source(std::string_view name, bool purge) override {
        auto it = std::find_if(sources.begin(), sources.end(), [&](const Source& s) { return s.name == name; });
        if (it == sources.end()) {
            return make_error(ErrorCode::NotFound, "no such source", std::string(name));
        }
        if (!purge) {
            removed.push_back(*it);
        }
        sources.erase(it);
        return ok();
    }
    Status save_source_state(const Source& state) override {
        for (auto& s : sources) {
            if (s.id == state.id) {
                s = state;
                return ok();
            }
        }
        return make_error(ErrorCode::NotFound, "no such source", state.name);
    }
    Status update_source(const Source& s) override { return save_source_state(s); }
    Status log_fetch(const store::FetchLogEntry& entry) override {
        log.push_back(entry);
        return ok();
    }
    Result<std::vector<store::FetchLogEntry>> fetch_log() override { return log; }

private:
    std::int64_t last_id_ = 0;
};

/// Items in id order, read by id or after an id like the store does; a changed text keeps the
/// older one as a version. With `names`, a query by source name lists that source's items.
class FakeItems final : public store::ItemStore {
public:
    std::vector<Item> items;
    std::map<std::int64_t, std::vector<Item>> older;  ///< by item id, oldest first
    const FakeSources* names = nullptr;

    /// Stores `item` as the next id of `source_id`; returns the id.
    std::int64_t add(std::int64_t source_id, Item item) {
        item.id = static_cast<std::int64_t>(items.size()) + 1;
        item.source_id = source_id;
        item.version = 1;
        items.push_back(std::move(item));
        return items.back().id;
    }

    /// Keyed by (source, native id); a changed content hash is a new version of the same id.
    Result<store::UpsertStats> upsert_items(std::int64_t source_id, std::span<const Item> batch) override {
        store::UpsertStats stats;
        for (const auto& item : batch) {
            auto known = std::find_if(items.begin(), items.end(), [&](const Item& i) {
                return i.source_id == source_id && i.native_id == item.native_id;
            });
            if (known == items.end()) {
                stats.touched_ids.push_back(add(source_id, item));
                ++stats.inserted;
            } else if (known->content_hash != item.content_hash) {
                const auto id = known->id;
                const auto version = known->version + 1;
                older[id].push_back(*known);
                *known = item;
                known->id = id;
                known->source_id = source_id;
                known->version = version;
                stats.touched_ids.push_back(id);
                ++stats.changed;
            } else {
                ++stats.unchanged;
            }
        }
        return stats;
    }
    Result<std::vector<Item>> list_items(const store::ItemQuery& q) override {
        if (q.source && names != nullptr && !q.search) {
            std::vector<Item> out;
            for (const auto& src : names->sources) {
                std::copy_if(items.begin(), items.end(), std::back_inserter(out),
                             [&](const Item& i) { return src.name == *q.source && i.source_id == src.id; });
            }
            return out;
        }
        if (q.source || q.search) {
            return std::vector<Item>{};  // no source names here; the health test has no items
        }
        std::vector<Item> out;
        for (const auto& item : items) {
            if ((!q.after_id || item.id > *q.after_id) && (q.limit <= 0 || static_cast<int>(out.size()) < q.limit)) {
                out.push_back(item);
            }
        }
        return out;
    }
    Result<std::vector<Item>> items_by_ids(std::span<const std::int64_t> ids) override {
        std::vector<Item> out;
        for (const auto& item : items) {
            if (std::find(ids.begin(), ids.end(), item.id) != ids.end()) {
                out.push_back(item);
            }
        }
        return out;
    }
    Result<std::vector<Item>> item_versions(std::int64_t id) override {
        auto it = older.find(id);
        return it == older.end() ? std::vector<Item>{} : it->second;
    }
};

/// The taxonomy from the files and the models discovered since. Until a taxonomy is saved,
/// loading it fails (a worker then keeps the taxonomy it has).
class FakeEntities final : public store::EntityStore {
public:
    std::optional<Taxonomy> taxonomy;
    std::vector<ModelInfo> discovered;
    int saves = 0;

    Status save_taxonomy(const Taxonomy& t) override {
        taxonomy = t;
        ++saves;
        return ok();
    }
    Result<Taxonomy> load_taxonomy() override {
        if (!taxonomy) {
            return unused();
        }
        Taxonomy out = *taxonomy;
        out.models.insert(out.models.end(), discovered.begin(), discovered.end());
        return out;
    }
    Status add_discovered_model(const ModelInfo& model) override {
        discovered.push_back(model);
        return ok();
    }
    Result<std::vector<std::string>> discovered_models() override {
        std::vector<std::string> out;
        for (const auto& m : discovered) {
            out.push_back(m.slug);
        }
        return out;
    }
};

class FakeSettings final : public store::SettingStore {
public:
    std::map<std::string, std::string, std::less<>> values;
    int writes = 0;

    Result<std::optional<std::string>> get_setting(std::string_view key) override {
        auto it = values.find(key);
        return it == values.end() ? std::optional<std::string>() : std::optional<std::string>(it->second);
    }
    Status set_setting(std::string_view key, std::string_view value) override {
        values[std::string(key)] = std::string(value);
        ++writes;
        return ok();
    }
    Result<std::vector<std::pair<std::string, std::string>>> list_settings() override {
        return std::vector<std::pair<std::string, std::string>>(values.begin(), values.end());
    }
};

// The fakes must stay narrow: one made a Store to silence a compile error would prove nothing.
static_assert(!std::is_base_of_v<store::Store, FakeEvents> && !std::is_base_of_v<store::Store, FakeAlerts> &&
              !std::is_base_of_v<store::Store, FakeCandidates> && !std::is_base_of_v<store::Store, FakeSources> &&
              !std::is_base_of_v<store::Store, FakeItems> && !std::is_base_of_v<store::Store, FakeEntities> &&
              !std::is_base_of_v<store::Store, FakeSettings> && !std::is_base_of_v<store::Store, FakePrices> &&
              !std::is_base_of_v<store::Store, FakeAnswersAndAlerts>);

}  // namespace

TEST_CASE("alerts are delivered through an AlertStore and an EventStore alone", "[app][alerts][narrow]") {
    FakeEvents events;
    FakeAlerts alerts;
    auto id = events.upsert_event(test::make_event("model_release|muse-spark", "Introducing Muse Spark"));
    REQUIRE(id);
    AlertRule rule;
    rule.id = "releases";
    rule.name = "releases";
    rule.kinds = {"model_release"};
    rule.channels = {"terminal", "desktop"};
    const TimePoint now = make_time(2026, 4, 9);

    auto first = app::deliver_alerts(alerts, events, {rule}, {*id}, {}, now);
    REQUIRE(first);
    CHECK(first->matched == 2);
    CHECK(first->sent == 1);  // the desktop one waits for the GUI
    REQUIRE(alerts.deliveries.size() == 2);
    CHECK(alerts.deliveries[0].key == "releases|event:model_release|muse-spark|terminal");
    CHECK(alerts.deliveries[0].status == DeliveryStatus::Sent);

    auto again = app::deliver_alerts(alerts, events, {rule}, {*id}, {}, now);
    REQUIRE(again);
    CHECK(again->matched == 0);
    CHECK(again->sent == 0);
    auto desktop = app::pending_desktop_alerts(alerts);
    REQUIRE(desktop);
    REQUIRE(desktop->size() == 1);
    CHECK(desktop->front().channel == "desktop");
}

TEST_CASE("a candidate is confirmed through a CandidateStore and an EventStore alone", "[app][candidates][narrow]") {
    FakeEvents events;
    FakeCandidates candidates;
    Candidate c;
    c.item_id = 7;
    c.source = "meta-blog";
    c.title = "Muse Spark is here";
    c.link = "https://ai.meta.com/blog/muse-spark";
    c.published = make_time(2026, 4, 8);
    c.suggested_kind = EventKind::ModelRelease;
    c.model = "muse-spark";
    c.dedupe_key = "candidate|meta-blog|g1";
    auto cid = candidates.upsert_candidate(c);
    REQUIRE(cid);

    auto event_id = app::confirm_candidate(candidates, events, Taxonomy{}, *cid, {}, make_time(2026, 4, 9));
    REQUIRE(event_id);
    const Event& e = events.events.at(*event_id);
    CHECK(e.dedupe_key == "model_release|muse-spark");  // keyed like the derived event
    CHECK(e.review == Review::Confirmed);
    CHECK(candidates.candidates[0].state == CandidateState::Confirmed);

    // Decided once: a second confirmation is refused.
    auto twice = app::confirm_candidate(candidates, events, Taxonomy{}, *cid, {}, make_time(2026, 4, 9));
    REQUIRE_FALSE(twice);
    CHECK(twice.error().code == ErrorCode::Invalid);
}

TEST_CASE("curation and health run on the narrow interfaces", "[app][narrow]") {
    FakeEvents events;
    auto id = events.upsert_event(test::make_event("model_release|muse-spark", "Introducing Muse Spark"));
    REQUIRE(id);
    REQUIRE(app::set_review(events, *id, Review::Rejected));
    CHECK(events.events.at(*id).review == Review::Rejected);
    CHECK(app::set_review(events, 99, Review::Confirmed).error().code == ErrorCode::NotFound);
    REQUIRE(app::edit_event(events, *id, std::string("2026-04-10"), {}));
    CHECK(events.events.at(*id).edited);
    CHECK(events.events.at(*id).occurred_at == make_time(2026, 4, 10));

    FakeSources sources;
    FakeItems items;
    Source s;
    s.id = 1;
    s.name = "meta-blog";
    s.url = "https://ai.meta.com/blog/rss.xml";
    sources.sources.push_back(s);
    auto judged = app::sources_with_health(sources, items, make_time(2026, 4, 9));
    REQUIRE(judged);
    REQUIRE(judged->size() == 1);
    CHECK(judged->front().health.flag == app::HealthFlag::NeverFetched);
}

TEST_CASE("extraction runs on the six aggregates it declares, none of them a Store", "[app][extract][narrow]") {
    // The bundled taxonomy and rules; the context's own store is not used.
    auto data = app::open_context({":memory:", test::bundled_data(), {}});
    REQUIRE(data);
    Taxonomy taxonomy = data->taxonomy;
    const app::ExtractInputs inputs{taxonomy, data->rules, data->classifier};

    FakeSources sources;
    FakeItems items;
    FakeEvents events;
    FakeCandidates candidates;
    FakeEntities entities;
    FakeSettings settings;
    const app::ExtractStores stores{sources, items, events, candidates, entities, settings};
    Source board = test::make_source("lmarena-news");
    board.id = 1;
    board.lab.reset();
    Source lab = test::make_source("meta-newsroom");
    lab.id = 2;
    sources.sources = {board, lab};
    // The ranking is stored before the post that introduces its model (as in extract_order_test).
    items.add(1, test::make_item("b1", "Muse Glint enters the Text Arena leaderboard at #5",
                                 "After 9,000 votes it sits between two frontier models.", 9));
    items.add(2, test::make_item("m1", "Introducing Muse Glint, our new multimodal model",
                                 "Muse Glint is available today in the Meta AI app.", 8));

    auto summary = app::extract_new_items(stores, inputs);
    REQUIRE(summary);
    CHECK(summary->items_seen == 2);
    CHECK(summary->discovered_models == 1);
    REQUIRE(entities.discovered.size() == 1);
    CHECK(entities.discovered.front().slug == "muse-glint");
    CHECK(std::any_of(taxonomy.models.begin(), taxonomy.models.end(),
                      [](const ModelInfo& m) { return m.slug == "muse-glint"; }));
    CHECK(summary->new_events == static_cast<int>(events.events.size()));
    CHECK(std::any_of(events.events.begin(), events.events.end(), [](const auto& e) {
        return e.second.kind == EventKind::ThirdPartyEval && e.second.model == "muse-glint";
    }));
    CHECK(std::none_of(candidates.candidates.begin(), candidates.candidates.end(),
                       [](const Candidate& c) { return c.model == "muse-glint"; }));
    CHECK(settings.values.at("extract.last_item_id") == "2");

    // The watermark holds: nothing new, nothing read again.
    const auto before = events.events.size();
    auto again = app::extract_new_items(stores, inputs);
    REQUIRE(again);
    CHECK(again->items_seen == 0);
    CHECK(events.events.size() == before);
}

namespace {

/// Source 1, a file:// feed of one item: a lab introducing a model nobody tracked yet.
Source meta_feed_source(const test::TempDir& dir) {
    const auto feed = dir / "meta.xml";
    std::ofstream out(feed);
    out << "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Meta newsroom</title>"
           "<link>https://about.fb.com/news/</link><item><title>Introducing Muse Glint, our new multimodal "
           "model</title><link>https://about.fb.com/news/muse-glint</link><guid>m1</guid>"
           "<pubDate>Wed, 08 Apr 2026 12:00:00 GMT</pubDate><description>Muse Glint is available today in the "
           "Meta AI app.</description></item></channel></rss>";
    Source lab = test::make_source("meta-newsroom");
    lab.id = 1;
    lab.url = "file://" + feed.string();
    return lab;
}

/// One worker's view of the shared leases: every host is free and every lock had; what the
/// round claims, gives back and locks is recorded.
class FakeWorkers final : public store::WorkerStore {
public:
    explicit FakeWorkers(FakeSources& sources) : sources_(sources) {}

    std::vector<std::int64_t> released;
    int locks = 0;
    int unlocks = 0;

    Result<std::vector<Source>> claim_due_sources(std::string_view, TimePoint now, std::chrono::seconds,
                                                  int limit) override {
        std::vector<Source> due;
        for (const auto& s : sources_.sources) {
            if ((!s.due_at || *s.due_at <= now) && static_cast<int>(due.size()) < limit) {
                due.push_back(s);
            }
        }
        return due;
    }
    Result<int> renew_leases(std::string_view, TimePoint) override { return unused(); }
    Status release_lease(std::string_view, std::int64_t source_id) override {
        released.push_back(source_id);
        return ok();
    }
    Result<bool> complete_fetch(std::string_view, const Source&, const store::FetchLogEntry&) override {
        return unused();
    }
    Result<bool> try_reserve_host(std::string_view, std::int64_t, std::int64_t) override { return true; }
    Status hold_host(std::string_view, std::int64_t) override { return unused(); }
    Result<bool> try_lock(std::string_view, std::string_view, TimePoint, std::chrono::seconds) override {
        ++locks;
        return true;
    }
    Status unlock(std::string_view, std::string_view) override {
        ++unlocks;
        return ok();
    }

private:
    FakeSources& sources_;
};

static_assert(!std::is_base_of_v<store::Store, FakeWorkers>);

/// Counts the batches a fetch opens and commits.
class CountingBatch final : public store::WriteBatch {
public:
    explicit CountingBatch(int& commits) : commits_(commits) {}
    Status commit() override {
        ++commits_;
        return ok();
    }

private:
    int& commits_;
};

/// What a fetch round and a worker round read: the bundled context, one alert rule for every new
/// event, a file:// feed of Meta's, and fakes of every aggregate the round declares.
struct NarrowRoundFixture {
    test::TempDir dir;
    Result<app::AppContext> data = app::open_context({":memory:", test::bundled_data(), {}});
    Taxonomy taxonomy = data ? data->taxonomy : Taxonomy{};
    std::vector<AlertRule> rules = {every_event_rule(dir)};
    FakeSources sources;
    FakeItems items;
    FakePrices prices;
    FakeSettings settings;
    FakeEvents events;
    FakeCandidates candidates;
    FakeEntities entities;
    FakeAnswersAndAlerts alerts;

    NarrowRoundFixture() { sources.sources = {meta_feed_source(dir)}; }
    app::RoundInputs inputs() {
        return {{taxonomy, data->rules, data->classifier}, {taxonomy, data->questions, rules}};
    }
    app::FetchStores fetch_stores(app::BatchOpener batches) {
        return {sources,           items, prices, settings, events, candidates, entities, (dir / "fw.db").string(),
                std::move(batches)};
    }

    static AlertRule every_event_rule(const test::TempDir& dir) {
        AlertRule rule;
        rule.id = "everything";
        rule.name = "every new event";
        rule.channels = {"atom:" + (dir / "alerts.atom").string()};
        return rule;
    }
};

}  // namespace

TEST_CASE("a fetch round runs on the aggregates it declares and a batch opener, none of them a Store",
          "[app][round][narrow]") {
    NarrowRoundFixture f;
    REQUIRE(f.data);
    const app::RoundInputs inputs = f.inputs();
    int opened = 0;
    int committed = 0;
    const app::BatchOpener batches = [&]() -> Result<std::unique_ptr<store::WriteBatch>> {
        ++opened;
        return std::unique_ptr<store::WriteBatch>(std::make_unique<CountingBatch>(committed));
    };
    // Not a shared location: the single-user fetch policy lets a file:// source be read.
    const app::RoundStores stores{f.fetch_stores(batches), f.alerts};
    app::FetchRequest req;
    req.all = true;
    req.now = make_time(2026, 4, 9);
    req.read_articles = false;  // no network

    auto round = app::run_fetch_round(stores, inputs, req);
    REQUIRE(round);
    REQUIRE(round->fetched.sources.size() == 1);
    CHECK(round->fetched.sources[0].status == FetchStatus::Ok);
    CHECK(round->fetched.sources[0].new_items == 1);
    REQUIRE(f.items.items.size() == 1);
    CHECK(f.items.items[0].entry.title == "Introducing Muse Glint, our new multimodal model");
    REQUIRE(f.sources.log.size() == 1);
    CHECK(f.sources.sources[0].health.last_fetch_at == req.now);
    CHECK(opened >= 1);
    CHECK(committed == opened);
    // Derived, answered and alerted in the same round.
    REQUIRE_FALSE(round->fetched.new_event_ids.empty());
    CHECK(round->fetched.new_events == static_cast<int>(f.events.events.size()));
    CHECK(f.settings.values.at("extract.last_item_id") == "1");
    CHECK(round->answered.warnings.empty());
    CHECK(f.alerts.answers.size() == f.data->questions.size());
    CHECK(round->answered.alerts.matched == static_cast<int>(round->fetched.new_event_ids.size()));
    CHECK(f.alerts.alerts.deliveries.size() == round->fetched.new_event_ids.size());

    // The same feed again: nothing new to derive or alert.
    auto again = app::run_fetch_round(stores, inputs, req);
    REQUIRE(again);
    CHECK(again->fetched.sources[0].new_items == 0);
    CHECK(again->fetched.new_event_ids.empty());
    CHECK(again->answered.alerts.matched == 0);
    CHECK(f.sources.log.size() == 2);
}

TEST_CASE("the fetch policy needs the settings and the store's location only", "[app][secrets][narrow]") {
    // A shared store's strict defaults, checked without a PostgreSQL server.
    FakeSettings settings;
    const std::string shared = "postgresql://watcher@db.example/fw";
    CHECK(app::is_shared_location(shared));
    CHECK(app::is_shared_location("POSTGRES://db.example/fw"));
    CHECK_FALSE(app::is_shared_location("/home/me/.local/share/frontierwatch/fw.db"));
    const auto strict = app::fetch_policy(settings, shared);
    CHECK_FALSE(strict.allow_file_urls);
    CHECK_FALSE(strict.allow_private_networks);
    CHECK(strict.refuse_userinfo);
    CHECK(strict.where == "on a shared store");
    CHECK_FALSE(app::url_to_store(shared, "https://me:pw@example.com/feed", nullptr));

    auto set = app::set_policy_setting(settings, shared, app::kAllowPrivateNetworks, "10.0.0.0/8");
    REQUIRE(set);
    CHECK(settings.values.at(std::string(app::kAllowPrivateNetworks)) == "10.0.0.0/8");
    CHECK(app::describe_fetch_policy(settings, shared) ==
          "shared store: file:// sources refused; private networks refused except 10.0.0.0/8; URLs with "
          "user:password refused");
    auto files = app::policy_setting(settings, shared, app::kAllowFileUrls);
    REQUIRE(files);
    CHECK(files->value == "false");
    CHECK(files->is_default);
}

TEST_CASE("a worker's round runs on the aggregates it declares and a WorkerStore, none of them a Store",
          "[app][worker][narrow]") {
    NarrowRoundFixture f;
    REQUIRE(f.data);
    const app::RoundInputs inputs = f.inputs();
    // f.entities' load_taxonomy fails: the round keeps the taxonomy it has
    FakeWorkers workers(f.sources);
    const app::WorkerStores stores{{f.fetch_stores({}), f.alerts}, workers};
    app::WorkerOptions options;
    options.worker_id = "w1";  // no db_location: no second connection renewing leases
    options.lock_wait = std::chrono::seconds(1);
    const TimePoint now = make_time(2026, 4, 9);

    auto round = app::run_worker_round(stores, inputs, options, now);
    REQUIRE(round);
    CHECK(round->claimed == 1);
    CHECK(round->deferred == 0);
    REQUIRE(round->fetched.sources.size() == 1);
    CHECK(round->fetched.sources[0].status == FetchStatus::Ok);
    CHECK(workers.released == std::vector<std::int64_t>{1});  // the lease given back after the fetch
    CHECK(round->derived);
    CHECK(workers.locks == 1);
    CHECK(workers.unlocks == 1);
    CHECK(round->warnings.empty());
    CHECK(round->new_events > 0);
    CHECK(round->new_events == static_cast<int>(f.events.events.size()));
    CHECK(round->alerts_sent == round->new_events);
    CHECK(f.alerts.answers.size() == f.data->questions.size());

    // The fetch moved the source's due time on: nothing to claim, nothing new to derive.
    auto again = app::run_worker_round(stores, inputs, options, now);
    REQUIRE(again);
    CHECK(again->claimed == 0);
    CHECK(again->derived);
    CHECK(again->new_events == 0);
    CHECK(f.sources.log.size() == 1);
}

TEST_CASE("sources are added and edited through a SourceStore, the location and the taxonomy alone",
          "[app][sources][narrow]") {
    auto data = app::open_context({":memory:", test::bundled_data(), {}});
    REQUIRE(data);
    FakeSources sources;
    const app::SourceCatalog shared{sources, "postgresql://watcher@db.example/fw", data->taxonomy};
    auto refused = app::add_source(
        shared, {"https://me:pw@example.com/feed.xml", SourceKind::Feed, std::string("x"), std::nullopt, std::nullopt});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Invalid);
    CHECK(sources.sources.empty());

    const app::SourceCatalog mine{sources, "/home/me/fw.db", data->taxonomy};
    auto unknown_lab = app::add_source(mine, {"https://example.com/feed.xml", SourceKind::Feed, std::string("x"),
                                              std::string("no-such-lab"), std::nullopt});
    REQUIRE_FALSE(unknown_lab);
    CHECK(unknown_lab.error().code == ErrorCode::Usage);
    auto added = app::add_source(mine, {"https://example.com/feed.xml", SourceKind::Feed, std::string("meta-feed"),
                                        std::string("meta"), std::string("1h")});
    REQUIRE(added);
    REQUIRE(sources.sources.size() == 1);
    CHECK(sources.sources[0].every_seconds == 3600);

    // What was learnt about the source stays through an edit.
    sources.sources[0].health.last_fetch_at = make_time(2026, 4, 8);
    sources.sources[0].due_at = make_time(2026, 4, 9);
    app::SourceEdit edit;
    edit.name = "meta-news";
    auto edited = app::edit_source(mine, "meta-feed", edit);
    REQUIRE(edited);
    CHECK(sources.sources[0].name == "meta-news");
    CHECK(sources.sources[0].health.last_fetch_at == make_time(2026, 4, 8));
    CHECK(sources.sources[0].due_at == make_time(2026, 4, 9));
    CHECK(app::edit_source(mine, "meta-feed", edit).error().code == ErrorCode::NotFound);
}

namespace {

/// One side of a merge on fakes: the four aggregates merge_stores declares, nothing more.
struct MergeSide {
    FakeSources sources;
    FakeItems items;
    FakeEvents events;
    FakeAlerts alerts;

    MergeSide() { items.names = &sources; }
    app::MergeStores stores() { return {sources, items, events, alerts}; }
};

}  // namespace

TEST_CASE("a merge runs on the sources, items, events and alerts it declares, none of them a Store",
          "[app][merge][narrow]") {
    MergeSide from, to;
    Source feed = test::make_source("lab-blog");
    REQUIRE(from.sources.add_source(feed));
    feed.name = "team-lab-blog";  // the same URL under the team's name
    REQUIRE(to.sources.add_source(feed));
    // An item that changed once in the origin: both texts travel, oldest first.
    REQUIRE(from.items.upsert_items(1, std::vector<Item>{test::make_item("g1", "First text")}));
    REQUIRE(from.items.upsert_items(1, std::vector<Item>{test::make_item("g1", "Second text")}));
    Event curated_there;
    curated_there.kind = EventKind::ModelRelease;
    curated_there.dedupe_key = "model_release|orbit-2";
    curated_there.review = Review::Confirmed;
    curated_there.evidence = {Evidence{1, "https://example.org/g1", "lab-blog", "", std::nullopt}};
    REQUIRE(from.events.upsert_event(curated_there));
    Event automatic_here = curated_there;
    automatic_here.review = Review::Auto;
    automatic_here.evidence.clear();
    REQUIRE(to.events.upsert_event(automatic_here));
    AlertDelivery alert;
    alert.key = "new-release|event:1|log";
    alert.event_id = 1;
    REQUIRE(from.alerts.record_alert(alert));

    auto report = app::merge_stores(from.stores(), to.stores());
    REQUIRE(report);
    CHECK(report->sources_matched == 1);
    CHECK(report->sources_added == 0);
    CHECK(report->items_added == 1);
    CHECK(report->events_merged == 1);
    CHECK(report->curation_taken == 1);
    CHECK(report->alerts_added == 1);
    REQUIRE(to.items.items.size() == 1);
    CHECK(to.items.items[0].version == 2);
    CHECK(to.items.older[to.items.items[0].id].size() == 1);
    // The evidence and the delivery point at the target's ids.
    CHECK(to.events.events.at(1).evidence.back().item_id == to.items.items[0].id);
    CHECK(to.alerts.deliveries.at(0).event_id == std::optional<std::int64_t>(1));

    auto again = app::merge_stores(from.stores(), to.stores());
    REQUIRE(again);
    CHECK(again->items_added == 0);
    CHECK(again->items_unchanged == 1);
    CHECK(again->events_added == 0);
    CHECK(again->alerts_added == 0);
}

namespace {

/// One side of a copy on fakes: the seven aggregates copy_stores declares, and its counts read
/// from them as the store counts its tables.
struct CopySide {
    std::string location;
    FakeSources sources;
    FakeItems items;
    FakeEvents events;
    FakeEntities entities;
    FakePrices prices;
    FakeAlerts alerts;
    FakeSettings settings;

    explicit CopySide(std::string where) : location(std::move(where)) {}
    app::CopyStores stores() {
        return {sources, items, events, entities, prices, alerts, settings, location, [this] { return counts(); }};
    }
    Result<store::StoreCounts> counts() const {
        store::StoreCounts c;
        c.sources = static_cast<std::int64_t>(sources.sources.size());
        c.items = static_cast<std::int64_t>(items.items.size());
        for (const auto& [id, versions] : items.older) {
            c.item_versions += static_cast<std::int64_t>(versions.size());
        }
        c.events = static_cast<std::int64_t>(events.events.size());
        for (const auto& [id, e] : events.events) {
            c.evidence += static_cast<std::int64_t>(e.evidence.size());
        }
        for (const auto& [symbol, bars] : prices.bars) {
            c.prices += static_cast<std::int64_t>(bars.size());
        }
        c.entities = static_cast<std::int64_t>((entities.taxonomy ? entities.taxonomy->models.size() : 0) +
                                               entities.discovered.size());
        c.alerts = static_cast<std::int64_t>(alerts.deliveries.size());
        c.fetch_log = static_cast<std::int64_t>(sources.log.size());
        return c;
    }
};

/// An analyst's store with something in every aggregate a copy moves. A source purged first
/// makes the origin's ids differ from the target's.
void fill_copy_origin(CopySide& from) {
    REQUIRE(from.sources.add_source(test::make_source("purged")));
    REQUIRE(from.sources.remove_source("purged", true));
    auto blog = from.sources.add_source(test::make_source("lab-blog"));
    auto gone = from.sources.add_source(test::make_source("gone"));
    REQUIRE(blog);
    REQUIRE(gone);
    REQUIRE(*blog == 2);
    REQUIRE(from.items.upsert_items(*blog, std::vector<Item>{test::make_item("g1", "First text")}));
    REQUIRE(from.items.upsert_items(*blog, std::vector<Item>{test::make_item("g1", "Second text")}));
    Item orphan = test::make_item("orphan", "kept after removal");
    orphan.source_name = "gone";  // as the store names an item's source when reading it
    auto orphan_stats = from.items.upsert_items(*gone, std::vector<Item>{orphan});
    REQUIRE(orphan_stats);
    REQUIRE(from.sources.remove_source("gone", false));

    Event release = test::make_event("model_release|orbit-2", "Orbit 2");
    release.evidence = {Evidence{1, "https://example.org/g1", "lab-blog", "", std::nullopt}};
    Event weights = test::make_event("weights_release|orbit-2", "Orbit 2 weights");
    weights.evidence = {Evidence{2, "https://example.org/orphan", "gone", "", std::nullopt}};
    REQUIRE(from.events.upsert_event(release));
    REQUIRE(from.events.upsert_event(weights));

    AlertDelivery alert;
    alert.key = "releases|event:1|webhook:https://hooks.example.org/T0/secret";
    alert.rule_id = "releases";
    alert.event_id = 1;
    alert.channel = "webhook:https://hooks.example.org/T0/secret";
    REQUIRE(from.alerts.record_alert(alert));
    QuestionAnswer answer;
    answer.id = "q1";
    answer.text = "Released?";
    answer.status = QuestionStatus::Yes;
    answer.evidence = {1};
    REQUIRE(from.alerts.save_answers(std::vector<QuestionAnswer>{answer}));

    store::FetchLogEntry log;
    log.source_id = *blog;
    log.started_at = make_time(2026, 4, 9);
    log.status = FetchStatus::NotModified;
    log.http_status = 304;
    REQUIRE(from.sources.log_fetch(log));
    REQUIRE(from.settings.set_setting("extract.last_item_id", std::to_string(orphan_stats->touched_ids.front())));
    REQUIRE(from.settings.set_setting("fetch.allow_file_urls", "false"));
    REQUIRE(from.settings.set_setting("gui.last_visit", "2026-04-09"));

    Taxonomy files;
    ModelInfo listed;
    listed.slug = "muse-spark";
    files.models.push_back(listed);
    REQUIRE(from.entities.save_taxonomy(files));
    ModelInfo found;
    found.slug = "found-in-a-feed";
    REQUIRE(from.entities.add_discovered_model(found));
    PriceBar bar;
    bar.symbol = "META";
    bar.date = day_of(make_time(2026, 4, 8));
    bar.close = 512.5;
    REQUIRE(from.prices.upsert_prices(std::vector<PriceBar>{bar}));
}

const Event& event_keyed(const FakeEvents& events, std::string_view key) {
    auto it = std::find_if(events.events.begin(), events.events.end(),
                           [&](const auto& e) { return e.second.dedupe_key == key; });
    REQUIRE(it != events.events.end());
    return it->second;
}

}  // namespace

TEST_CASE("a copy runs on the seven aggregates it declares and their counts, none of them a Store",
          "[app][copy][narrow]") {
    CopySide from("analyst.db");
    CopySide to("postgresql://team@db.example/fw");
    fill_copy_origin(from);
    std::vector<std::string> progress;

    auto report =
        app::copy_stores(from.stores(), to.stores(), [&](const std::string& line) { progress.push_back(line); });
    REQUIRE(report);
    CHECK(app::count_differences(report->from, report->to).empty());
    CHECK(report->to.sources == 1);
    CHECK(report->to.items == 2);
    CHECK(report->to.item_versions == 1);
    CHECK(report->to.events == 2);
    CHECK(report->to.evidence == 2);
    CHECK(report->to.prices == 1);
    CHECK(report->to.entities == 2);
    CHECK(report->to.alerts == 1);
    CHECK(report->to.fetch_log == 1);
    CHECK(progress == std::vector<std::string>{"sources 1", "items 2", "events 2"});

    // Sources under the target's ids; the removed one comes back as a hidden tombstone.
    REQUIRE(to.sources.sources.size() == 1);
    const Source& blog = to.sources.sources[0];
    CHECK(blog.name == "lab-blog");
    CHECK(blog.id == 1);
    REQUIRE(to.sources.removed.size() == 1);
    CHECK(to.sources.removed[0].name == "gone");
    CHECK(to.sources.removed[0].url == "removed:gone");
    REQUIRE(to.sources.log.size() == 1);
    CHECK(to.sources.log[0].source_id == blog.id);
    CHECK(to.sources.log[0].http_status == 304);

    // The changed item keeps both texts, oldest first; the orphan is its tombstone's.
    auto g1 =
        std::find_if(to.items.items.begin(), to.items.items.end(), [](const Item& i) { return i.native_id == "g1"; });
    auto orphan = std::find_if(to.items.items.begin(), to.items.items.end(),
                               [](const Item& i) { return i.native_id == "orphan"; });
    REQUIRE(g1 != to.items.items.end());
    REQUIRE(orphan != to.items.items.end());
    CHECK(g1->source_id == blog.id);
    CHECK(g1->version == 2);
    CHECK(g1->entry.title == "Second text");
    REQUIRE(to.items.older[g1->id].size() == 1);
    CHECK(to.items.older[g1->id][0].entry.title == "First text");
    CHECK(orphan->source_id == to.sources.removed[0].id);

    // Events, evidence, the answer, the alert and the watermark name the target's ids.
    const Event& release = event_keyed(to.events, "model_release|orbit-2");
    const Event& weights = event_keyed(to.events, "weights_release|orbit-2");
    CHECK(release.evidence.at(0).item_id == g1->id);
    CHECK(weights.evidence.at(0).item_id == orphan->id);
    REQUIRE(to.alerts.answers.size() == 1);
    CHECK(to.alerts.answers[0].evidence == std::vector<std::int64_t>{release.id});
    REQUIRE(to.alerts.deliveries.size() == 1);
    CHECK(to.alerts.deliveries[0].event_id == std::optional<std::int64_t>(release.id));
    CHECK(to.alerts.deliveries[0].key.find("/T0/secret") == std::string::npos);  // no webhook URL stored
    CHECK(to.settings.values.at("extract.last_item_id") == std::to_string(orphan->id));
    CHECK(to.settings.values.at("gui.last_visit") == "2026-04-09");
    CHECK(to.settings.values.count("fetch.allow_file_urls") == 0);  // the target's own policy

    // The taxonomy from the files, the discovered model as discovered, the prices.
    REQUIRE(to.entities.taxonomy);
    REQUIRE(to.entities.taxonomy->models.size() == 1);
    CHECK(to.entities.taxonomy->models[0].slug == "muse-spark");
    CHECK(to.entities.discovered_models().value() == std::vector<std::string>{"found-in-a-feed"});
    CHECK(to.prices.price_symbols().value() == std::vector<std::string>{"META"});

    // Copying again: the target now holds data and is refused, unchanged.
    auto again = app::copy_stores(from.stores(), to.stores());
    REQUIRE_FALSE(again);
    CHECK(again.error().code == ErrorCode::Invalid);
    CHECK(again.error().context == "postgresql://team@db.example/fw");
    CHECK(to.items.items.size() == 2);
}

TEST_CASE("a copy whose counts differ afterwards fails naming the tables and both stores", "[app][copy][narrow]") {
    CopySide from("analyst.db");
    CopySide to("team.db");
    fill_copy_origin(from);
    app::CopyStores target = to.stores();
    int reads = 0;
    target.counts = [&]() -> Result<store::StoreCounts> {
        auto c = to.counts();
        if (c && reads++ > 0) {
            c->events -= 1;  // the target lost an event on its way in
        }
        return c;
    };
    auto copied = app::copy_stores(from.stores(), target);
    REQUIRE_FALSE(copied);
    CHECK(copied.error().code == ErrorCode::Storage);
    CHECK(copied.error().message == "copy incomplete, counts differ: events 2 != 1");
    CHECK(copied.error().context == "analyst.db -> team.db");
}

TEST_CASE("article reading is switched per source through a SourceStore and a SettingStore alone",
          "[app][sources][narrow]") {
    FakeSources sources;
    FakeSettings settings;
    REQUIRE(sources.add_source(test::make_source("lab-blog")));
    REQUIRE(sources.add_source(test::make_source("other-blog")));
    CHECK(app::reads_articles(settings, sources.sources[0]).value());  // on unless switched off

    REQUIRE(app::set_read_articles(sources, settings, "lab-blog", false));
    CHECK_FALSE(app::reads_articles(settings, sources.sources[0]).value());
    CHECK(app::reads_articles(settings, sources.sources[1]).value());
    // Kept by the source's id: a renamed source keeps it.
    sources.sources[0].name = "lab-news";
    CHECK_FALSE(app::reads_articles(settings, sources.sources[0]).value());
    REQUIRE(app::set_read_articles(sources, settings, "lab-news", true));
    CHECK(app::reads_articles(settings, sources.sources[0]).value());

    const auto writes = settings.writes;
    auto unknown = app::set_read_articles(sources, settings, "lab-blog", false);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == ErrorCode::NotFound);
    CHECK(unknown.error().context == "lab-blog");
    CHECK(settings.writes == writes);
}

TEST_CASE("the taxonomy is written through an EntityStore and a SettingStore only when the files change",
          "[app][context][narrow]") {
    FakeEntities entities;
    FakeSettings settings;
    Taxonomy files;
    ModelInfo spark;
    spark.slug = "muse-spark";
    files.models.push_back(spark);

    auto first = app::sync_taxonomy(entities, settings, files, false);
    REQUIRE(first);
    CHECK(entities.saves == 1);
    CHECK(settings.values.at(app::kTaxonomyHashKey) == app::taxonomy_hash(files));
    REQUIRE(first->models.size() == 1);

    // A model a fetch discovered lives in the store only: it comes back beside the files' models,
    // and the unchanged files write nothing (a reading command leaves the database untouched).
    ModelInfo found;
    found.slug = "found-in-a-feed";
    REQUIRE(entities.add_discovered_model(found));
    const int writes = settings.writes;
    auto unchanged = app::sync_taxonomy(entities, settings, files, false);
    REQUIRE(unchanged);
    CHECK(entities.saves == 1);
    CHECK(settings.writes == writes);
    REQUIRE(unchanged->models.size() == 2);
    CHECK(unchanged->models[1].slug == "found-in-a-feed");

    // `init` forces the write; changed files write by themselves, with their new hash.
    REQUIRE(app::sync_taxonomy(entities, settings, files, true));
    CHECK(entities.saves == 2);
    ModelInfo glint;
    glint.slug = "muse-glint";
    files.models.push_back(glint);
    auto changed = app::sync_taxonomy(entities, settings, files, false);
    REQUIRE(changed);
    CHECK(entities.saves == 3);
    CHECK(settings.values.at(app::kTaxonomyHashKey) == app::taxonomy_hash(files));
    CHECK(changed->models.size() == 3);
}
