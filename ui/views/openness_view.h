#pragma once
// Open share over time per lab (rolling 365-day share of releases with open weights), each
// lab's switch to closed, and the licence changes with their direction.

#include <QWidget>

class QChartView;
class QTableWidget;

namespace fw::ui {

class Session;

class OpennessView : public QWidget {
    Q_OBJECT
public:
    explicit OpennessView(Session& session, QWidget* parent = nullptr);
    void showReport();

    QChartView* chartView() const { return chart_; }
    QTableWidget* licenceTable() const { return licences_; }

private:
    Session& session_;
    QChartView* chart_ = nullptr;
    QTableWidget* licences_ = nullptr;
};

}  // namespace fw::ui
