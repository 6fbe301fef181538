#pragma once
// The review queue's candidates as a table: what an item names and which kind its nearest cue
// suggests. Texts are shown as plain text (DisplayRole), never as rich text.

#include <QAbstractTableModel>
#include <vector>

#include "domain/candidate.h"

namespace fw::ui {

class CandidateTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Published, Source, Title, Suggests, Confidence, Cue, ColumnCount };

    explicit CandidateTableModel(QObject* parent = nullptr);

    void setCandidates(std::vector<Candidate> candidates);
    const Candidate* candidateAt(int row) const;
    int totalCount() const { return static_cast<int>(candidates_.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<Candidate> candidates_;
};

}  // namespace fw::ui
