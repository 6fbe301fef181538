#pragma once
// The candidates half of the review queue: items that named a tracked entity but gave no
// confident event. Confirm one as a typed event or dismiss it; both survive a rebuild.

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace fw::ui {

class CandidateTableModel;
class Session;

class CandidatePanel : public QWidget {
    Q_OBJECT
public:
    explicit CandidatePanel(Session& session, QWidget* parent = nullptr);

    void reload();
    /// Opens the confirmation dialog for the selected candidate.
    void confirmSelected();
    void dismissSelected();

    CandidateTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    QLabel* status() const { return status_; }

private:
    Session& session_;
    CandidateTableModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    QLabel* status_ = nullptr;
    QPushButton* confirm_ = nullptr;
    QPushButton* dismiss_ = nullptr;
};

}  // namespace fw::ui
