#pragma once
// Shared set-up for the GUI tests: one QApplication, an isolated config folder, and sessions on
// a demo database (app::run_demo) or on an empty one filled by the test.

#include <QApplication>
#include <cstdlib>
#include <memory>
#include <string>

#include "app/demo.h"
#include "domain/time.h"
#include "support/paths.h"
#include "support/temp_dir.h"
#include "ui/screenshot.h"
#include "ui/session.h"

namespace fw::test {

/// The process's QApplication (offscreen via the suite's QT_QPA_PLATFORM), with XDG folders in
/// a temp dir so no test reads or writes the user's own settings.
inline QApplication& qtApp() {
    static TempDir xdg;
    static bool env_set = [] {
        ::setenv("XDG_CONFIG_HOME", (xdg.path() / "config").c_str(), 1);
        ::setenv("XDG_DATA_HOME", (xdg.path() / "data").c_str(), 1);
        ::setenv("QT_QPA_PLATFORM", "offscreen", 0);
        return true;
    }();
    (void)env_set;
    static int argc = 1;
    static char name[] = "fw_ui_tests";
    static char* argv[] = {name, nullptr};
    // Never destroyed: a function-static QApplication would die after Qt's own statics at exit.
    static auto* app = new QApplication(argc, argv);
    return *app;
}

inline std::unique_ptr<ui::Session> openSession(const std::filesystem::path& db) {
    qtApp();
    app::ContextOptions options;
    options.db = db.string();
    options.data_dir = bundled_data();
    auto session = ui::Session::open(options);
    if (!session) {
        FAIL("cannot open a session on " << db << ": " << session.error().message << " " << session.error().context);
    }
    return std::move(*session);
}

/// The demo database (the bundled snapshot through the real pipeline), made once per run.
inline std::filesystem::path demoDatabase() {
    static TempDir dir;
    static std::filesystem::path db;
    if (db.empty()) {
        qtApp();
        app::DemoOptions options;
        options.out_dir = dir.path();
        options.data_dir = bundled_data();
        options.now = make_time(2026, 4, 20);
        auto demo = app::run_demo(options);
        if (!demo) {
            FAIL("run_demo failed: " << demo.error().message << " " << demo.error().context);
        }
        db = demo->database;
    }
    return db;
}

}  // namespace fw::test
