#include "ui/view_names.h"

#include <QObject>

namespace fw::ui {

const QList<ViewId>& allViews() {
    static const QList<ViewId> views{ViewId::Dashboard, ViewId::Timeline, ViewId::Rollout,
                                     ViewId::Evals,     ViewId::Openness, ViewId::People,
                                     ViewId::Market,    ViewId::Sources,  ViewId::Review};
    return views;
}

QString viewName(ViewId id) {
    switch (id) {
        case ViewId::Dashboard:
            return QStringLiteral("dashboard");
        case ViewId::Timeline:
            return QStringLiteral("timeline");
        case ViewId::Rollout:
            return QStringLiteral("rollout");
        case ViewId::Evals:
            return QStringLiteral("evals");
        case ViewId::Openness:
            return QStringLiteral("openness");
        case ViewId::People:
            return QStringLiteral("people");
        case ViewId::Market:
            return QStringLiteral("market");
        case ViewId::Sources:
            return QStringLiteral("sources");
        case ViewId::Review:
            return QStringLiteral("review");
    }
    return {};
}

QString viewTitle(ViewId id) {
    switch (id) {
        case ViewId::Dashboard:
            return QObject::tr("Dashboard");
        case ViewId::Timeline:
            return QObject::tr("Timeline");
        case ViewId::Rollout:
            return QObject::tr("Rollout");
        case ViewId::Evals:
            return QObject::tr("Eval lags");
        case ViewId::Openness:
            return QObject::tr("Open share");
        case ViewId::People:
            return QObject::tr("People");
        case ViewId::Market:
            return QObject::tr("Market");
        case ViewId::Sources:
            return QObject::tr("Sources");
        case ViewId::Review:
            return QObject::tr("Review");
    }
    return {};
}

std::optional<ViewId> viewFromName(const QString& name) {
    for (ViewId id : allViews()) {
        if (viewName(id) == name.trimmed().toLower()) {
            return id;
        }
    }
    return std::nullopt;
}

QStringList allViewNames() {
    QStringList names;
    for (ViewId id : allViews()) {
        names << viewName(id);
    }
    return names;
}

}  // namespace fw::ui
