// A fetch started from the GUI runs off the GUI thread: the event loop keeps turning (a QTimer
// keeps ticking) while a slow loopback server answers.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>

#include "app/source_service.h"
#include "support/catch.h"
#include "support/loopback_server.h"
#include "ui/views/sources_view.h"
#include "ui_fixture.h"

using namespace fw;

namespace {

const char* kFeed = R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Slow lab</title><link>http://127.0.0.1/</link>
<item><title>Slow model 1 released</title><link>http://127.0.0.1/a</link><guid>a</guid>
<pubDate>Wed, 08 Apr 2026 12:00:00 GMT</pubDate><description>hello</description></item>
</channel></rss>)";

}  // namespace

TEST_CASE("the event loop keeps ticking while a slow fetch runs", "[ui][fetch]") {
    test::TempDir dir;
    test::LoopbackServer server;
    auto slow = test::reply(200, kFeed, "application/rss+xml");
    slow.delay = std::chrono::milliseconds(1500);
    server.route("/slow.xml", slow);
    auto session = test::openSession(dir / "fetch.db");
    app::NewSource spec;
    spec.url = server.url("/slow.xml");
    spec.name = "slow-feed";
    REQUIRE(app::add_source(session->context(), spec));

    ui::SourcesView view(*session);
    int ticks = 0;
    qint64 longest_gap = 0;
    QElapsedTimer since_tick;
    since_tick.start();
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&] {
        ++ticks;
        longest_gap = std::max(longest_gap, since_tick.restart());
    });
    timer.start(20);
    QEventLoop loop;
    QObject::connect(&session->fetches(), &ui::FetchRunner::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    QElapsedTimer took;
    took.start();
    REQUIRE(view.fetchNow());
    CHECK_FALSE(view.progressBar()->isHidden());  // the progress bar is on while fetching
    CHECK_FALSE(view.fetchNow());                 // one fetch at a time
    loop.exec();
    timer.stop();

    REQUIRE_FALSE(session->fetches().running());
    CHECK(view.progressBar()->isHidden());
    CHECK(took.elapsed() >= 1400);  // the server's delay was really waited for
    CHECK(server.hits("/slow.xml") == 1);
    // ~75 ticks in 1.5 s if nothing blocks; a frozen loop would give one long gap instead.
    CHECK(ticks >= 30);
    CHECK(longest_gap < 500);
    const auto& outcome = session->fetches().lastOutcome();
    REQUIRE(outcome.ok);
    REQUIRE(outcome.summary.sources.size() == 1);
    CHECK(outcome.summary.sources[0].status == FetchStatus::Ok);
    CHECK(view.statusLabel()->text().contains("1 ok"));
}
