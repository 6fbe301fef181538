#pragma once
// Sources with their health: last fetch, status, consecutive failures, newest item.

#include <QAbstractTableModel>
#include <vector>

#include "domain/source.h"

namespace fw::ui {

class SourceTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Kind, Lab, LastFetch, Status, Failures, NewestItem, Url, ColumnCount };

    explicit SourceTableModel(QObject* parent = nullptr);

    void setSources(std::vector<Source> sources);
    const Source* sourceAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant display(const Source& s, int column) const;

    std::vector<Source> sources_;
};

}  // namespace fw::ui
