#include "ui/views/sources_view.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "app/source_service.h"
#include "ui/models/source_table_model.h"
#include "ui/qt_text.h"
#include "ui/session.h"
#include "ui/views/source_dialog.h"

namespace fw::ui {

SourcesView::SourcesView(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    model_ = new SourceTableModel(this);
    table_ = new QTableView(this);
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    auto* buttons = new QHBoxLayout;
    const std::pair<QString, void (SourcesView::*)()> actions[] = {
        {tr("Add..."), &SourcesView::addSource},          {tr("Edit..."), &SourcesView::editSource},
        {tr("Remove..."), &SourcesView::removeSource},    {tr("Import OPML..."), &SourcesView::importOpml},
        {tr("Export OPML..."), &SourcesView::exportOpml},
    };
    for (const auto& [label, slot] : actions) {
        auto* b = new QPushButton(label, this);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
    }
    buttons->addStretch();
    progress_ = new QProgressBar(this);
    progress_->setVisible(false);
    fetch_ = new QPushButton(tr("Fetch now"), this);
    buttons->addWidget(progress_);
    buttons->addWidget(fetch_);
    status_ = new QLabel(this);
    status_->setTextFormat(Qt::PlainText);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(table_, 1);
    layout->addWidget(status_);

    connect(fetch_, &QPushButton::clicked, this, &SourcesView::fetchNow);
    connect(&session_.fetches(), &FetchRunner::progress, this, &SourcesView::onProgress);
    connect(&session_.fetches(), &FetchRunner::finished, this, &SourcesView::onFetchFinished);
    connect(&session_, &Session::storeChanged, this, &SourcesView::reload);
    reload();
}

void SourcesView::reload() {
    auto sources = app::list_sources(session_.context());
    if (!sources) {
        status_->setText(tr("Cannot read sources: %1").arg(qs(sources.error().describe())));
        return;
    }
    model_->setSources(std::move(*sources));
    table_->resizeColumnsToContents();
}

bool SourcesView::fetchNow() {
    if (!session_.fetches().start()) {
        return false;
    }
    fetch_->setEnabled(false);
    progress_->setRange(0, 0);  // busy until the first progress report gives the total
    progress_->setVisible(true);
    status_->setText(tr("Fetching..."));
    return true;
}

void SourcesView::onProgress(int done, int total, int failed) {
    progress_->setRange(0, total);
    progress_->setValue(done);
    status_->setText(tr("Fetched %1 of %2 sources (%3 failed)").arg(done).arg(total).arg(failed));
}

void SourcesView::onFetchFinished() {
    progress_->setVisible(false);
    fetch_->setEnabled(true);
    status_->setText(FetchRunner::summaryText(session_.fetches().lastOutcome()));
}

void SourcesView::showError(const QString& what, const QString& detail) {
    QMessageBox::warning(this, what, detail);
}

void SourcesView::addSource() {
    SourceDialog dialog(session_.context().taxonomy, nullptr, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto added = app::add_source(session_.context(), dialog.spec());
    if (!added) {
        showError(tr("Add source"), qs(added.error().describe()));
        return;
    }
    session_.notifyChanged();
}

void SourcesView::editSource() {
    const Source* current = model_->sourceAt(table_->currentIndex().row());
    if (!current)
        return;
    const Source before = *current;
    SourceDialog dialog(session_.context().taxonomy, &before, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The same use case as `sources edit`: validators, health, schedule and items are kept.
    const app::NewSource spec = dialog.spec();
    app::SourceEdit edit;
    edit.url = spec.url;
    edit.kind = spec.kind;
    if (spec.name)
        edit.name = spec.name;
    edit.lab = spec.lab.value_or("");
    edit.every = spec.every.value_or("");
    if (auto edited = app::edit_source(session_.context(), before.name, edit); !edited) {
        showError(tr("Edit source"), qs(edited.error().describe()));
        return;
    }
    session_.notifyChanged();
}

void SourcesView::removeSource() {
    const Source* current = model_->sourceAt(table_->currentIndex().row());
    if (!current)
        return;
    QMessageBox box(QMessageBox::Question, tr("Remove source"), tr("Remove the source \"%1\"?").arg(qs(current->name)),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setTextFormat(Qt::PlainText);
    auto* purge = new QCheckBox(tr("Also delete its items and the events only they support"), &box);
    box.setCheckBox(purge);
    if (box.exec() != QMessageBox::Yes)
        return;
    if (auto s = app::remove_source(session_.context(), current->name, purge->isChecked()); !s) {
        showError(tr("Remove source"), qs(s.error().describe()));
        return;
    }
    session_.notifyChanged();
}

void SourcesView::importOpml() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Import OPML"), {}, tr("OPML (*.opml *.xml)"));
    if (file.isEmpty())
        return;
    auto summary = app::import_opml(session_.context(), ss(file));
    if (!summary) {
        showError(tr("Import OPML"), qs(summary.error().describe()));
        return;
    }
    status_->setText(tr("Imported %1 sources (%2 already present)").arg(summary->added).arg(summary->skipped));
    session_.notifyChanged();
}

void SourcesView::exportOpml() {
    const QString file = QFileDialog::getSaveFileName(this, tr("Export OPML"), QStringLiteral("frontierwatch.opml"),
                                                      tr("OPML (*.opml)"));
    if (file.isEmpty())
        return;
    if (auto s = app::export_opml(session_.context(), ss(file)); !s) {
        showError(tr("Export OPML"), qs(s.error().describe()));
        return;
    }
    status_->setText(tr("Exported to %1").arg(file));
}

}  // namespace fw::ui
