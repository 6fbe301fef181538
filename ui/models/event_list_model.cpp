#include "ui/models/event_list_model.h"

#include "ui/qt_text.h"

namespace fw::ui {

EventListModel::EventListModel(QObject* parent) : BatchedEventRows(parent) {}

QVariant EventListModel::data(const QModelIndex& index, int role) const {
    const Event* e = eventAt(index.row());
    if (!e || role != Qt::DisplayRole) {
        return {};
    }
    return QStringLiteral("%1  %2  %3")
        .arg(qs(format_date(e->occurred_at)), qs(std::string(to_string(e->kind))), qs(e->title));
}

}  // namespace fw::ui
