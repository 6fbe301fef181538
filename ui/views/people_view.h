#pragma once
// Tenure lines of tracked people (one line per stay, from arrival to departure or today) and
// the arrivals and departures per lab and quarter.

#include <QWidget>

class QChartView;
class QTableWidget;

namespace fw::ui {

class Session;

class PeopleView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxLines = 20;

    explicit PeopleView(Session& session, QWidget* parent = nullptr);
    void showReport();

    QChartView* chartView() const { return chart_; }
    QTableWidget* flowTable() const { return flows_; }

private:
    Session& session_;
    QChartView* chart_ = nullptr;
    QTableWidget* flows_ = nullptr;
};

}  // namespace fw::ui
