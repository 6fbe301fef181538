#pragma once
// Small helpers shared by the chart views: a chart view that follows the system palette
// (light or dark), and axis construction.

#include <QChart>
#include <QChartView>
#include <QString>

class QDateTimeAxis;
class QValueAxis;

namespace fw::ui {

/// A chart view with antialiasing whose chart theme matches the widget palette.
QChartView* makeChartView(const QString& title, QWidget* parent);
/// Removes every series and axis from the chart and re-applies the palette theme.
void resetChart(QChart* chart);
/// True when the application palette is dark (window colour darker than its text).
bool paletteIsDark();
QDateTimeAxis* makeDateAxis(QChart* chart, const QString& title);
QValueAxis* makeValueAxis(QChart* chart, Qt::Alignment side, const QString& title);

}  // namespace fw::ui
