#pragma once
// Events as a table over a shared, read-only list (Session::events() or the events given): the
// model keeps pointers to its rows, not copies of the events, and hands them to the view in
// batches (canFetchMore/fetchMore), so a view over 100k events creates rows only as it scrolls.

#include <QAbstractTableModel>
#include <vector>

#include "ui/models/batched_event_rows.h"

namespace fw::ui {

class EventTableModel : public BatchedEventRows<QAbstractTableModel> {
    Q_OBJECT
public:
    enum Column { Date, Kind, Lab, Model, Surface, Title, ReviewState, Confidence, ColumnCount };

    explicit EventTableModel(QObject* parent = nullptr);

    /// Replaces the events; the view sees the first batch. Order is kept until sort().
    void setEvents(std::vector<Event> events);
    /// Shows `rows`, pointers into *events (kept alive by the model), in this order.
    void setEvents(Events events, std::vector<const Event*> rows) { resetRows(std::move(events), std::move(rows)); }
    /// Row of the event with this id among the loaded rows, or -1.
    int rowOfId(std::int64_t id) const;

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

private:
    QVariant display(const Event& e, int column) const;
};

}  // namespace fw::ui
