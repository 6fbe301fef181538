// The use cases narrowed to one aggregate's interface (issue 15) run on in-memory fakes that
// implement that interface and nothing else. The fakes are not a store::Store: if a service went
// back to taking the whole facade, this file would stop compiling.

#include <algorithm>
#include <map>
#include <type_traits>

#include "app/alert_service.h"
#include "app/candidate_service.h"
#include "app/event_service.h"
#include "app/source_health.h"
#include "store/store_fixtures.h"
#include "support/catch.h"

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

    Result<std::vector<QuestionAnswer>> save_answers(std::span<const QuestionAnswer>) override { return unused(); }
    Result<std::vector<QuestionAnswer>> load_answers() override { return unused(); }
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

class FakeSources final : public store::SourceStore {
public:
    std::vector<Source> sources;

    Result<std::int64_t> add_source(const Source&) override { return unused(); }
    Result<std::vector<Source>> list_sources() override { return sources; }
    Result<std::optional<Source>> find_source(std::string_view) override { return unused(); }
    Status remove_source(std::string_view, bool) override { return unused(); }
    Status save_source_state(const Source&) override { return unused(); }
    Status update_source(const Source&) override { return unused(); }
    Status log_fetch(const store::FetchLogEntry&) override { return unused(); }
    Result<std::vector<store::FetchLogEntry>> fetch_log() override { return unused(); }
};

class FakeItems final : public store::ItemStore {
public:
    Result<store::UpsertStats> upsert_items(std::int64_t, std::span<const Item>) override { return unused(); }
    Result<std::vector<Item>> list_items(const store::ItemQuery&) override { return std::vector<Item>{}; }
    Result<std::vector<Item>> items_by_ids(std::span<const std::int64_t>) override { return unused(); }
    Result<std::vector<Item>> item_versions(std::int64_t) override { return unused(); }
};

// The fakes must stay narrow: one made a Store to silence a compile error would prove nothing.
static_assert(!std::is_base_of_v<store::Store, FakeEvents> && !std::is_base_of_v<store::Store, FakeAlerts> &&
              !std::is_base_of_v<store::Store, FakeCandidates> && !std::is_base_of_v<store::Store, FakeSources>);

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
