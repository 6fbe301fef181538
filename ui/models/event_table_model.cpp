#include "ui/models/event_table_model.h"

#include <algorithm>

#include "ui/qt_text.h"

namespace fw::ui {

EventTableModel::EventTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void EventTableModel::setEvents(std::vector<Event> events) {
    auto shared = std::make_shared<const std::vector<Event>>(std::move(events));
    std::vector<const Event*> rows;
    rows.reserve(shared->size());
    for (const Event& e : *shared)
        rows.push_back(&e);
    setEvents(std::move(shared), std::move(rows));
}

void EventTableModel::setEvents(Events events, std::vector<const Event*> rows) {
    beginResetModel();
    events_ = std::move(events);
    rows_ = std::move(rows);
    shown_ = std::min(kBatch, static_cast<int>(rows_.size()));
    endResetModel();
}

const Event* EventTableModel::eventAt(int row) const {
    if (row < 0 || row >= shown_) {
        return nullptr;
    }
    return rows_[static_cast<std::size_t>(row)];
}

int EventTableModel::rowOfId(std::int64_t id) const {
    for (int r = 0; r < shown_; ++r) {
        if (rows_[static_cast<std::size_t>(r)]->id == id) {
            return r;
        }
    }
    return -1;
}

int EventTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : shown_;
}

int EventTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::display(const Event& e, int column) const {
    switch (column) {
        case Date:
            return qs(format_date(e.occurred_at));
        case Kind:
            return qs(std::string(to_string(e.kind)));
        case Lab:
            return qs(e.lab);
        case Model:
            return qs(e.model);
        case Surface:
            return qs(e.surface);
        case Title:
            return qs(e.title);
        case ReviewState:
            return qs(std::string(to_string(e.review))) + (e.edited ? tr(" (edited)") : QString());
        case Confidence:
            return QString::number(e.confidence, 'f', 2);
        default:
            return {};
    }
}

QVariant EventTableModel::data(const QModelIndex& index, int role) const {
    const Event* e = eventAt(index.row());
    if (!e) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        return display(*e, index.column());
    }
    if (role == Qt::ToolTipRole && index.column() == Title) {
        // Qt renders a tooltip as rich text when it looks like HTML: wrap the escaped title so a
        // fetched "<img src=...>" is shown as text and never loaded.
        return QStringLiteral("<p>%1</p>").arg(qs(e->title).toHtmlEscaped());
    }
    if (role == Qt::UserRole) {
        return QVariant::fromValue(static_cast<qlonglong>(e->id));
    }
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Confidence) {
        return tr("Extraction confidence, 0 to 1");
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    // "Conf." keeps the column narrow; the tooltip spells it out.
    static const char* names[] = {"Date", "Kind", "Lab", "Model", "Surface", "Title", "Review", "Conf."};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

bool EventTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && shown_ < static_cast<int>(rows_.size());
}

void EventTableModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) {
        return;
    }
    const int more = std::min(kBatch, static_cast<int>(rows_.size()) - shown_);
    beginInsertRows({}, shown_, shown_ + more - 1);
    shown_ += more;
    endInsertRows();
}

namespace {

const std::string& text(const std::optional<std::string>& o) {
    static const std::string empty;
    return o ? *o : empty;
}

/// Column order without copying strings: sorting 100k events stays well under a second.
bool lessBy(int column, const Event& a, const Event& b) {
    switch (column) {
        case EventTableModel::Kind:
            return to_string(a.kind) < to_string(b.kind);
        case EventTableModel::Lab:
            return text(a.lab) < text(b.lab);
        case EventTableModel::Model:
            return text(a.model) < text(b.model);
        case EventTableModel::Surface:
            return text(a.surface) < text(b.surface);
        case EventTableModel::Title:
            return a.title < b.title;
        case EventTableModel::ReviewState:
            return to_string(a.review) < to_string(b.review);
        case EventTableModel::Confidence:
            return a.confidence < b.confidence;
        default:
            return a.occurred_at < b.occurred_at;
    }
}

}  // namespace

void EventTableModel::sort(int column, Qt::SortOrder order) {
    beginResetModel();
    std::stable_sort(rows_.begin(), rows_.end(), [&](const Event* a, const Event* b) {
        return order == Qt::AscendingOrder ? lessBy(column, *a, *b) : lessBy(column, *b, *a);
    });
    // Sorting restarts the lazy window: the first batch of the new order.
    shown_ = std::min(kBatch, static_cast<int>(rows_.size()));
    endResetModel();
}

}  // namespace fw::ui
