#include "support/catch.h"
#include "ui/gui_options.h"

using fw::ui::GuiExit;
using fw::ui::GuiOptions;
using fw::ui::parseGuiOptions;
using fw::ui::ViewId;

TEST_CASE("the GUI command line takes --db, --view and --screenshot", "[ui][options]") {
    const auto parsed =
        parseGuiOptions({"frontierwatch-gui", "--db", "/tmp/x.db", "--view", "market", "--screenshot", "out.png"});
    REQUIRE(std::holds_alternative<GuiOptions>(parsed));
    const auto& o = std::get<GuiOptions>(parsed);
    CHECK(o.db == "/tmp/x.db");
    CHECK(o.view == ViewId::Market);
    CHECK(o.view_given);
    CHECK(o.screenshot == "out.png");
}

TEST_CASE("without options the dashboard opens on the default database", "[ui][options]") {
    const auto parsed = parseGuiOptions({"frontierwatch-gui"});
    REQUIRE(std::holds_alternative<GuiOptions>(parsed));
    const auto& o = std::get<GuiOptions>(parsed);
    CHECK(o.db.isEmpty());
    CHECK(o.view == ViewId::Dashboard);
    CHECK_FALSE(o.view_given);
    CHECK(o.screenshot.isEmpty());
}

TEST_CASE("an unknown view is a usage error naming it", "[ui][options]") {
    const auto parsed = parseGuiOptions({"frontierwatch-gui", "--view", "charts"});
    REQUIRE(std::holds_alternative<GuiExit>(parsed));
    CHECK(std::get<GuiExit>(parsed).code == 2);
    CHECK(std::get<GuiExit>(parsed).message.contains("charts"));
}

TEST_CASE("an unknown option is a usage error", "[ui][options]") {
    const auto parsed = parseGuiOptions({"frontierwatch-gui", "--frobnicate"});
    REQUIRE(std::holds_alternative<GuiExit>(parsed));
    CHECK(std::get<GuiExit>(parsed).code == 2);
}

TEST_CASE("the GUI's --help prints the views and exits 0", "[ui][options]") {
    const auto parsed = parseGuiOptions({"frontierwatch-gui", "--help"});
    REQUIRE(std::holds_alternative<GuiExit>(parsed));
    CHECK(std::get<GuiExit>(parsed).code == 0);
    CHECK(std::get<GuiExit>(parsed).message.contains("rollout"));
    // The usage line names the program (help2man makes the man page's synopsis from it).
    CHECK(std::get<GuiExit>(parsed).message.startsWith("Usage: frontierwatch-gui "));
}

TEST_CASE("every view name maps back to its view", "[ui][options]") {
    for (ViewId id : fw::ui::allViews()) {
        const auto back = fw::ui::viewFromName(fw::ui::viewName(id));
        REQUIRE(back.has_value());
        CHECK(*back == id);
    }
    CHECK(fw::ui::allViews().size() == 9);
}

TEST_CASE("the GUI's --db option takes a postgresql:// URL verbatim, as the CLI does", "[ui][options]") {
    const QString url = QStringLiteral("postgresql://fw:secret@db.example:5433/frontier?sslmode=require");
    const auto parsed = parseGuiOptions({"frontierwatch-gui", "--db", url});
    REQUIRE(std::holds_alternative<GuiOptions>(parsed));
    CHECK(std::get<GuiOptions>(parsed).db == url);
    CHECK(fw::ui::isServerUrl(url));
    CHECK(fw::ui::isServerUrl(QStringLiteral("postgres://h/db")));
    CHECK_FALSE(fw::ui::isServerUrl(QStringLiteral("/home/me/postgresql://x.db")));
    CHECK_FALSE(fw::ui::isServerUrl(QStringLiteral("frontierwatch.db")));
}

TEST_CASE("an unreachable server's message says what to check; a file's does not", "[ui][options]") {
    const QString server = fw::ui::openFailureMessage(QStringLiteral("postgresql://h/db"),
                                                      QStringLiteral("postgresql://h/db: cannot connect"));
    CHECK(server.contains("cannot connect"));
    CHECK(server.contains("PostgreSQL server running"));
    const QString file = fw::ui::openFailureMessage(QStringLiteral("/x/y.db"), QStringLiteral("/x/y.db: no such dir"));
    CHECK(file.contains("no such dir"));
    CHECK_FALSE(file.contains("PostgreSQL"));
}
