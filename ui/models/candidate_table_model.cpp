#include "ui/models/candidate_table_model.h"

#include "ui/qt_text.h"

namespace fw::ui {

CandidateTableModel::CandidateTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void CandidateTableModel::setCandidates(std::vector<Candidate> candidates) {
    beginResetModel();
    candidates_ = std::move(candidates);
    endResetModel();
}

const Candidate* CandidateTableModel::candidateAt(int row) const {
    if (row < 0 || row >= totalCount()) {
        return nullptr;
    }
    return &candidates_[static_cast<std::size_t>(row)];
}

int CandidateTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : totalCount();
}

int CandidateTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CandidateTableModel::data(const QModelIndex& index, int role) const {
    const Candidate* c = candidateAt(index.row());
    if (c == nullptr) {
        return {};
    }
    if (role == Qt::ToolTipRole) {
        QStringList entities;
        for (const auto& e : c->entities) {
            entities << qs(e);
        }
        return tr("%1\nNames: %2\nWhy a candidate: %3").arg(qs(c->link), entities.join(", "), qs(c->reason));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
        case Published:
            return c->published ? qs(format_date(*c->published)) : QString();
        case Source:
            return qs(c->source);
        case Title:
            return qs(c->title);
        case Suggests:
            return c->suggested_kind ? qs(std::string(to_string(*c->suggested_kind))) : tr("(none)");
        case Confidence:
            return QString::number(c->confidence, 'f', 2);
        case Cue:
            return qs(c->cue);
        default:
            return {};
    }
}

QVariant CandidateTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case Published:
            return tr("Published");
        case Source:
            return tr("Source");
        case Title:
            return tr("Title");
        case Suggests:
            return tr("Suggests");
        case Confidence:
            return tr("Confidence");
        case Cue:
            return tr("Nearest cue");
        default:
            return {};
    }
}

}  // namespace fw::ui
