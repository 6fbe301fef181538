#pragma once
// The dashboard's "new since your last visit": one line per event ("date  kind  title") over a
// shared, read-only list of events (the report's), handed to the view in batches like
// EventTableModel, so 100k new events on a first visit create rows only as the list scrolls.

#include <QAbstractListModel>
#include <memory>
#include <vector>

#include "domain/event.h"

namespace fw::ui {

class EventListModel : public QAbstractListModel {
    Q_OBJECT
public:
    using Events = std::shared_ptr<const std::vector<Event>>;
    static constexpr int kBatch = 200;

    explicit EventListModel(QObject* parent = nullptr);

    /// Shows `rows` (pointers into *events, which the model keeps alive), in this order; the
    /// view sees the first batch.
    void setRows(Events events, std::vector<const Event*> rows);
    int totalCount() const { return static_cast<int>(rows_.size()); }
    const Event* eventAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    Events events_;
    std::vector<const Event*> rows_;
    int shown_ = 0;
};

}  // namespace fw::ui
