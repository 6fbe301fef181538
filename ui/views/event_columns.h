#pragma once
// Column layout shared by the event tables (timeline, review): the short columns get widths
// that fit their usual content, and the title moves to the end and takes all the room left, so
// it stays readable at 1280 px instead of wrapping in a narrow column.

class QTableView;

namespace fw::ui {

/// Applies the layout to a table whose model is an EventTableModel.
void layoutEventColumns(QTableView* table);

}  // namespace fw::ui
