#pragma once
// Rollout swimlanes: one lane per model that reached a surface, a point per surface reached
// (days after launch), coloured by surface category. The x axis stops at rolloutAxisLimit of
// the lags; later points sit at the edge, marked and labelled with their real lag. Below, each
// such model's pattern and 30/90-day breadth; models without a surface are only counted.

#include <QWidget>

class QChartView;
class QLabel;
class QTableWidget;

namespace fw::ui {

class Session;

class RolloutView : public QWidget {
    Q_OBJECT
public:
    /// Lanes drawn at most (the most recent launches that reached a surface).
    static constexpr int kMaxLanes = 20;

    explicit RolloutView(Session& session, QWidget* parent = nullptr);
    void showReport();

    QChartView* chartView() const { return chart_; }
    QTableWidget* table() const { return table_; }
    QLabel* noteLabel() const { return note_; }
    /// The last day shown in full on the x axis, and how many points lie beyond it.
    int axisLimit() const { return axis_limit_; }
    int clippedCount() const { return clipped_; }

private:
    void drawLanes();
    void fillTable();

    Session& session_;
    QChartView* chart_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* note_ = nullptr;
    int axis_limit_ = 0;
    int clipped_ = 0;
};

}  // namespace fw::ui
