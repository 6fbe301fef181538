// --screenshot renders each view of the demo database into a PNG, offscreen, and exits 0.

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>

#include "support/catch.h"
#include "ui/main_window.h"
#include "ui_fixture.h"

using namespace fw;

TEST_CASE("the main window renders every view into a non-empty PNG", "[ui][screenshot]") {
    test::TempDir out;
    auto session = test::openSession(test::demoDatabase());
    ui::MainWindow window(*session);
    window.show();
    REQUIRE(ui::waitForReport(*session, 120000));
    for (ui::ViewId id : ui::allViews()) {
        window.showView(id);
        const auto file = QString::fromStdString((out / (ui::viewName(id).toStdString() + ".png")).string());
        REQUIRE(ui::writeScreenshot(window, file).isEmpty());
        QImage image(file);
        CHECK_FALSE(image.isNull());
        CHECK(image.width() > 200);
    }
}

TEST_CASE("frontierwatch-gui --screenshot writes the PNG and exits 0", "[ui][screenshot]") {
    test::TempDir out;
    const auto db = test::demoDatabase();
    for (const QString& view : {QStringLiteral("dashboard"), QStringLiteral("market")}) {
        const QString file = QString::fromStdString((out / (view.toStdString() + ".png")).string());
        QProcess gui;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("FW_DATA_DIR", QString::fromStdString(test::bundled_data().string()));
        gui.setProcessEnvironment(env);
        gui.start(FW_GUI_EXE, {"--db", QString::fromStdString(db.string()), "--view", view, "--screenshot", file});
        REQUIRE(gui.waitForFinished(120000));
        INFO(gui.readAllStandardError().toStdString());
        CHECK(gui.exitCode() == 0);
        QFile png(file);
        REQUIRE(png.open(QIODevice::ReadOnly));
        CHECK(png.read(8) == QByteArray("\x89PNG\r\n\x1a\n", 8));
        CHECK(png.size() > 1000);
    }
}

TEST_CASE("frontierwatch-gui rejects an unknown view with exit code 2", "[ui][screenshot]") {
    QProcess gui;
    gui.start(FW_GUI_EXE, {"--view", "nope"});
    REQUIRE(gui.waitForFinished(30000));
    CHECK(gui.exitCode() == 2);
    CHECK(gui.readAllStandardError().contains("nope"));
}

TEST_CASE("frontierwatch-gui exits 1 with a clear message when the database server is unreachable",
          "[ui][screenshot]") {
    test::TempDir out;
    const QString file = QString::fromStdString((out / "never.png").string());
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const QString url = QStringLiteral("postgresql://fw:hunter2@127.0.0.1:1/frontierwatch");
    QProcess gui;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    gui.setProcessEnvironment(env);
    gui.start(FW_GUI_EXE, {"--db", url, "--view", "dashboard", "--screenshot", file});
    REQUIRE(gui.waitForFinished(60000));
    const QString err = QString::fromLocal8Bit(gui.readAllStandardError());
    INFO(err.toStdString());
    CHECK(gui.exitCode() == 1);
    CHECK(err.contains("Cannot open the database"));
    CHECK(err.contains("127.0.0.1"));
    CHECK(err.contains("PostgreSQL"));
    CHECK_FALSE(err.contains("hunter2"));  // the password never reaches the screen
    CHECK_FALSE(QFile::exists(file));
}
