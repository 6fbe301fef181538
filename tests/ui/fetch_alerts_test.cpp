// A fetch started from the GUI sends its new events through the alert rules, in the worker:
// desktop deliveries appear through the tray notifier when the fetch finishes.

#include <QEventLoop>
#include <QTimer>
#include <filesystem>
#include <fstream>

#include "app/alert_service.h"
#include "app/source_service.h"
#include "support/catch.h"
#include "support/loopback_server.h"
#include "ui/main_window.h"
#include "ui/tray_notifier.h"
#include "ui_fixture.h"

using namespace fw;

namespace {

/// The bundled data with one alert rule: every event, on the desktop channel only.
std::filesystem::path dataWithDesktopRule(const std::filesystem::path& dir) {
    const auto data = dir / "data";
    std::filesystem::copy(test::bundled_data(), data, std::filesystem::copy_options::recursive);
    std::ofstream(data / "alerts.json", std::ios::trunc)
        << R"({"rules": [{"id": "all-desktop", "name": "Everything", "channels": ["desktop"]}]})";
    return data;
}

}  // namespace

TEST_CASE("a GUI fetch delivers its new events' desktop alerts to the tray", "[ui][fetch]") {
    test::TempDir dir;
    test::LoopbackServer server;
    server.route("/news.xml",
                 test::reply(200, test::read_file(test::test_data("cli/meta_newsroom.xml")), "application/rss+xml"));
    test::qtApp();
    app::ContextOptions options;
    options.db = (dir / "alerts.db").string();
    options.data_dir = dataWithDesktopRule(dir.path());
    auto opened = ui::Session::open(options);
    REQUIRE(opened);
    auto& session = **opened;
    app::NewSource spec;
    spec.url = server.url("/news.xml");
    spec.name = "meta-news";
    spec.lab = "meta";
    REQUIRE(app::add_source(session.context(), spec));

    ui::MainWindow window(session);
    REQUIRE(ui::waitForReport(session, 120000));
    QStringList shown;
    QObject::connect(window.tray(), &ui::TrayNotifier::shown, [&](const QString& t) { shown << t; });
    QEventLoop loop;
    QObject::connect(&session.fetches(), &ui::FetchRunner::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    REQUIRE(session.fetches().start());
    loop.exec();

    const auto& outcome = session.fetches().lastOutcome();
    REQUIRE(outcome.ok);
    INFO(outcome.alert_error.toStdString());
    CHECK(outcome.alert_error.isEmpty());
    REQUIRE(outcome.summary.new_events >= 1);
    // One desktop delivery per new event, recorded by the worker and shown once by the window.
    CHECK(outcome.alerts.matched == static_cast<int>(outcome.summary.new_event_ids.size()));
    CHECK(shown.size() == outcome.alerts.matched);
    auto pending = app::pending_desktop_alerts(session.context());
    REQUIRE(pending);
    CHECK(pending->empty());
}
