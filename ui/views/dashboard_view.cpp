#include "ui/views/dashboard_view.h"

#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QApplication>
#include <QHeaderView>
#include <QScrollArea>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>
#include <map>

#include "app/browse_service.h"
#include "app/source_health.h"
#include "ui/models/event_list_model.h"
#include "ui/qt_text.h"
#include "ui/session.h"

namespace fw::ui {
namespace {

QLabel* plain(const QString& text, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    return l;
}

QTableWidgetItem* dashboard_cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);  // table items are plain text
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

using app::HealthFlag;

QTableWidgetItem* flagCell(HealthFlag flag, const QString& reason) {
    auto* item = dashboard_cell(QString::fromLatin1(app::healthFlagName(flag)));
    item->setToolTip(reason);
    // Standard icons follow the platform theme, so the flag stays readable in dark mode.
    const auto icon = flag == HealthFlag::Failing        ? QStyle::SP_MessageBoxCritical
                      : flag == HealthFlag::Stale        ? QStyle::SP_MessageBoxWarning
                      : flag == HealthFlag::NeverFetched ? QStyle::SP_MessageBoxQuestion
                                                         : QStyle::SP_DialogApplyButton;
    item->setIcon(QApplication::style()->standardIcon(icon));
    if (flag == HealthFlag::Failing || flag == HealthFlag::Stale) {
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
        item->setText(item->text().toUpper());
    }
    return item;
}

QString statusText(const SourceHealth& h) {
    QString text = h.last_status ? qs(std::string(to_string(*h.last_status))) : QString();
    if (h.http_status)
        text += QStringLiteral(" %1").arg(*h.http_status);  // "ok 200", "failed 503"
    return text;
}

QString fetchTimeText(const std::optional<TimePoint>& t) {
    return t ? toQDateTime(*t).toString(QStringLiteral("yyyy-MM-dd hh:mm")) : QObject::tr("never");
}

}  // namespace

DashboardView::DashboardView(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    if (auto v = app::get_setting(session_.context(), kLastVisitKey); v && *v) {
        last_visit_ = parse_iso8601(**v);
    }
    auto* questions = new QGroupBox(tr("Watch questions"), this);
    auto* qlayout = new QVBoxLayout(questions);
    report_state_ = plain(tr("Building the report..."), questions);
    auto* cards = new QWidget(questions);
    card_grid_ = new QGridLayout(cards);
    auto* scroll = new QScrollArea(questions);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(cards);
    qlayout->addWidget(report_state_);
    qlayout->addWidget(scroll, 1);

    auto* health = new QGroupBox(tr("Source health"), this);
    auto* hlayout = new QVBoxLayout(health);
    health_ = plain({}, health);
    health_table_ = new QTableWidget(0, HealthColumnCount, health);
    health_table_->setHorizontalHeaderLabels(
        {tr("Source"), tr("Flag"), tr("Status"), tr("Last fetch (UTC)"), tr("Failures"), tr("Newest item")});
    health_table_->verticalHeader()->hide();
    health_table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    health_table_->setWordWrap(false);
    health_table_->verticalHeader()->setDefaultSectionSize(health_table_->fontMetrics().height() + 6);
    health_table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    health_table_->horizontalHeader()->setSectionResizeMode(HealthSource, QHeaderView::Stretch);
    hlayout->addWidget(health_);
    hlayout->addWidget(health_table_, 1);

    auto* fresh = new QGroupBox(tr("New since your last visit"), this);
    auto* nlayout = new QVBoxLayout(fresh);
    new_title_ = plain(tr("Reading the events..."), fresh);
    new_model_ = new EventListModel(this);
    new_events_ = new QListView(fresh);
    // One line each: the view need not measure 100k rows to lay them out.
    new_events_->setUniformItemSizes(true);
    new_events_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    new_events_->setModel(new_model_);
    nlayout->addWidget(new_title_);
    nlayout->addWidget(new_events_, 1);

    auto* side = new QVBoxLayout;
    side->addWidget(health, 3);
    side->addWidget(fresh, 2);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(questions, 5);
    layout->addLayout(side, 4);

    connect(&session_.reports(), &ReportRunner::reportReady, this, &DashboardView::showReport);
    connect(&session_.reports(), &ReportRunner::reportFailed, this,
            [this](const QString& e) { report_state_->setText(tr("Report failed: %1").arg(e)); });
    connect(&session_, &Session::storeChanged, this, &DashboardView::reloadStore);
    reloadStore();
    showReport();
}

