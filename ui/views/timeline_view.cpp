#include "ui/views/timeline_view.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "app/browse_service.h"
#include "ui/models/event_table_model.h"
#include "ui/qt_text.h"
#include "ui/session.h"
#include "ui/views/event_columns.h"
#include "ui/views/event_detail_pane.h"

namespace fw::ui {
namespace {

const QDate kAnyDate(1990, 1, 1);

QDateEdit* dateBox(QWidget* parent) {
    auto* box = new QDateEdit(parent);
    box->setCalendarPopup(true);
    box->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    box->setMinimumDate(kAnyDate);
    box->setSpecialValueText(QObject::tr("any date"));  // shown at the minimum: no bound
    box->setDate(kAnyDate);
    return box;
}

std::optional<std::string> choice(const QComboBox* box) {
    const QString v = box->currentData().toString();
    return v.isEmpty() ? std::nullopt : std::optional<std::string>(ss(v));
}

void resetChoices(QComboBox* box, const QString& anyText) {
    box->blockSignals(true);
    box->clear();
    box->addItem(anyText, QString());
    box->blockSignals(false);
}

}  // namespace

TimelineView::TimelineView(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QWidget(this);
    buildFilterBar(bar);
    model_ = new EventTableModel(this);
    table_ = new QTableView(this);
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setSortingEnabled(true);
    table_->horizontalHeader()->setSortIndicator(EventTableModel::Date, Qt::DescendingOrder);
    layoutEventColumns(table_);
    table_->verticalHeader()->hide();
    detail_ = new EventDetailPane(session_, this);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(table_);
    split->addWidget(detail_);
    // The table needs the room (eight columns); the detail pane wraps its text. A wider window
    // widens the table.
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setSizes({900, 380});
    status_ = new QLabel(this);
    layout->addWidget(bar);
    layout->addWidget(split, 1);
    layout->addWidget(status_);

    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TimelineView::showSelected);
    connect(&session_, &Session::storeChanged, this, &TimelineView::reload);
    fillChoices();
    reload();
}

void TimelineView::buildFilterBar(QWidget* bar) {
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    search_ = new QLineEdit(bar);
    search_->setPlaceholderText(tr("Search items (full text)"));
    search_->setClearButtonEnabled(true);
    kind_ = new QComboBox(bar);
    lab_ = new QComboBox(bar);
    model_box_ = new QComboBox(bar);
    surface_ = new QComboBox(bar);
    review_ = new QComboBox(bar);
    from_ = dateBox(bar);
    until_ = dateBox(bar);
    auto* clear = new QPushButton(tr("Clear"), bar);
    row->addWidget(search_, 2);
    for (QWidget* w : {static_cast<QWidget*>(kind_), static_cast<QWidget*>(lab_), static_cast<QWidget*>(model_box_),
                       static_cast<QWidget*>(surface_), static_cast<QWidget*>(review_)}) {
        row->addWidget(w, 1);
    }
    row->addWidget(new QLabel(tr("from"), bar));
    row->addWidget(from_);
    row->addWidget(new QLabel(tr("to"), bar));
    row->addWidget(until_);
    row->addWidget(clear);
    connect(search_, &QLineEdit::returnPressed, this, &TimelineView::reload);
    for (QComboBox* box : {kind_, lab_, model_box_, surface_, review_}) {
        connect(box, &QComboBox::currentIndexChanged, this, &TimelineView::reload);
    }
    connect(from_, &QDateEdit::dateChanged, this, &TimelineView::reload);
    connect(until_, &QDateEdit::dateChanged, this, &TimelineView::reload);
    connect(clear, &QPushButton::clicked, this, [this] {
        search_->clear();
        for (QComboBox* box : {kind_, lab_, model_box_, surface_, review_}) {
            box->blockSignals(true);
            box->setCurrentIndex(0);
            box->blockSignals(false);
        }
        from_->setDate(kAnyDate);
        until_->setDate(kAnyDate);
        reload();
    });
}

void TimelineView::fillChoices() {
    const Taxonomy& tax = session_.context().taxonomy;
    resetChoices(kind_, tr("any kind"));
    for (EventKind k : all_event_kinds())
        kind_->addItem(qs(std::string(to_string(k))), qs(std::string(to_string(k))));
    resetChoices(lab_, tr("any lab"));
    for (const auto& l : tax.labs)
        lab_->addItem(qs(l.name), qs(l.slug));
    resetChoices(model_box_, tr("any model"));
    for (const auto& m : tax.models)
        model_box_->addItem(qs(m.name), qs(m.slug));
    resetChoices(surface_, tr("any surface"));
    for (const auto& s : tax.surfaces)
        surface_->addItem(qs(s.name), qs(s.slug));
    resetChoices(review_, tr("any review"));
    for (Review r : {Review::Auto, Review::Confirmed, Review::Rejected, Review::Manual}) {
        review_->addItem(qs(std::string(to_string(r))), qs(std::string(to_string(r))));
    }
}

EventFilter TimelineView::currentFilter() const {
    EventFilter f;
    if (auto k = choice(kind_))
        f.kind = event_kind_from_string(*k);
    f.lab = choice(lab_);
    f.model = choice(model_box_);
    f.surface = choice(surface_);
    if (auto r = choice(review_))
        f.review = review_from_string(*r);
    if (from_->date() != kAnyDate)
        f.from = fromQDate(from_->date());
    if (until_->date() != kAnyDate)
        f.until = fromQDate(until_->date());
    return f;
}

void TimelineView::reload() {
    stale_ = true;
    if (isVisible()) {
        ensureLoaded();
    }
}

void TimelineView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    ensureLoaded();
}

void TimelineView::ensureLoaded() {
    if (stale_) {
        stale_ = false;
        load();
    }
}

void TimelineView::load() {
    EventFilter filter = currentFilter();
    QString note;
    if (const QString text = search_->text().trimmed(); !text.isEmpty()) {
        // Only the matches' ids: reading whole items took 5-7 s and 730 MB for a word in a third
        // of a million items (bench/README.md, "Cockpit at scale").
        auto ids = app::search_item_ids(session_.context(), ss(text));
        if (!ids) {
            status_->setText(tr("Search failed: %1").arg(qs(ids.error().describe())));
            model_->setEvents({});
            return;
        }
        filter.item_ids.emplace(ids->begin(), ids->end());
        note = tr("; %1 items match \"%2\"").arg(ids->size()).arg(text);
    }
    // Every filter is checked in memory over the session's events (EventFilter::matches holds
    // what toQuery would select): a filter change reads nothing from the store.
    auto events = session_.events();
    if (!events) {
        status_->setText(tr("Cannot read events: %1").arg(qs(events.error().describe())));
        return;
    }
    std::vector<const Event*> kept;
    kept.reserve((*events)->size());
    for (const Event& e : **events) {
        if (filter.matches(e))
            kept.push_back(&e);
    }
    model_->setEvents(*events, std::move(kept));
    const auto* header = table_->horizontalHeader();
    model_->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    status_->setText(tr("%1 events").arg(model_->totalCount()) + note);
    detail_->setEvent(std::nullopt);
}

void TimelineView::focusSearch() {
    search_->setFocus();
    search_->selectAll();
}

void TimelineView::setSearchText(const QString& text) {
    search_->setText(text);
    reload();
}

void TimelineView::showSelected() {
    const Event* e = model_->eventAt(table_->currentIndex().row());
    detail_->setEvent(e ? std::optional<Event>(*e) : std::nullopt);
}

}  // namespace fw::ui
