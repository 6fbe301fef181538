#pragma once
// Curation: derived (auto) events waiting for a person, least confident first; confirm, reject
// or edit each in the detail pane; add a manual event. Below them, the candidates: items that
// named a tracked entity but gave no confident event (ui/views/candidate_panel.h). Like the
// timeline, the events are read when the view is first shown or its model asked for.

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

    /// Re-reads the auto events: now if the view is visible, else when it is shown or its model
    /// is asked for.
    void reload();
    void addManualEvent();

    /// The model, loaded first if a reload is pending.
    EventTableModel* model() {
        ensureLoaded();
        return model_;
    }
    QTableView* table() const { return table_; }
    EventDetailPane* detail() const { return detail_; }
    CandidatePanel* candidates() const { return candidates_; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void ensureLoaded();
    void load();
    void showSelected();

    Session& session_;
    EventTableModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    EventDetailPane* detail_ = nullptr;
    QLabel* status_ = nullptr;
    CandidatePanel* candidates_ = nullptr;
    bool stale_ = true;  ///< a reload is pending until the view is shown or its model asked for
};

}  // namespace fw::ui
