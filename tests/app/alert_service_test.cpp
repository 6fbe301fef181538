#include <fstream>

#include "app/alert_service.h"
#include "support/catch.h"
#include "support/loopback_server.h"
#include "support/paths.h"
#include "support/temp_dir.h"

using namespace fw;
using fw::test::reply;

namespace {

struct AlertFixture {
    test::TempDir dir;
    app::AppContext ctx;
    test::LoopbackServer server;
    std::filesystem::path atom;

    AlertFixture() {
        auto opened = app::open_context({(dir / "fw.db").string(), test::bundled_data(), {}});
        REQUIRE(opened);
        ctx = std::move(*opened);
        atom = dir / "alerts.atom";
        AlertRule rule;
        rule.id = "releases";
        rule.name = "releases";
        rule.kinds = {"model_release"};
        rule.channels = {"terminal", "webhook:" + server.url("/hook"), "atom:" + atom.string()};
        ctx.alert_rules = {rule};
    }

    std::int64_t add_event(const std::string& model, const std::string& key) {
        Event e;
        e.kind = EventKind::ModelRelease;
        e.occurred_at = make_time(2026, 4, 8);
        e.lab = "meta";
        e.model = model;
        e.title = "Introducing " + model;
        e.dedupe_key = key;
        e.evidence.push_back({0, "https://ai.meta.com/blog/" + model, "meta", "", std::nullopt});
        auto id = ctx.store->upsert_event(e);
        REQUIRE(id);
        return *id;
    }

    app::AlertSummary deliver(const std::vector<std::int64_t>& ids) {
        auto s = app::deliver_alerts(ctx, ids, {}, make_time(2026, 4, 9));
        REQUIRE(s);
        return *s;
    }
};

}  // namespace

TEST_CASE("an alert goes out once on each channel, however often delivery runs", "[app][alerts]") {
    AlertFixture f;
    f.server.route("/hook", reply(200, "ok"));
    const auto id = f.add_event("muse-spark", "model_release|muse-spark");
    const auto first = f.deliver({id});
    CHECK(first.matched == 3);
    CHECK(first.sent == 3);
    CHECK(f.server.hits("/hook") == 1);
    const auto posted = f.server.requests("/hook").at(0).body;
    CHECK(posted.find("\"text\"") != std::string::npos);  // Slack-compatible
    CHECK(posted.find("muse-spark") != std::string::npos);
    CHECK(test::read_file(f.atom).find("Introducing muse-spark") != std::string::npos);

    const auto again = f.deliver({id});
    CHECK(again.matched == 0);
    CHECK(again.sent == 0);
    CHECK(f.server.hits("/hook") == 1);
}

TEST_CASE("a failing webhook is retried on the next run, then never again", "[app][alerts]") {
    AlertFixture f;
    f.server.route_sequence("/hook", {reply(503, "busy"), reply(200, "ok")});
    const auto id = f.add_event("muse-spark", "model_release|muse-spark");
    const auto first = f.deliver({id});
    CHECK(first.failed == 1);
    CHECK(first.sent == 2);  // terminal and Atom
    const auto retry = f.deliver({});
    CHECK(retry.sent == 1);
    CHECK(retry.failed == 0);
    CHECK(f.server.hits("/hook") == 2);
    CHECK(f.deliver({}).sent == 0);
    CHECK(f.server.hits("/hook") == 2);
}

TEST_CASE("a rebuilt event with a new id but the same fact is not alerted again", "[app][alerts]") {
    AlertFixture f;
    f.server.route("/hook", reply(200, "ok"));
    const auto id = f.add_event("muse-spark", "model_release|muse-spark");
    CHECK(f.deliver({id}).sent == 3);
    REQUIRE(f.ctx.store->delete_auto_events());
    const auto rebuilt = f.add_event("muse-spark", "model_release|muse-spark");
    (void)id;  // the id may even be reused; the key is the fact, not the row
    CHECK(f.deliver({rebuilt}).matched == 0);
    CHECK(f.server.hits("/hook") == 1);
    const auto other = f.add_event("muse-spark-1-1", "model_release|muse-spark-1-1");
    CHECK(f.deliver({other}).sent == 3);
    CHECK(f.server.hits("/hook") == 2);
}
