#include "ui/views/evals_view.h"

#include "ui/views/report_table.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include "ui/charts/chart_util.h"
#include "ui/qt_text.h"
#include "ui/session.h"

namespace fw::ui {
namespace {

QTableWidgetItem* evals_cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QString days(const std::optional<int>& d) {
    return d ? QString::number(*d) : QStringLiteral("-");
}

/// The Kaplan-Meier median counts still-undisclosed models; the observed median is the fallback.
double lag(const std::optional<double>& km, const std::optional<double>& observed) {
    return km ? *km : observed.value_or(0.0);
}

}  // namespace

EvalsView::EvalsView(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    chart_ = makeChartView(tr("Eval disclosure lag per lab (median days after launch)"), this);
    table_ = makeReportTable(
        {tr("Model"), tr("Lab"), tr("Launched"), tr("First-party lag"), tr("Third-party lag"), tr("Days open")}, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(chart_, 3);
    layout->addWidget(table_, 2);
    connect(&session_.reports(), &ReportRunner::reportReady, this, &EvalsView::showReport);
    showReport();
}

void EvalsView::showReport() {
    const app::ReportResult* r = session_.report();
    if (!r)
        return;
    const auto& section = r->report.eval_disclosure;
    QChart* chart = chart_->chart();
    resetChart(chart);
    auto* first = new QBarSet(tr("first-party"));
    auto* third = new QBarSet(tr("third-party"));
    QStringList labs;
    double top = 10;
    for (const auto& lab : section.labs) {
        labs << qs(lab.lab);
        const double f = lag(lab.km_median_first_party_lag, lab.median_first_party_lag);
        const double t = lag(lab.km_median_third_party_lag, lab.median_third_party_lag);
        *first << f;
        *third << t;
        top = std::max({top, f, t});
    }
    auto* series = new QBarSeries;
    series->append(first);
    series->append(third);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(labs);
    chart->addAxis(x, Qt::AlignBottom);
    auto* y = makeValueAxis(chart, Qt::AlignLeft, tr("days"));
    y->setRange(0, top * 1.1);
    series->attachAxis(x);
    series->attachAxis(y);

    table_->setRowCount(static_cast<int>(section.models.size()));
    for (std::size_t i = 0; i < section.models.size(); ++i) {
        const auto& m = section.models[i];
        const int row = static_cast<int>(i);
        table_->setItem(row, 0, evals_cell(qs(m.model)));
        table_->setItem(row, 1, evals_cell(qs(m.lab)));
        table_->setItem(row, 2, evals_cell(qs(format_date(m.launched_at))));
        table_->setItem(row, 3, evals_cell(days(m.first_party_lag_days)));
        table_->setItem(row, 4, evals_cell(days(m.third_party_lag_days)));
        table_->setItem(row, 5,
                        evals_cell(m.first_party_lag_days ? QStringLiteral("-") : QString::number(m.days_open)));
    }
}

}  // namespace fw::ui
