#pragma once
// Events as a table, loaded into memory once but handed to the view in batches
// (canFetchMore/fetchMore), so a view over 100k events creates rows only as it scrolls.

#include <QAbstractTableModel>
#include <vector>

#include "domain/event.h"

namespace fw::ui {

class EventTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Date, Kind, Lab, Model, Surface, Title, ReviewState, Confidence, ColumnCount };
    static constexpr int kBatch = 200;

    explicit EventTableModel(QObject* parent = nullptr);

    /// Replaces the events; the view sees the first batch. Order is kept until sort().
    void setEvents(std::vector<Event> events);
    const Event* eventAt(int row) const;
    /// Row of the event with this id among the loaded rows, or -1.
    int rowOfId(std::int64_t id) const;
    int totalCount() const { return static_cast<int>(events_.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order) override;

private:
    QVariant display(const Event& e, int column) const;

    std::vector<Event> events_;
    int shown_ = 0;
};

}  // namespace fw::ui
