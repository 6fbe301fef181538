#include "ui/views/rollout_view.h"

#include <QCategoryAxis>
#include <QHeaderView>
#include <QScatterSeries>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <map>

#include "ui/charts/chart_util.h"
#include "ui/qt_text.h"
#include "ui/session.h"

namespace fw::ui {
namespace {

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);  // table items are plain text
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QString optNumber(const std::optional<int>& v) { return v ? QString::number(*v) : QObject::tr("open"); }

}  // namespace

RolloutView::RolloutView(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    chart_ = makeChartView(tr("Rollout: surfaces reached, days after launch"), this);
    table_ = new QTableWidget(0, 5, this);
    table_->setHorizontalHeaderLabels({tr("Model"), tr("Lab"), tr("Pattern"), tr("Surfaces in 30 days"),
                                       tr("Surfaces in 90 days")});
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(chart_, 3);
    layout->addWidget(table_, 1);
    connect(&session_.reports(), &ReportRunner::reportReady, this, &RolloutView::showReport);
    showReport();
}

void RolloutView::showReport() {
    const app::ReportResult* r = session_.report();
    if (!r) return;
    const auto& rollouts = r->report.rollout;
    QChart* chart = chart_->chart();
    resetChart(chart);
    // Lanes for models that reached at least one surface: the most recent kMaxLanes of them.
    std::vector<const analysis::ModelRollout*> lanes;
    for (const auto& m : rollouts) {
        if (!m.surfaces.empty()) lanes.push_back(&m);
    }
    const auto first = lanes.size() > kMaxLanes ? lanes.size() - kMaxLanes : 0;
    std::map<QString, QScatterSeries*> by_category;
    auto seriesFor = [&](const QString& name) {
        auto& s = by_category[name];
        if (!s) {
            s = new QScatterSeries;
            s->setName(name);
            s->setMarkerSize(11);
        }
        return s;
    };
    auto* yAxis = new QCategoryAxis;
    yAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    yAxis->setStartValue(-0.5);
    int maxDays = 30;
    for (std::size_t i = first; i < lanes.size(); ++i) {
        const auto& m = *lanes[i];
        const double lane = static_cast<double>(i - first);
        seriesFor(tr("launch"))->append(0, lane);
        for (const auto& s : m.surfaces) {
            seriesFor(qs(s.category.value_or("unknown")))->append(s.days_after_launch, lane);
            maxDays = std::max(maxDays, s.days_after_launch);
        }
        yAxis->append(qs(m.model), lane + 0.5);
    }
    auto* xAxis = makeValueAxis(chart, Qt::AlignBottom, tr("days after launch"));
    xAxis->setRange(-2, maxDays + 5);
    xAxis->setLabelFormat(QStringLiteral("%d"));
    yAxis->setRange(-0.5, std::max<double>(0.5, static_cast<double>(lanes.size() - first) - 0.5));
    chart->addAxis(yAxis, Qt::AlignLeft);
    for (auto& [name, series] : by_category) {
        chart->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    table_->setRowCount(static_cast<int>(rollouts.size()));
    for (std::size_t i = 0; i < rollouts.size(); ++i) {
        const auto& m = rollouts[i];
        const int row = static_cast<int>(i);
        table_->setItem(row, 0, cell(qs(m.model)));
        table_->setItem(row, 1, cell(qs(m.lab)));
        table_->setItem(row, 2, cell(qs(m.pattern)));
        table_->setItem(row, 3, cell(optNumber(m.breadth_30)));
        table_->setItem(row, 4, cell(optNumber(m.breadth_90)));
    }
}

}  // namespace fw::ui
