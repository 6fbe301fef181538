#pragma once
// Events as a table over a shared, read-only list (Session::events() or the events given): the
// model keeps pointers to its rows, not copies of the events, and hands them to the view in
// batches (canFetchMore/fetchMore), so a view over 100k events creates rows only as it scrolls.

#include <QAbstractTableModel>
#include <memory>
#include <vector>

#include "domain/event.h"

namespace fw::ui {

class EventTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Date, Kind, Lab, Model, Surface, Title, ReviewState, Confidence, ColumnCount };
    using Events = std::shared_ptr<const std::vector<Event>>;
    static constexpr int kBatch = 200;

    explicit EventTableModel(QObject* parent = nullptr);

    /// Replaces the events; the view sees the first batch. Order is kept until sort().
    void setEvents(std::vector<Event> events);
    /// Shows `rows`, pointers into *events (kept alive by the model), in this order.
    void setEvents(Events events, std::vector<const Event*> rows);
    const Event* eventAt(int row) const;
    /// Row of the event with this id among the loaded rows, or -1.
    int rowOfId(std::int64_t id) const;
    int totalCount() const { return static_cast<int>(rows_.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order) override;

private:
    QVariant display(const Event& e, int column) const;

    Events events_;
    std::vector<const Event*> rows_;
    int shown_ = 0;
};

}  // namespace fw::ui
