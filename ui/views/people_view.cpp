#include "ui/views/people_view.h"

#include "ui/views/report_table.h"

#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QHeaderView>
#include <QLineSeries>
#include <QTableWidget>
#include <QVBoxLayout>
#include <limits>

#include "ui/charts/chart_util.h"
#include "ui/qt_text.h"
#include "ui/session.h"

namespace fw::ui {
namespace {

QTableWidgetItem* people_cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

}  // namespace

PeopleView::PeopleView(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    chart_ = makeChartView(tr("Tenure of tracked people"), this);
    chart_->chart()->legend()->hide();  // the lane labels name each line
    flows_ = makeReportTable({tr("Lab"), tr("Quarter"), tr("Arrivals"), tr("Departures")}, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(chart_, 3);
    layout->addWidget(flows_, 1);
    connect(&session_.reports(), &ReportRunner::reportReady, this, &PeopleView::showReport);
    showReport();
}

void PeopleView::showReport() {
    const app::ReportResult* r = session_.report();
    if (!r)
        return;
    QChart* chart = chart_->chart();
    resetChart(chart);
    chart->legend()->hide();
    auto* x = makeDateAxis(chart, {});
    x->setFormat(QStringLiteral("yyyy"));
    auto* y = new QCategoryAxis;
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    y->setStartValue(-0.5);
    chart->addAxis(y, Qt::AlignLeft);
    double lo = std::numeric_limits<double>::max();
    const double hi = chartMs(r->report.as_of);
    int lane = 0;
    for (const auto& t : r->report.people.tenures) {
        if (!t.since || lane >= kMaxLines)
            continue;  // a stay without a start has no line
        auto* series = new QLineSeries;
        series->setName(qs(t.name));
        series->append(chartMs(*t.since), lane);
        series->append(chartMs(t.left_at.value_or(r->report.as_of)), lane);
        lo = std::min(lo, chartMs(*t.since));
        chart->addSeries(series);  // the theme colours it here; then only widen the pen
        QPen pen = series->pen();
        pen.setWidth(5);
        series->setPen(pen);
        series->attachAxis(x);
        series->attachAxis(y);
        y->append(QStringLiteral("%1 (%2)").arg(qs(t.name), qs(t.org)), lane + 0.5);
        ++lane;
    }
    y->setRange(-0.5, std::max(0.5, lane - 0.5));
    if (lane > 0) {
        x->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(lo)),
                    QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(hi)));
    }
    const auto& flows = r->report.people.flows;
    flows_->setRowCount(static_cast<int>(flows.size()));
    for (std::size_t i = 0; i < flows.size(); ++i) {
        const int row = static_cast<int>(i);
        flows_->setItem(row, 0, people_cell(qs(flows[i].lab)));
        flows_->setItem(row, 1, people_cell(qs(flows[i].quarter)));
        flows_->setItem(row, 2, people_cell(QString::number(flows[i].arrivals)));
        flows_->setItem(row, 3, people_cell(QString::number(flows[i].departures)));
    }
}

}  // namespace fw::ui
