// `sources edit` as a use case: what was learnt about a source (validators, health, schedule,
// items) survives an edit; a URL change drops only the validators; a refused edit changes
// nothing and names the source.

#include "app/source_service.h"
#include "support/catch.h"
#include "support/paths.h"
#include "support/temp_dir.h"

using namespace fw;

namespace {

struct SourceFixture {
    test::TempDir dir;
    app::AppContext ctx;
    Source learnt;  ///< "lab-blog" after a fetch: validators, health, schedule, one item

    SourceFixture() {
        auto opened = app::open_context({(dir / "fw.db").string(), test::bundled_data(), {}});
        REQUIRE(opened);
        ctx = std::move(*opened);
        auto added = app::add_source(ctx, {"https://example.org/feed.xml", SourceKind::Feed, std::string("lab-blog"),
                                           std::string("meta"), std::nullopt});
        REQUIRE(added);
        REQUIRE(app::add_source(ctx, {"https://example.org/other.xml", SourceKind::Feed, std::string("other"),
                                      std::nullopt, std::nullopt}));
        learnt = *added;
        learnt.validators = {"\"v1\"", "Tue, 01 Dec 2026 10:00:00 GMT"};
        learnt.interval_seconds = 7200;
        learnt.due_at = make_time(2026, 12, 2, 12);
        learnt.health.last_fetch_at = make_time(2026, 12, 2, 10);
        learnt.health.last_status = FetchStatus::Ok;
        learnt.health.http_status = 200;
        learnt.health.newest_item_at = make_time(2026, 12, 1);
        REQUIRE(ctx.store->save_source_state(learnt));
        Item item;
        item.native_id = "post-1";
        item.entry.id = "post-1";
        item.entry.title = "A post";
        item.entry.link = "https://example.org/post-1";
        item.fetched_at = make_time(2026, 12, 2, 10);
        item.content_hash = "h1";
        REQUIRE(ctx.store->upsert_items(learnt.id, std::vector<Item>{item}));
    }

    Source stored(const std::string& name) {
        auto s = ctx.store->find_source(name);
        REQUIRE(s);
        REQUIRE(s->has_value());
        return **s;
    }
};

}  // namespace

TEST_CASE("an edit keeps validators, health, schedule and items", "[app][sources]") {
    SourceFixture f;
    app::SourceEdit edit;
    edit.name = "meta-blog";
    edit.lab = "";
    edit.every = "6h";
    auto edited = app::edit_source(f.ctx, "lab-blog", edit);
    REQUIRE(edited);
    CHECK(edited->name == "meta-blog");

    const Source s = f.stored("meta-blog");
    CHECK(s.id == f.learnt.id);
    CHECK(!s.lab);
    CHECK(s.every_seconds == 6 * 3600);
    CHECK(s.interval_seconds == 6 * 3600);
    CHECK(s.url == f.learnt.url);
    CHECK(s.validators.etag == "\"v1\"");
    CHECK(s.validators.last_modified == "Tue, 01 Dec 2026 10:00:00 GMT");
    CHECK(s.due_at == f.learnt.due_at);
    CHECK(s.health.last_fetch_at == f.learnt.health.last_fetch_at);
    CHECK(s.health.http_status == 200);
    CHECK(s.health.newest_item_at == f.learnt.health.newest_item_at);
    store::ItemQuery q;
    q.source = "meta-blog";
    auto items = f.ctx.store->list_items(q);
    REQUIRE(items);
    REQUIRE(items->size() == 1);
    CHECK(items->front().native_id == "post-1");
    auto old = f.ctx.store->find_source("lab-blog");
    REQUIRE(old);
    CHECK(!old->has_value());
}

TEST_CASE("a new URL starts without validators but keeps the health", "[app][sources]") {
    SourceFixture f;
    app::SourceEdit edit;
    edit.url = "https://example.org/moved.xml";
    REQUIRE(app::edit_source(f.ctx, "lab-blog", edit));
    const Source s = f.stored("lab-blog");
    CHECK(s.url == "https://example.org/moved.xml");
    CHECK(s.validators.etag.empty());
    CHECK(s.validators.last_modified.empty());
    CHECK(s.health.last_fetch_at == f.learnt.health.last_fetch_at);
    CHECK(s.health.last_status == FetchStatus::Ok);
    CHECK(s.due_at == f.learnt.due_at);
    CHECK(s.lab == "meta");

    // The same URL again is no change: the validators stay.
    auto again = f.stored("lab-blog");
    again.validators = {"\"v2\"", ""};
    REQUIRE(f.ctx.store->save_source_state(again));
    REQUIRE(app::edit_source(f.ctx, "lab-blog", edit));
    CHECK(f.stored("lab-blog").validators.etag == "\"v2\"");
}

TEST_CASE("a refused edit names the source and changes nothing", "[app][sources]") {
    SourceFixture f;
    app::SourceEdit clash;
    clash.url = "https://example.org/elsewhere.xml";
    clash.name = "other";
    auto taken = app::edit_source(f.ctx, "lab-blog", clash);
    REQUIRE(!taken);
    CHECK(taken.error().code == ErrorCode::Invalid);
    CHECK(taken.error().describe().find("other") != std::string::npos);
    // Atomic: the URL given in the same edit was not written either.
    CHECK(f.stored("lab-blog").url == f.learnt.url);
    CHECK(f.stored("lab-blog").validators.etag == "\"v1\"");

    auto unknown = app::edit_source(f.ctx, "no-such-feed", clash);
    REQUIRE(!unknown);
    CHECK(unknown.error().code == ErrorCode::NotFound);
    CHECK(unknown.error().describe().find("no-such-feed") != std::string::npos);

    app::SourceEdit bad_lab;
    bad_lab.lab = "not-a-lab";
    auto lab = app::edit_source(f.ctx, "lab-blog", bad_lab);
    REQUIRE(!lab);
    CHECK(lab.error().describe().find("not-a-lab") != std::string::npos);
    CHECK(f.stored("lab-blog").lab == "meta");
}

TEST_CASE("a removed source's name stays reserved for its items", "[app][sources]") {
    SourceFixture f;
    REQUIRE(app::remove_source(f.ctx, "other", false));
    app::SourceEdit edit;
    edit.name = "other";
    auto renamed = app::edit_source(f.ctx, "lab-blog", edit);
    REQUIRE(!renamed);
    CHECK(renamed.error().code == ErrorCode::Invalid);
    auto listed = app::list_sources(f.ctx);
    REQUIRE(listed);
    REQUIRE(listed->size() == 1);
    CHECK(listed->front().name == "lab-blog");
}
