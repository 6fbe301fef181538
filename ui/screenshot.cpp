#include "ui/screenshot.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPixmap>
#include <QTimer>
#include <QWidget>

#include "ui/session.h"

namespace fw::ui {

bool waitForReport(Session& session, int timeout_ms) {
    auto& runner = session.reports();
    if (session.report() == nullptr && !runner.running()) {
        runner.request();
    }
    if (runner.running()) {
        QEventLoop loop;
        QObject::connect(&runner, &ReportRunner::reportReady, &loop, &QEventLoop::quit);
        QObject::connect(&runner, &ReportRunner::reportFailed, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeout_ms, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return session.report() != nullptr;
}

QString writeScreenshot(QWidget& widget, const QString& file) {
    // Let layouts settle and charts paint before grabbing.
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::processEvents();
    }
    const QPixmap pixmap = widget.grab();
    if (pixmap.isNull()) {
        return QStringLiteral("cannot render the window for %1").arg(file);
    }
    // Quality 0 asks for the strongest PNG compression: screenshots go into the docs.
    if (!pixmap.save(file, "PNG", 0)) {
        return QStringLiteral("cannot write the screenshot %1").arg(file);
    }
    return {};
}

}  // namespace fw::ui
