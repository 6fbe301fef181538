#pragma once
// Small helpers shared by the chart views: a chart view that follows the system palette
// (light or dark), and axis construction.

#include <QChart>
#include <QChartView>
#include <QColor>
#include <QString>
#include <vector>

#include "domain/time.h"

class QCategoryAxis;
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

/// The colour of a surface category, the same hue as the HTML report's swimlanes
/// (report/svg_charts.cpp): one per category the bundled taxonomy knows, grey for "unknown", and
/// a stable pick from four more hues for a category a user adds. Set explicitly because the chart
/// themes cycle five colours, so a sixth series would repeat the first one's blue.
QColor surfaceCategoryColor(const QString& category);

/// The days a date axis from `first` to `last` labels: at most `max_labels`, each day once, on a
/// step of 1, 2, 7 or 14 days from `first`, or on the first of every 1, 2, 3, 6 or 12 months
/// (a QDateTimeAxis puts its ticks at fractions of the range, so a short range repeats a day).
std::vector<Day> dayTicks(Day first, Day last, int max_labels);

/// A date axis (milliseconds, like chartMs) from `first` to `last` labelled yyyy-MM-dd at
/// dayTicks(first, last, max_labels).
QCategoryAxis* makeDayAxis(QChart* chart, Day first, Day last, int max_labels = 6);

}  // namespace fw::ui
