#include "ui/charts/chart_util.h"

#include <QApplication>
#include <QDateTimeAxis>
#include <QPalette>
#include <QValueAxis>

namespace fw::ui {

bool paletteIsDark() {
    const QPalette p = QApplication::palette();
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

void resetChart(QChart* chart) {
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    // Themes instead of hand-picked colours, so series stay readable in dark mode.
    chart->setTheme(paletteIsDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(QApplication::palette().color(QPalette::Base));
}

QChartView* makeChartView(const QString& title, QWidget* parent) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    resetChart(chart);
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

QDateTimeAxis* makeDateAxis(QChart* chart, const QString& title) {
    auto* axis = new QDateTimeAxis;
    axis->setFormat(QStringLiteral("yyyy-MM"));
    axis->setTitleText(title);
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

QValueAxis* makeValueAxis(QChart* chart, Qt::Alignment side, const QString& title) {
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    chart->addAxis(axis, side);
    return axis;
}

}  // namespace fw::ui
