#include "ui/tray_notifier.h"

#include <QApplication>
#include <QStyle>
#include <QSystemTrayIcon>

#include "app/alert_service.h"
#include "app/browse_service.h"
#include "ui/qt_text.h"
#include "ui/session.h"

namespace fw::ui {

TrayNotifier::TrayNotifier(Session& session, QObject* parent) : QObject(parent), session_(session) {
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray_ = new QSystemTrayIcon(QApplication::style()->standardIcon(QStyle::SP_ComputerIcon), this);
        tray_->setToolTip(QStringLiteral("Frontier Watch"));
        tray_->show();
    }
}

int TrayNotifier::deliverPending() {
    auto& ctx = session_.context();
    auto pending = app::pending_desktop_alerts(ctx);
    if (!pending) {
        return 0;
    }
    int shown_count = 0;
    for (AlertDelivery d : *pending) {
        // Tray messages are plain text; titles come from fetched content.
        const QString title = qs(d.title);
        if (tray_) {
            tray_->showMessage(QStringLiteral("Frontier Watch"), title, QSystemTrayIcon::Information);
        }
        emit shown(title);
        d.status = DeliveryStatus::Sent;
        d.attempts += 1;
        d.sent_at = nowSeconds();
        d.last_error.reset();
        (void)app::update_alert(ctx, d);
        ++shown_count;
    }
    return shown_count;
}

}  // namespace fw::ui
