#include "ui/models/event_table_model.h"

#include <algorithm>

#include "ui/qt_text.h"

namespace fw::ui {

EventTableModel::EventTableModel(QObject* parent) : BatchedEventRows(parent) {}

void EventTableModel::setEvents(std::vector<Event> events) {
    auto shared = std::make_shared<const std::vector<Event>>(std::move(events));
    std::vector<const Event*> rows;
    rows.reserve(shared->size());
    for (const Event& e : *shared)
        rows.push_back(&e);
    setEvents(std::move(shared), std::move(rows));
}

int EventTableModel::rowOfId(std::int64_t id) const {
    for (int r = 0; r < shown(); ++r) {
        if (eventAt(r)->id == id) {
            return r;
        }
    }
    return -1;
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
    std::stable_sort(rows().begin(), rows().end(), [&](const Event* a, const Event* b) {
        return order == Qt::AscendingOrder ? lessBy(column, *a, *b) : lessBy(column, *b, *a);
    });
    // Sorting restarts the lazy window: the first batch of the new order.
    restartBatches();
    endResetModel();
}

}  // namespace fw::ui
