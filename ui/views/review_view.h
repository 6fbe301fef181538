#pragma once
// Curation: derived (auto) events waiting for a person, least confident first; confirm, reject
// or edit each in the detail pane; add a manual event. Below them, the candidates: items that
// named a tracked entity but gave no confident event (ui/views/candidate_panel.h).

#include <QWidget>

class QLabel;
class QTableView;

namespace fw::ui {

class CandidatePanel;
class EventDetailPane;
class EventTableModel;
class Session;

class ReviewView : public QWidget {
    Q_OBJECT
public:
    explicit ReviewView(Session& session, QWidget* parent = nullptr);

    void reload();
    void addManualEvent();

    EventTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    EventDetailPane* detail() const { return detail_; }
    CandidatePanel* candidates() const { return candidates_; }

private:
    void showSelected();

    Session& session_;
    EventTableModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    EventDetailPane* detail_ = nullptr;
    QLabel* status_ = nullptr;
    CandidatePanel* candidates_ = nullptr;
};

}  // namespace fw::ui
