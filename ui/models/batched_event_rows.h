#pragma once
// What the event models share: rows that point into a shared, read-only list of events (kept
// alive by the model), handed to the view in batches (canFetchMore/fetchMore), so a view over
// 100k events creates rows only as it scrolls. QtModel is QAbstractListModel or
// QAbstractTableModel; the model adds its columns and display.

#include <QAbstractItemModel>
#include <algorithm>
#include <memory>
#include <vector>

#include "domain/event.h"

namespace fw::ui {

template <class QtModel>
class BatchedEventRows : public QtModel {
public:
    using Events = std::shared_ptr<const std::vector<Event>>;
    static constexpr int kBatch = 200;

    using QtModel::QtModel;

    /// The event of a loaded row, or null.
    const Event* eventAt(int row) const {
        return row >= 0 && row < shown_ ? rows_[static_cast<std::size_t>(row)] : nullptr;
    }
    /// All rows, loaded or not.
    int totalCount() const { return static_cast<int>(rows_.size()); }

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : shown_; }
    bool canFetchMore(const QModelIndex& parent) const override { return !parent.isValid() && shown_ < totalCount(); }
    void fetchMore(const QModelIndex& parent) override {
        if (!canFetchMore(parent)) {
            return;
        }
        const int more = std::min(kBatch, totalCount() - shown_);
        this->beginInsertRows({}, shown_, shown_ + more - 1);
        shown_ += more;
        this->endInsertRows();
    }

protected:
    /// Shows `rows` (pointers into *events), in this order; the view sees the first batch.
    void resetRows(Events events, std::vector<const Event*> rows) {
        this->beginResetModel();
        events_ = std::move(events);
        rows_ = std::move(rows);
        restartBatches();
        this->endResetModel();
    }
    /// Back to the first batch (inside a reset: after a new order of the rows).
    void restartBatches() { shown_ = std::min(kBatch, totalCount()); }
    std::vector<const Event*>& rows() { return rows_; }
    int shown() const { return shown_; }

private:
    Events events_;
    std::vector<const Event*> rows_;
    int shown_ = 0;
};

}  // namespace fw::ui
