#include "ui/views/candidate_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "app/candidate_service.h"
#include "ui/models/candidate_table_model.h"
#include "ui/qt_text.h"
#include "ui/session.h"
#include "ui/views/candidate_confirm_dialog.h"

namespace fw::ui {

CandidatePanel::CandidatePanel(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    model_ = new CandidateTableModel(this);
    table_ = new QTableView(this);
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(CandidateTableModel::Title, QHeaderView::Stretch);
    status_ = new QLabel(this);
    confirm_ = new QPushButton(tr("Confirm as event..."), this);
    dismiss_ = new QPushButton(tr("Dismiss"), this);
    auto* top = new QHBoxLayout;
    top->addWidget(status_, 1);
    top->addWidget(confirm_);
    top->addWidget(dismiss_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(table_, 1);

    connect(confirm_, &QPushButton::clicked, this, &CandidatePanel::confirmSelected);
    connect(dismiss_, &QPushButton::clicked, this, &CandidatePanel::dismissSelected);
    connect(table_, &QTableView::doubleClicked, this, &CandidatePanel::confirmSelected);
    connect(&session_, &Session::storeChanged, this, &CandidatePanel::reload);
    reload();
}

void CandidatePanel::reload() {
    auto candidates = app::list_candidates(session_.context(), {});
    if (!candidates) {
        status_->setText(tr("Cannot read candidates: %1").arg(qs(candidates.error().describe())));
        return;
    }
    model_->setCandidates(std::move(*candidates));
    status_->setText(tr("%1 candidates: items that name a tracked lab, model, surface or person "
                        "but gave no confident event")
                         .arg(model_->totalCount()));
    const bool any = model_->totalCount() > 0;
    confirm_->setEnabled(any);
    dismiss_->setEnabled(any);
}

void CandidatePanel::confirmSelected() {
    const Candidate* c = model_->candidateAt(table_->currentIndex().row());
    if (c == nullptr) {
        return;
    }
    CandidateConfirmDialog dialog(*c, this);
    while (dialog.exec() == QDialog::Accepted) {
        auto id = app::confirm_candidate(session_.context(), c->id, dialog.decision(), nowSeconds());
        if (id) {
            session_.notifyChanged();
            return;
        }
        QMessageBox::warning(this, tr("Confirm candidate"), qs(id.error().describe()));
    }
}

void CandidatePanel::dismissSelected() {
    const Candidate* c = model_->candidateAt(table_->currentIndex().row());
    if (c == nullptr) {
        return;
    }
    if (auto s = app::dismiss_candidate(session_.context(), c->id); !s) {
        QMessageBox::warning(this, tr("Dismiss candidate"), qs(s.error().describe()));
        return;
    }
    session_.notifyChanged();
}

}  // namespace fw::ui
