#pragma once
// Every event, filterable by lab, model, kind, surface, review state and dates, with full-text
// search over items (the store's FTS); sortable; rows load lazily as the table scrolls. The
// events are read when the view is first shown (or its model asked for), not at start-up: the
// first screen does not wait for 100k events it does not show.

#include <QWidget>

#include "ui/models/event_filter.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

namespace fw::ui {

class EventDetailPane;
class EventTableModel;
class Session;

class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(Session& session, QWidget* parent = nullptr);

    /// Re-reads the events with the current filter: now if the view is visible, else when it is
    /// shown or its model is asked for.
    void reload();
    void focusSearch();
    void setSearchText(const QString& text);
    EventFilter currentFilter() const;

    /// The model, loaded first if a reload is pending.
    EventTableModel* model() {
        ensureLoaded();
        return model_;
    }
    QTableView* table() const { return table_; }
    EventDetailPane* detail() const { return detail_; }
    QLabel* statusLabel() {
        ensureLoaded();
        return status_;
    }
    QComboBox* kindBox() const { return kind_; }
    QComboBox* labBox() const { return lab_; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void ensureLoaded();
    void load();
    void buildFilterBar(QWidget* bar);
    void fillChoices();
    void showSelected();

    Session& session_;
    EventTableModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    EventDetailPane* detail_ = nullptr;
    QLineEdit* search_ = nullptr;
    QComboBox* kind_ = nullptr;
    QComboBox* lab_ = nullptr;
    QComboBox* model_box_ = nullptr;
    QComboBox* surface_ = nullptr;
    QComboBox* review_ = nullptr;
    QDateEdit* from_ = nullptr;
    QDateEdit* until_ = nullptr;
    QLabel* status_ = nullptr;
    bool stale_ = true;  ///< a reload is pending until the view is shown or its model asked for
};

}  // namespace fw::ui
