#include "ui/models/source_table_model.h"

#include <QApplication>
#include <QStyle>

#include "ui/qt_text.h"

namespace fw::ui {

SourceTableModel::SourceTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void SourceTableModel::setSources(std::vector<Source> sources) {
    beginResetModel();
    sources_ = std::move(sources);
    endResetModel();
}

const Source* SourceTableModel::sourceAt(int row) const {
    if (row < 0 || row >= static_cast<int>(sources_.size())) {
        return nullptr;
    }
    return &sources_[static_cast<std::size_t>(row)];
}

int SourceTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(sources_.size());
}

int SourceTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceTableModel::display(const Source& s, int column) const {
    const auto& h = s.health;
    switch (column) {
        case Name:
            return qs(s.name);
        case Kind:
            return qs(std::string(to_string(s.kind)));
        case Lab:
            return qs(s.lab);
        case LastFetch:
            return h.last_fetch_at ? qs(format_rfc3339(*h.last_fetch_at)) : tr("never");
        case Status: {
            QString text = h.last_status ? qs(std::string(to_string(*h.last_status))) : QString();
            if (h.http_status) {
                text += QStringLiteral(" (HTTP %1)").arg(*h.http_status);
            }
            return text;
        }
        case Failures:
            return h.consecutive_failures;
        case NewestItem:
            return dateText(h.newest_item_at);
        case Url:
            return qs(s.url);
        default:
            return {};
    }
}

QVariant SourceTableModel::data(const QModelIndex& index, int role) const {
    const Source* s = sourceAt(index.row());
    if (!s) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        return display(*s, index.column());
    }
    if (role == Qt::DecorationRole && index.column() == Name) {
        // Standard icons follow the platform theme (light or dark).
        const bool failing = s->health.consecutive_failures > 0;
        const bool never = !s->health.last_fetch_at;
        const auto icon = failing ? QStyle::SP_MessageBoxWarning
                          : never ? QStyle::SP_MessageBoxQuestion
                                  : QStyle::SP_DialogApplyButton;
        return QApplication::style()->standardIcon(icon);
    }
    if (role == Qt::ToolTipRole && s->health.last_error) {
        return QStringLiteral("<p>%1</p>").arg(qs(s->health.last_error).toHtmlEscaped());
    }
    return {};
}

QVariant SourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    static const char* names[] = {"Name", "Kind", "Lab", "Last fetch", "Status", "Failures", "Newest item", "URL"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

}  // namespace fw::ui
