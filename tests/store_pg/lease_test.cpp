// Worker coordination in the store: source leases, host bookings and named locks, on both
// backends, with two connections standing for two workers.

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "backends.h"

using fw::store::Store;
using fw::test::add_source;
using fw::test::on_both;
using Opener = std::function<std::unique_ptr<Store>()>;
using std::chrono::seconds;

namespace {

fw::TimePoint t0() {
    return fw::make_time(2026, 5, 1, 12);
}

std::set<std::int64_t> ids_of(const std::vector<fw::Source>& list) {
    std::set<std::int64_t> out;
    for (const auto& s : list) {
        out.insert(s.id);
    }
    return out;
}

}  // namespace

TEST_CASE("two workers never claim the same due source", "[store_pg][unit]") {
    on_both([](Store& a, const Opener& open) {
        for (int i = 0; i < 10; ++i) {
            add_source(a, "s" + std::to_string(i));
        }
        auto b = open();
        auto first = a.claim_due_sources("w1", t0(), seconds(60), 6);
        REQUIRE(first.has_value());
        CHECK(first->size() == 6);
        auto second = b->claim_due_sources("w2", t0(), seconds(60), 6);
        REQUIRE(second.has_value());
        CHECK(second->size() == 4);
        std::set<std::int64_t> both = ids_of(*first);
        for (auto id : ids_of(*second)) {
            CHECK(both.insert(id).second);
        }
        CHECK(both.size() == 10);
        CHECK(b->claim_due_sources("w2", t0(), seconds(60), 6)->size() == 4);  // its own again
        CHECK(a.renew_leases("w1", t0() + seconds(120)).value_or(-1) == 6);
    });
}

TEST_CASE("a source not yet due, or removed, is not claimed", "[store_pg][unit]") {
    on_both([](Store& s, const Opener&) {
        add_source(s, "later");
        add_source(s, "gone");
        auto later = **s.find_source("later");
        later.due_at = t0() + seconds(3600);
        REQUIRE(s.save_source_state(later).has_value());
        REQUIRE(s.remove_source("gone", false).has_value());
        CHECK(s.claim_due_sources("w", t0(), seconds(60), 10)->empty());
        CHECK(s.claim_due_sources("w", t0() + seconds(3600), seconds(60), 10)->size() == 1);
    });
}

TEST_CASE("a dead worker's lease expires and its source is taken over once", "[store_pg][unit]") {
    on_both([](Store& a, const Opener& open) {
        add_source(a, "feed");
        auto b = open();
        auto dead = a.claim_due_sources("dead", t0(), seconds(30), 10);
        REQUIRE(dead->size() == 1);
        CHECK(b->claim_due_sources("live", t0() + seconds(10), seconds(30), 10)->empty());
        auto taken = b->claim_due_sources("live", t0() + seconds(31), seconds(30), 10);
        REQUIRE(taken->size() == 1);

        fw::Source done = (*taken)[0];
        done.due_at = t0() + seconds(3600);
        fw::store::FetchLogEntry log;
        log.source_id = done.id;
        log.started_at = t0();
        log.status = fw::FetchStatus::Ok;
        // The dead worker waking up late records nothing; the live one records its fetch.
        CHECK_FALSE(a.complete_fetch("dead", done, log).value_or(true));
        CHECK(b->complete_fetch("live", done, log).value_or(false));
        CHECK_FALSE(b->complete_fetch("live", done, log).value_or(true));  // lease already ended
        CHECK(a.counts()->fetch_log == 1);
        CHECK(a.claim_due_sources("w", t0() + seconds(60), seconds(30), 10)->empty());
        CHECK((*a.find_source("feed"))->due_at == t0() + seconds(3600));
    });
}

TEST_CASE("a released source is due again for any worker", "[store_pg][unit]") {
    on_both([](Store& a, const Opener& open) {
        const auto id = add_source(a, "feed");
        auto b = open();
        REQUIRE(a.claim_due_sources("w1", t0(), seconds(300), 10)->size() == 1);
        REQUIRE(a.release_lease("w2", id).has_value());  // not its lease: no effect
        CHECK(b->claim_due_sources("w2", t0(), seconds(300), 10)->empty());
        REQUIRE(a.release_lease("w1", id).has_value());
        CHECK(b->claim_due_sources("w2", t0(), seconds(300), 10)->size() == 1);
    });
}

