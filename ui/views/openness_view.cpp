#include "ui/views/openness_view.h"

#include "ui/views/report_table.h"

#include <QDateTimeAxis>
#include <QHeaderView>
#include <QLineSeries>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <limits>

#include "ui/charts/chart_util.h"
#include "ui/qt_text.h"
#include "ui/session.h"

namespace fw::ui {
namespace {

QTableWidgetItem* openness_cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

}  // namespace

OpennessView::OpennessView(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    chart_ = makeChartView(tr("Open-weights share of releases (rolling 365 days)"), this);
    licences_ = makeReportTable(
        {tr("Subject"), tr("Date"), tr("Old licence"), tr("New licence"), tr("More restrictive")}, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(chart_, 3);
    layout->addWidget(licences_, 1);
    connect(&session_.reports(), &ReportRunner::reportReady, this, &OpennessView::showReport);
    showReport();
}

void OpennessView::showReport() {
    const app::ReportResult* r = session_.report();
    if (!r)
        return;
    QChart* chart = chart_->chart();
    resetChart(chart);
    auto* x = makeDateAxis(chart, {});
    auto* y = makeValueAxis(chart, Qt::AlignLeft, tr("open share"));
    y->setRange(0, 1.05);
    double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    for (const auto& lab : r->report.openness.labs) {
        if (lab.open_share.empty())
            continue;
        auto* series = new QLineSeries;
        QString name = qs(lab.lab);
        if (lab.switched_to_closed_at) {
            name += tr(" (closed since %1)").arg(qs(format_date(*lab.switched_to_closed_at)));
        }
        series->setName(name);
        for (const auto& p : lab.open_share) {
            series->append(chartMs(p.at), p.share);
            lo = std::min(lo, chartMs(p.at));
            hi = std::max(hi, chartMs(p.at));
        }
        // Extend each line to as_of so a lab that stopped releasing stays visible.
        series->append(chartMs(r->report.as_of), lab.open_share.back().share);
        hi = std::max(hi, chartMs(r->report.as_of));
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    if (lo <= hi) {
        x->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(lo)),
                    QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(hi)));
    }
    const auto& changes = r->report.openness.license_changes;
    licences_->setRowCount(static_cast<int>(changes.size()));
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const auto& c = changes[i];
        const int row = static_cast<int>(i);
        licences_->setItem(row, 0, openness_cell(qs(c.subject)));
        licences_->setItem(row, 1, openness_cell(qs(format_date(c.at))));
        licences_->setItem(row, 2, openness_cell(qs(c.old_license)));
        licences_->setItem(row, 3, openness_cell(qs(c.new_license)));
        licences_->setItem(
            row, 4, openness_cell(c.more_restrictive ? (*c.more_restrictive ? tr("yes") : tr("no")) : tr("unknown")));
    }
}

}  // namespace fw::ui