QWidget* DashboardView::makeCard(const QString& question, const QString& status, const QString& details) {
    auto* card = new QFrame;
    card->setFrameShape(QFrame::StyledPanel);
    auto* v = new QVBoxLayout(card);
    auto* q = plain(question, card);
    QFont bold = q->font();
    bold.setBold(true);
    q->setFont(bold);
    auto* s = plain(status, card);
    QFont big = s->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    s->setFont(big);
    v->addWidget(q);
    v->addWidget(s);
    v->addWidget(plain(details, card));
    v->addStretch();
    return card;
}

void DashboardView::showReport() {
    const app::ReportResult* r = session_.report();
    if (!r) {
        return;
    }
    while (QLayoutItem* item = card_grid_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    std::map<std::int64_t, const Event*> by_id;
    for (const auto& e : r->events)
        by_id[e.id] = &e;
    cards_ = 0;
    for (const auto& a : r->report.questions) {
        QString status = qs(std::string(to_string(a.status))).toUpper();
        QStringList details;
        if (a.opened_at) {
            const TimePoint end = a.resolved_at.value_or(r->report.as_of);
            details << tr("%1 days since its clock started").arg(days_between(*a.opened_at, end));
        }
        if (!a.evidence.empty()) {
            const auto it = by_id.find(a.evidence.back());
            if (it != by_id.end()) {
                details << tr("Latest evidence: %1 (%2)")
                               .arg(qs(it->second->title), qs(format_date(it->second->occurred_at)));
            }
        }
        if (!a.explanation.empty())
            details << qs(a.explanation);
        card_grid_->addWidget(makeCard(qs(a.text), status, details.join('\n')), cards_ / 2, cards_ % 2);
        ++cards_;
    }
    report_state_->setText(tr("%1 questions, as of %2; %3 events considered")
                               .arg(cards_)
                               .arg(qs(format_date(r->report.as_of)))
                               .arg(r->report.events_considered));
    showNewEvents();
}

void DashboardView::reloadStore() {
    reloadHealth();
}

void DashboardView::reloadHealth() {
    auto judged = app::sources_with_health(session_.context(), nowSeconds());
    if (!judged) {
        health_->setText(tr("Cannot read the sources: %1").arg(qs(judged.error().describe())));
        return;
    }
    app::order_by_health(*judged);
    const app::HealthCounts c = app::countHealth(*judged);
    health_->setText(tr("%1 sources: %2 healthy, %3 failing, %4 stale, %5 never fetched")
                         .arg(judged->size())
                         .arg(c.ok)
                         .arg(c.failing)
                         .arg(c.stale)
                         .arg(c.never));
    health_table_->setRowCount(static_cast<int>(judged->size()));
    for (int row = 0; row < static_cast<int>(judged->size()); ++row) {
        const auto& [s, verdict] = (*judged)[static_cast<std::size_t>(row)];
        const auto& h = s.health;
        auto* name = dashboard_cell(qs(s.name));
        // The column may elide the name: the tooltip has it whole, with the last error.
        QString tip = qs(s.name) + QStringLiteral("\n") + qs(s.url);
        if (h.last_error)
            tip += QStringLiteral("\n") + qs(h.last_error);
        name->setToolTip(QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(tip.toHtmlEscaped()));
        health_table_->setItem(row, HealthSource, name);
        health_table_->setItem(row, HealthFlagColumn, flagCell(verdict.flag, qs(verdict.reason)));
        health_table_->setItem(row, HealthStatus, dashboard_cell(statusText(h)));
        health_table_->setItem(row, HealthLastFetch, dashboard_cell(fetchTimeText(h.last_fetch_at)));
        health_table_->setItem(row, HealthFailures, dashboard_cell(QString::number(h.consecutive_failures)));
        health_table_->setItem(row, HealthNewest, dashboard_cell(dateText(h.newest_item_at)));
    }
}

void DashboardView::showNewEvents() {
    auto events = session_.reportEvents();
    if (!events)
        return;
    std::vector<const Event*> fresh;
    for (const auto& e : *events) {
        if (!last_visit_ || e.detected_at > *last_visit_)
            fresh.push_back(&e);
    }
    std::sort(fresh.begin(), fresh.end(),
              [](const Event* a, const Event* b) { return a->occurred_at > b->occurred_at; });
    const auto count = fresh.size();
    new_model_->setRows(std::move(events), std::move(fresh));
    new_title_->setText(last_visit_ ? tr("%1 events detected since %2").arg(count).arg(qs(format_rfc3339(*last_visit_)))
                                    : tr("First visit: all %1 events are new").arg(count));
}

void DashboardView::markVisited() {
    (void)app::set_setting(session_.context(), kLastVisitKey, format_rfc3339(nowSeconds()));
}

}  // namespace fw::ui