TEST_CASE("a host is booked by one worker at a time and a Retry-After holds it for all", "[store_pg][unit]") {
    on_both([](Store& a, const Opener& open) {
        auto b = open();
        const std::string host = "https://example.org:443";
        CHECK(a.try_reserve_host(host, 1000, 500).value_or(false));
        CHECK_FALSE(b->try_reserve_host(host, 1200, 500).value_or(true));
        CHECK(b->try_reserve_host(host, 1500, 500).value_or(false));
        CHECK(a.try_reserve_host("https://other.org:443", 1200, 500).value_or(false));
        REQUIRE(a.hold_host(host, 60000).has_value());
        REQUIRE(b->hold_host(host, 30000).has_value());  // never shortens a hold
        CHECK_FALSE(b->try_reserve_host(host, 59999, 10).value_or(true));
        CHECK(b->try_reserve_host(host, 60000, 10).value_or(false));
    });
}

TEST_CASE("a named lock has one holder until released or expired", "[store_pg][unit]") {
    on_both([](Store& a, const Opener& open) {
        auto b = open();
        CHECK(a.try_lock("derive", "w1", t0(), seconds(60)).value_or(false));
        CHECK(a.try_lock("derive", "w1", t0() + seconds(5), seconds(60)).value_or(false));
        CHECK_FALSE(b->try_lock("derive", "w2", t0() + seconds(30), seconds(60)).value_or(true));
        REQUIRE(b->unlock("derive", "w2").has_value());  // not its lock
        CHECK_FALSE(b->try_lock("derive", "w2", t0() + seconds(30), seconds(60)).value_or(true));
        REQUIRE(a.unlock("derive", "w1").has_value());
        CHECK(b->try_lock("derive", "w2", t0() + seconds(30), seconds(60)).value_or(false));
        CHECK(a.try_lock("derive", "w1", t0() + seconds(91), seconds(60)).value_or(false));
    });
}

TEST_CASE("concurrent claims over many sources hand each out once", "[store_pg][integration]") {
    on_both([](Store& setup, const Opener& open) {
        for (int i = 0; i < 200; ++i) {
            add_source(setup, "s" + std::to_string(i));
        }
        std::vector<std::set<std::int64_t>> got(4);
        std::atomic<bool> failed{false};
        std::vector<std::thread> threads;
        for (int w = 0; w < 4; ++w) {
            threads.emplace_back([&, w] {
                auto s = open();
                for (;;) {
                    auto c = s->claim_due_sources("w" + std::to_string(w), t0(), seconds(600), 7);
                    if (!c) {
                        failed = true;
                        return;
                    }
                    if (c->empty()) {
                        return;
                    }
                    for (auto& src : *c) {
                        got[static_cast<std::size_t>(w)].insert(src.id);
                        fw::Source done = src;
                        done.due_at = t0() + seconds(3600);
                        fw::store::FetchLogEntry log;
                        log.source_id = src.id;
                        log.started_at = t0();
                        log.status = fw::FetchStatus::Ok;
                        if (!s->complete_fetch("w" + std::to_string(w), done, log)) {
                            failed = true;
                        }
                    }
                }
            });
        }
        for (auto& t : threads) {
            t.join();
        }
        CHECK_FALSE(failed.load());
        std::set<std::int64_t> all;
        std::size_t total = 0;
        for (const auto& g : got) {
            total += g.size();
            all.insert(g.begin(), g.end());
        }
        CHECK(all.size() == 200);
        CHECK(total == 200);
        CHECK(setup.counts()->fetch_log == 200);
    });
}

TEST_CASE("two connections deriving the same event meet at its key", "[store_pg][integration]") {
    on_both([](Store& setup, const Opener& open) {
        (void)setup;
        std::atomic<int> errors{0};
        std::vector<std::thread> threads;
        std::set<std::int64_t> ids;
        std::mutex m;
        for (int w = 0; w < 3; ++w) {
            threads.emplace_back([&] {
                auto s = open();
                for (int i = 0; i < 40; ++i) {
                    auto id = s->upsert_event(fw::test::make_event("key" + std::to_string(i), "E"));
                    if (!id) {
                        ++errors;
                        continue;
                    }
                    std::lock_guard<std::mutex> lock(m);
                    ids.insert(*id);
                }
            });
        }
        for (auto& t : threads) {
            t.join();
        }
        CHECK(errors.load() == 0);
        CHECK(ids.size() == 40);
        CHECK(setup.counts()->events == 40);
    });
}
