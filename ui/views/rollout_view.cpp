#include "ui/views/rollout_view.h"

#include "ui/views/report_table.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QPalette>
#include <QScatterSeries>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <map>

#include "ui/charts/chart_util.h"
#include "ui/models/rollout_axis.h"
#include "ui/qt_text.h"
#include "ui/session.h"

namespace fw::ui {
namespace {

QTableWidgetItem* rollout_cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);  // table items are plain text
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QString optNumber(const std::optional<int>& v) {
    return v ? QString::number(*v) : QObject::tr("open");
}

/// The models that reached at least one surface, in launch order.
std::vector<const analysis::ModelRollout*> withSurfaces(const std::vector<analysis::ModelRollout>& all) {
    std::vector<const analysis::ModelRollout*> out;
    for (const auto& m : all) {
        if (!m.surfaces.empty())
            out.push_back(&m);
    }
    return out;
}

}  // namespace

RolloutView::RolloutView(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    chart_ = makeChartView(tr("Rollout: surfaces reached, days after launch"), this);
    table_ = makeReportTable(
        {tr("Model"), tr("Lab"), tr("Pattern"), tr("Surfaces in 30 days"), tr("Surfaces in 90 days")}, this);
    note_ = new QLabel(this);
    note_->setTextFormat(Qt::PlainText);
    note_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(chart_, 3);
    layout->addWidget(note_);
    layout->addWidget(table_, 1);
    connect(&session_.reports(), &ReportRunner::reportReady, this, &RolloutView::showReport);
    showReport();
}

void RolloutView::showReport() {
    if (!session_.report())
        return;
    drawLanes();
    fillTable();
}

void RolloutView::drawLanes() {
    QChart* chart = chart_->chart();
    resetChart(chart);
    const auto models = withSurfaces(session_.report()->report.rollout);
    const std::size_t first = models.size() > kMaxLanes ? models.size() - kMaxLanes : 0;
    std::vector<int> lags;
    for (std::size_t i = first; i < models.size(); ++i) {
        for (const auto& s : models[i]->surfaces)
            lags.push_back(s.days_after_launch);
    }
    axis_limit_ = rolloutAxisLimit(lags);
    clipped_ = 0;
    // Room right of the limit for the clipped markers and their labels.
    const double edge = axis_limit_ + std::max(6.0, axis_limit_ * 0.06);
    std::map<QString, QScatterSeries*> by_category;
    std::vector<QScatterSeries*> clipped;
    std::vector<QString> clipped_category;  // each clipped point keeps its category's colour
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
    for (std::size_t i = first; i < models.size(); ++i) {
        const auto& m = *models[i];
        const double lane = static_cast<double>(i - first);
        seriesFor(tr("launch"))->append(0, lane);
        int lane_clipped = 0;
        for (const auto& s : m.surfaces) {
            const QString category = qs(s.category.value_or("unknown"));
            if (s.days_after_launch <= axis_limit_) {
                seriesFor(category)->append(s.days_after_launch, lane);
                continue;
            }
            // One series per clipped point: its label names the real lag and the category.
            auto* c = new QScatterSeries;
            c->setName(tr("beyond %1 days (clipped)").arg(axis_limit_));
            c->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
            c->setMarkerSize(13);
            // Several late surfaces of one lane are stacked, so their labels do not overlap.
            c->append(axis_limit_ + (edge - axis_limit_) / 2.0, lane - 0.3 + 0.27 * lane_clipped++);
            c->setPointLabelsFormat(tr("%1 d, %2").arg(s.days_after_launch).arg(category));
            c->setPointLabelsVisible(true);
            c->setPointLabelsClipping(false);
            clipped.push_back(c);
            clipped_category.push_back(category);
            ++clipped_;
        }
        yAxis->append(qs(m.model), lane + 0.5);
    }
    auto* xAxis = makeValueAxis(
        chart, Qt::AlignBottom,
        clipped_ > 0 ? tr("days after launch (axis clipped at %1)").arg(axis_limit_) : tr("days after launch"));
    xAxis->setRange(-2, edge);
    xAxis->setLabelFormat(QStringLiteral("%d"));
    xAxis->setTickType(QValueAxis::TicksDynamic);
    xAxis->setTickAnchor(0);
    xAxis->setTickInterval(axis_limit_ <= 150 ? 10 : 30);
    yAxis->setRange(-0.5, std::max<double>(0.5, static_cast<double>(models.size() - first) - 0.5));
    chart->addAxis(yAxis, Qt::AlignLeft);
    std::vector<QScatterSeries*> all;
    for (auto& [name, series] : by_category)
        all.push_back(series);
    all.insert(all.end(), clipped.begin(), clipped.end());
    for (auto* series : all) {
        chart->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    // Colours after addSeries, which applies the theme: its five colours would repeat from the
    // sixth series on, so two categories would share a blue.
    for (auto& [name, series] : by_category) {
        const QColor colour =
            name == tr("launch") ? QApplication::palette().color(QPalette::WindowText) : surfaceCategoryColor(name);
        series->setColor(colour);
        series->setBorderColor(colour);
        if (name == tr("launch"))
            series->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    }
    for (std::size_t i = 0; i < clipped.size(); ++i) {
        clipped[i]->setColor(surfaceCategoryColor(clipped_category[i]));
        clipped[i]->setBorderColor(QApplication::palette().color(QPalette::WindowText));
    }
    // One legend entry stands for every clipped point.
    for (std::size_t i = 1; i < clipped.size(); ++i) {
        for (QLegendMarker* marker : chart->legend()->markers(clipped[i]))
            marker->setVisible(false);
    }
}

void RolloutView::fillTable() {
    const auto& rollouts = session_.report()->report.rollout;
    const auto models = withSurfaces(rollouts);
    table_->setRowCount(static_cast<int>(models.size()));
    for (std::size_t i = 0; i < models.size(); ++i) {
        const auto& m = *models[i];
        const int row = static_cast<int>(i);
        table_->setItem(row, 0, rollout_cell(qs(m.model)));
        table_->setItem(row, 1, rollout_cell(qs(m.lab)));
        table_->setItem(row, 2, rollout_cell(qs(m.pattern)));
        table_->setItem(row, 3, rollout_cell(optNumber(m.breadth_30)));
        table_->setItem(row, 4, rollout_cell(optNumber(m.breadth_90)));
    }
    QStringList note;
    note << tr("%1 of %2 released models reached a surface").arg(models.size()).arg(rollouts.size());
    if (rollouts.size() > models.size()) {
        note << tr("%1 with no surface yet are not listed").arg(rollouts.size() - models.size());
    }
    if (clipped_ > 0) {
        note << tr("%1 point(s) later than %2 days are drawn at the right edge").arg(clipped_).arg(axis_limit_);
    }
    note_->setText(note.join(QStringLiteral("; ")) + QStringLiteral("."));
}

}  // namespace fw::ui
