#pragma once
// Shows pending desktop alerts (app::pending_desktop_alerts) as system-tray notifications and
// marks each one sent. Without a system tray (e.g. offscreen) the alert goes to `shown` only,
// which the main window puts in its status bar.

#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace fw::ui {

class Session;

class TrayNotifier : public QObject {
    Q_OBJECT
public:
    explicit TrayNotifier(Session& session, QObject* parent = nullptr);

    /// Shows every pending desktop alert once and marks it sent. Returns how many were shown.
    int deliverPending();
    bool trayAvailable() const { return tray_ != nullptr; }

signals:
    void shown(const QString& title);

private:
    Session& session_;
    QSystemTrayIcon* tray_ = nullptr;
};

}  // namespace fw::ui
