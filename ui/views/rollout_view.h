#pragma once
// Rollout swimlanes: one lane per model, a point per surface reached (days after launch),
// coloured by surface category; below, each model's pattern and 30/90-day breadth.

#include <QWidget>

class QChartView;
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

private:
    Session& session_;
    QChartView* chart_ = nullptr;
    QTableWidget* table_ = nullptr;
};

}  // namespace fw::ui
