// frontierwatch-gui: the desktop program (see the contract's "Desktop program").

#include <QApplication>
#include <QMessageBox>
#include <cstdio>
#include <exception>

#include "app/browse_service.h"
#include "ui/gui_options.h"
#include "ui/main_window.h"
#include "ui/screenshot.h"
#include "ui/session.h"

namespace {

QStringList rawArguments(int argc, char** argv) {
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

int run(int argc, char** argv) {
    const auto parsed = fw::ui::parseGuiOptions(rawArguments(argc, argv));
    if (const auto* exit = std::get_if<fw::ui::GuiExit>(&parsed)) {
        std::fprintf(exit->code == 0 ? stdout : stderr, "%s\n", qPrintable(exit->message));
        return exit->code;
    }
    const auto& options = std::get<fw::ui::GuiOptions>(parsed);
    const bool screenshot = !options.screenshot.isEmpty();
    // A screenshot needs no display: fall back to offscreen rendering when there is none.
    if (screenshot && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("frontierwatch"));
    QApplication::setApplicationName(QStringLiteral("frontierwatch-gui"));

    fw::app::ContextOptions ctx_options;
    ctx_options.db = options.db.toStdString();
    if (!options.data_dir.isEmpty())
        ctx_options.data_dir = options.data_dir.toStdString();
    fw::ui::applyConnectTimeout(options.db);
    auto session = fw::ui::Session::open(ctx_options);
    if (!session) {
        // The error names the database; a URL's password is already left out of it.
        const QString msg = fw::ui::openFailureMessage(options.db, QString::fromStdString(session.error().describe()));
        std::fprintf(stderr, "frontierwatch-gui: %s\n", qPrintable(msg));
        if (!screenshot)
            QMessageBox::critical(nullptr, QStringLiteral("Frontier Watch"), msg);
        return 1;
    }
    fw::ui::MainWindow window(**session);
    if (!screenshot)
        window.restoreLayout();
    // A database on a network share works, but the user should move it (robustness.md S5).
    for (const auto& warning : fw::app::store_warnings((*session)->context())) {
        std::fprintf(stderr, "frontierwatch-gui: warning: %s\n", warning.c_str());
        if (!screenshot) {
            QMessageBox::warning(&window, QStringLiteral("Frontier Watch"), QString::fromStdString(warning));
        }
    }
    if (options.view_given || screenshot)
        window.showView(options.view);
    window.show();
    if (!screenshot)
        return QApplication::exec();

    if (!fw::ui::waitForReport(**session, 120000)) {
        std::fprintf(stderr, "frontierwatch-gui: no report for the screenshot: %s\n",
                     qPrintable((*session)->reports().lastError()));
    }
    const QString error = fw::ui::writeScreenshot(window, options.screenshot);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "frontierwatch-gui: %s\n", qPrintable(error));
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "frontierwatch-gui: unexpected error: %s\n", e.what());
        return 1;
    }
}
