#pragma once
// Eval disclosure lags per lab: median days from launch to the first first-party and third-party
// eval (Kaplan-Meier median where the analysis gives one), and every model's lags below.

#include <QWidget>

class QChartView;
class QTableWidget;

namespace fw::ui {

class Session;

class EvalsView : public QWidget {
    Q_OBJECT
public:
    explicit EvalsView(Session& session, QWidget* parent = nullptr);
    void showReport();

    QChartView* chartView() const { return chart_; }
    QTableWidget* table() const { return table_; }

private:
    Session& session_;
    QChartView* chart_ = nullptr;
    QTableWidget* table_ = nullptr;
};

}  // namespace fw::ui
