#pragma once
// --screenshot: render a view once (also offscreen), after its report arrived, into a PNG.

#include <QString>

class QWidget;

namespace fw::ui {

class Session;

/// Runs the event loop until the session's report is ready or failed, or `timeout_ms` passed.
/// Returns true when a report is available.
bool waitForReport(Session& session, int timeout_ms);

/// Grabs the widget into `file` (PNG). Returns "" or the error text naming the file.
QString writeScreenshot(QWidget& widget, const QString& file);

}  // namespace fw::ui
