#include "ui/charts/chart_util.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QPalette>
#include <QValueAxis>
#include <algorithm>
#include <array>

#include "ui/qt_text.h"

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

QColor surfaceCategoryColor(const QString& category) {
    static const std::array<std::pair<const char*, const char*>, 6> known = {{{"monetizable", "#d62728"},
                                                                              {"engagement", "#1f77b4"},
                                                                              {"hardware", "#9467bd"},
                                                                              {"developer", "#2ca02c"},
                                                                              {"enterprise", "#ff7f0e"},
                                                                              {"unknown", "#999999"}}};
    for (const auto& [name, colour] : known) {
        if (category == QLatin1String(name))
            return QColor(QLatin1String(colour));
    }
    // A user's own category: a hue none of the above uses, the same one on every run.
    static const std::array<const char*, 4> extra = {"#8c564b", "#e377c2", "#17becf", "#bcbd22"};
    unsigned sum = 0;
    for (const QChar c : category)
        sum = sum * 31u + c.unicode();
    return QColor(QLatin1String(extra[sum % extra.size()]));
}

std::vector<Day> dayTicks(Day first, Day last, int max_labels) {
    std::vector<Day> out;
    if (last < first || max_labels < 1)
        return out;
    const int span = static_cast<int>((last - first).count());
    for (int step : {1, 2, 7, 14}) {
        if (span / step + 1 <= max_labels) {
            for (Day d = first; d <= last; d += std::chrono::days(step))
                out.push_back(d);
            return out;
        }
    }
    using namespace std::chrono;
    const year_month first_month{year_month_day(first).year(), year_month_day(first).month()};
    for (int step : {1, 2, 3, 6, 12, 24, 60, 120}) {
        // The first of each step-th month inside the range (the first one on or after `first`).
        year_month m = year_month_day(first).day() == day(1) ? first_month : first_month + months(1);
        std::vector<Day> ticks;
        for (; Day(m / 1) <= last; m += months(step))
            ticks.push_back(Day(m / 1));
        if (static_cast<int>(ticks.size()) <= max_labels)
            return ticks;
    }
    return {first, last};
}

QCategoryAxis* makeDayAxis(QChart* chart, Day first, Day last, int max_labels) {
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const double from = chartMs(TimePoint(first)), to = chartMs(TimePoint(last));
    axis->setStartValue(from);
    for (Day d : dayTicks(first, last, max_labels)) {
        axis->append(qs(format_date(d)), chartMs(TimePoint(d)));
    }
    axis->setRange(from, std::max(to, from + 1.0));
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

}  // namespace fw::ui
