#include "ui/models/event_list_model.h"

#include <algorithm>

#include "ui/qt_text.h"

namespace fw::ui {

EventListModel::EventListModel(QObject* parent) : QAbstractListModel(parent) {}

void EventListModel::setRows(Events events, std::vector<const Event*> rows) {
    beginResetModel();
    events_ = std::move(events);
    rows_ = std::move(rows);
    shown_ = std::min(kBatch, static_cast<int>(rows_.size()));
    endResetModel();
}

const Event* EventListModel::eventAt(int row) const {
    return row >= 0 && row < shown_ ? rows_[static_cast<std::size_t>(row)] : nullptr;
}

int EventListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : shown_;
}

QVariant EventListModel::data(const QModelIndex& index, int role) const {
    const Event* e = eventAt(index.row());
    if (!e || role != Qt::DisplayRole) {
        return {};
    }
    return QStringLiteral("%1  %2  %3")
        .arg(qs(format_date(e->occurred_at)), qs(std::string(to_string(e->kind))), qs(e->title));
}

bool EventListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && shown_ < static_cast<int>(rows_.size());
}

void EventListModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) {
        return;
    }
    const int more = std::min(kBatch, static_cast<int>(rows_.size()) - shown_);
    beginInsertRows({}, shown_, shown_ + more - 1);
    shown_ += more;
    endInsertRows();
}

}  // namespace fw::ui
