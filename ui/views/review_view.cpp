#include "ui/views/review_view.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "app/event_service.h"
#include "ui/models/event_filter.h"
#include "ui/models/event_table_model.h"
#include "ui/qt_text.h"
#include "ui/session.h"
#include "ui/views/candidate_panel.h"
#include "ui/views/event_columns.h"
#include "ui/views/event_detail_pane.h"
#include "ui/views/manual_event_dialog.h"

namespace fw::ui {

ReviewView::ReviewView(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    model_ = new EventTableModel(this);
    table_ = new QTableView(this);
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setSortingEnabled(true);
    table_->horizontalHeader()->setSortIndicator(EventTableModel::Confidence, Qt::AscendingOrder);
    layoutEventColumns(table_);
    table_->verticalHeader()->hide();
    detail_ = new EventDetailPane(session_, this);
    status_ = new QLabel(this);
    auto* add = new QPushButton(tr("Add manual event..."), this);
    auto* top = new QHBoxLayout;
    top->addWidget(status_, 1);
    top->addWidget(add);
    candidates_ = new CandidatePanel(session_, this);
    // Uncertain events above, candidates below: the whole review queue in one place.
    auto* queue = new QSplitter(Qt::Vertical, this);
    queue->addWidget(table_);
    queue->addWidget(candidates_);
    queue->setSizes({500, 300});
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(queue);
    split->addWidget(detail_);
    // The table needs the room (eight columns); the detail pane wraps its text. A wider window
    // widens the table.
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setSizes({900, 380});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(add, &QPushButton::clicked, this, &ReviewView::addManualEvent);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReviewView::showSelected);
    connect(&session_, &Session::storeChanged, this, &ReviewView::reload);
    reload();
}

void ReviewView::reload() {
    stale_ = true;
    if (isVisible()) {
        ensureLoaded();
    }
}

void ReviewView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    ensureLoaded();
}

void ReviewView::ensureLoaded() {
    if (stale_) {
        stale_ = false;
        load();
    }
}

void ReviewView::load() {
    EventFilter filter;
    filter.review = Review::Auto;
    auto events = session_.events();
    if (!events) {
        status_->setText(tr("Cannot read events: %1").arg(qs(events.error().describe())));
        return;
    }
    std::vector<const Event*> pending;
    for (const Event& e : **events) {
        if (filter.matches(e))
            pending.push_back(&e);
    }
    model_->setEvents(*events, std::move(pending));
    const auto* header = table_->horizontalHeader();
    model_->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    status_->setText(tr("%1 derived events to review").arg(model_->totalCount()));
    detail_->setEvent(std::nullopt);
}

void ReviewView::addManualEvent() {
    ManualEventDialog dialog(session_.context().taxonomy, this);
    while (dialog.exec() == QDialog::Accepted) {
        auto id = app::add_manual_event(session_.context(), dialog.spec(), nowSeconds());
        if (id) {
            session_.notifyChanged();
            return;
        }
        // Keep what was typed: the dialog reopens with the error shown.
        QMessageBox::warning(this, tr("Manual event"), qs(id.error().describe()));
    }
}

void ReviewView::showSelected() {
    const Event* e = model_->eventAt(table_->currentIndex().row());
    detail_->setEvent(e ? std::optional<Event>(*e) : std::nullopt);
}

}  // namespace fw::ui
