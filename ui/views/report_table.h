#pragma once

#include <QStringList>
#include <QTableWidget>

namespace fw::ui {

/// A small read-only report table: one column per header, columns sized to their content so
/// names and licences are not cut, the last one stretched, no row numbers.
QTableWidget* makeReportTable(const QStringList& headers, QWidget* parent);

}  // namespace fw::ui
