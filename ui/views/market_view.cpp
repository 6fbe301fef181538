#include "ui/views/market_view.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <map>

#include "ui/charts/chart_util.h"
#include "ui/models/study_choice.h"
#include "ui/qt_text.h"
#include "ui/session.h"

namespace fw::ui {
namespace {

double dayMs(Day d) {
    return chartMs(TimePoint(d));
}

constexpr double kHalfDayMs = 12.0 * 3600.0 * 1000.0;

/// A translucent band over the event-window days, from the bottom to the top of the price axis.
QAreaSeries* windowBand(const analysis::EventStudy& study, double lo, double hi) {
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    // Half a day either side, so a one-day window is still a visible band.
    const double from = dayMs(study.window.front().date) - kHalfDayMs;
    const double to = dayMs(study.window.back().date) + kHalfDayMs;
    upper->append(from, hi);
    upper->append(to, hi);
    lower->append(from, lo);
    lower->append(to, lo);
    auto* band = new QAreaSeries(upper, lower);
    // QAreaSeries does not own its boundary lines: parented to it, they go when the chart drops it.
    upper->setParent(band);
    lower->setParent(band);
    band->setName(QObject::tr("event window [%1,%2]").arg(study.window_start).arg(study.window_end));
    QColor fill = QColor(128, 128, 128);  // grey reads on light and dark themes alike
    fill.setAlpha(70);
    band->setBrush(fill);
    band->setPen(Qt::NoPen);
    return band;
}

}  // namespace

MarketView::MarketView(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    studies_ = new QComboBox(this);
    car_ = new QLabel(this);
    car_->setTextFormat(Qt::PlainText);
    skipped_ = new QLabel(this);
    skipped_->setTextFormat(Qt::PlainText);
    skipped_->setWordWrap(true);
    prices_ = makeChartView(tr("Price around the release (with the lab's events)"), this);
    abnormal_ = makeChartView(tr("Abnormal returns in the event window"), this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Event study:"), this));
    top->addWidget(studies_, 1);
    top->addWidget(car_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(prices_, 3);
    layout->addWidget(abnormal_, 2);
    layout->addWidget(skipped_);
    connect(studies_, &QComboBox::currentIndexChanged, this, &MarketView::selectStudy);
    connect(&session_.reports(), &ReportRunner::reportReady, this, &MarketView::showReport);
    showReport();
}

void MarketView::showReport() {
    const app::ReportResult* r = session_.report();
    if (!r)
        return;
    const auto& market = r->report.market;
    studies_->blockSignals(true);
    studies_->clear();
    for (const auto& s : market.event_studies) {
        studies_->addItem(QStringLiteral("%1  %2 (%3 vs %4)")
                              .arg(qs(format_date(s.study.event_date)), qs(s.model), qs(s.symbol), qs(s.benchmark)));
    }
    studies_->blockSignals(false);
    // The first few only: a store of 100k events skips thousands of releases (5,714 at 1M items),
    // and laying out all of them in one label took 0.3 s each time the tab was shown.
    constexpr std::size_t kSkippedShown = 20;
    QStringList skipped;
    for (std::size_t i = 0; i < market.skipped.size() && i < kSkippedShown; ++i) {
        const auto& s = market.skipped[i];
        skipped << QStringLiteral("%1 (%2): %3").arg(qs(s.model), qs(s.symbol), qs(s.reason));
    }
    if (market.skipped.size() > kSkippedShown) {
        skipped << tr("and %1 more").arg(market.skipped.size() - kSkippedShown);
    }
    skipped_->setText(skipped.isEmpty() ? QString() : tr("Not studied: ") + skipped.join("; "));
    const int chosen =
        defaultStudyIndex(market.event_studies, session_.context().questions, session_.context().taxonomy);
    studies_->blockSignals(true);
    studies_->setCurrentIndex(chosen);
    studies_->blockSignals(false);
    selectStudy(chosen);
}

int MarketView::currentStudy() const {
    return studies_->currentIndex();
}

void MarketView::selectStudy(int index) {
    drawPrices(index);
    drawAbnormal(index);
}

void MarketView::drawPrices(int index) {
    QChart* chart = prices_->chart();
    resetChart(chart);
    const app::ReportResult* r = session_.report();
    if (!r || index < 0 || index >= static_cast<int>(r->report.market.event_studies.size()))
        return;
    const auto& s = r->report.market.event_studies[static_cast<std::size_t>(index)];
    if (s.chart.empty())
        return;
    auto* stock = new QLineSeries;
    stock->setName(qs(s.symbol));
    auto* bench = new QLineSeries;
    bench->setName(qs(s.benchmark));
    std::map<Day, double> close;
    double lo = 0, hi = 0;
    for (const auto& p : s.chart) {
        stock->append(dayMs(p.date), p.stock);
        bench->append(dayMs(p.date), p.benchmark);
        lo = close.empty() ? p.stock : std::min(lo, p.stock);
        hi = close.empty() ? p.stock : std::max(hi, p.stock);
        close[p.date] = p.stock;
    }
    const double pad = std::max((hi - lo) * 0.05, 0.01);
    auto* markers = new QScatterSeries;
    markers->setName(tr("events"));
    markers->setMarkerSize(10);
    for (const auto& m : s.markers) {
        // A marker sits on the stock line at its date (or the next trading day).
        const auto it = close.lower_bound(m.date);
        if (it != close.end())
            markers->append(dayMs(it->first), it->second);
    }
    // Whole days as labels, each once (a date-time axis splits the range evenly and repeats a day).
    auto* x = makeDayAxis(chart, s.chart.front().date, s.chart.back().date);
    auto* y = makeValueAxis(chart, Qt::AlignLeft, qs(s.symbol));
    auto* y2 = makeValueAxis(chart, Qt::AlignRight, qs(s.benchmark));
    if (!s.study.window.empty()) {
        // Added first so the lines and markers are drawn over the band.
        auto* band = windowBand(s.study, lo - pad, hi + pad);
        chart->addSeries(band);
        band->attachAxis(x);
        band->attachAxis(y);
    }
    for (auto* series : {static_cast<QXYSeries*>(stock), static_cast<QXYSeries*>(markers)}) {
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    chart->addSeries(bench);
    bench->attachAxis(x);
    bench->attachAxis(y2);
    // After attaching: the band must span exactly the price axis, not widen it.
    y->setRange(lo - pad, hi + pad);
}

void MarketView::drawAbnormal(int index) {
    QChart* chart = abnormal_->chart();
    resetChart(chart);
    const app::ReportResult* r = session_.report();
    if (!r || index < 0 || index >= static_cast<int>(r->report.market.event_studies.size())) {
        car_->setText(tr("No event study: the prices do not cover a release yet."));
        return;
    }
    const auto& study = r->report.market.event_studies[static_cast<std::size_t>(index)].study;
    auto* set = new QBarSet(tr("abnormal return (%)"));
    QStringList days;
    double lo = 0, hi = 0;
    for (const auto& ar : study.window) {
        *set << ar.abnormal * 100.0;
        days << QStringLiteral("t%1%2").arg(ar.tau >= 0 ? "+" : "").arg(ar.tau);
        lo = std::min(lo, ar.abnormal * 100.0);
        hi = std::max(hi, ar.abnormal * 100.0);
    }
    auto* series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(days);
    chart->addAxis(x, Qt::AlignBottom);
    auto* y = makeValueAxis(chart, Qt::AlignLeft, QStringLiteral("%"));
    const double pad = std::max(0.5, (hi - lo) * 0.15);
    y->setRange(lo - pad, hi + pad);
    series->attachAxis(x);
    series->attachAxis(y);
    car_->setText(tr("CAR[%1,%2] = %3%  t = %4  (alpha %5, beta %6, %7 estimation days)")
                      .arg(study.window_start)
                      .arg(study.window_end)
                      .arg(study.car * 100.0, 0, 'f', 2)
                      .arg(study.t_stat, 0, 'f', 2)
                      .arg(study.alpha, 0, 'g', 3)
                      .arg(study.beta, 0, 'f', 2)
                      .arg(study.estimation_days));
}

}  // namespace fw::ui
