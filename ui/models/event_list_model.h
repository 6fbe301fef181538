#pragma once
// The dashboard's "new since your last visit": one line per event ("date  kind  title") over a
// shared, read-only list of events (the report's), handed to the view in batches like
// EventTableModel, so 100k new events on a first visit create rows only as the list scrolls.

#include <QAbstractListModel>
#include <vector>

#include "ui/models/batched_event_rows.h"

namespace fw::ui {

class EventListModel : public BatchedEventRows<QAbstractListModel> {
    Q_OBJECT
public:
    explicit EventListModel(QObject* parent = nullptr);

    /// Shows `rows` (pointers into *events, which the model keeps alive), in this order; the
    /// view sees the first batch.
    void setRows(Events events, std::vector<const Event*> rows) { resetRows(std::move(events), std::move(rows)); }

    QVariant data(const QModelIndex& index, int role) const override;
};

}  // namespace fw::ui
