#include "ui/views/event_columns.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QTableView>
#include <algorithm>

#include "ui/models/event_table_model.h"

namespace fw::ui {

void layoutEventColumns(QTableView* table) {
    auto* header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->moveSection(header->visualIndex(EventTableModel::Title), EventTableModel::ColumnCount - 1);
    header->setStretchLastSection(true);
    // Fixed widths from typical values, not ResizeToContents: that would measure every loaded
    // row again on each batch of a 100k-event table.
    const QFontMetrics cells(table->font());
    const QFontMetrics heads(header->font());
    const std::pair<int, const char*> samples[] = {
        {EventTableModel::Date, "2026-11-12"},        {EventTableModel::Kind, "weights_release"},
        {EventTableModel::Lab, "anthropic"},          {EventTableModel::Model, "muse-spark-1-1"},
        {EventTableModel::Surface, "meta-model-api"}, {EventTableModel::ReviewState, "confirmed"},
        {EventTableModel::Confidence, "0.00"},
    };
    for (const auto& [column, sample] : samples) {
        const QString head = table->model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        // Room for the cell margins and, in the header, the sort arrow.
        const int width =
            std::max(cells.horizontalAdvance(QString::fromLatin1(sample)) + 12, heads.horizontalAdvance(head) + 24);
        header->resizeSection(column, width);
    }
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->verticalHeader()->setDefaultSectionSize(cells.height() + 8);
}

}  // namespace fw::ui
