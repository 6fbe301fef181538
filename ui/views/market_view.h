#pragma once
// The market: for the selected event study, the stock and its benchmark around the release with
// the lab's event markers and the event window shaded, the abnormal return of each event-window
// day and the CAR with its t. It opens on the newest study of a model the watch questions name.

#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;

namespace fw::ui {

class Session;

class MarketView : public QWidget {
    Q_OBJECT
public:
    explicit MarketView(Session& session, QWidget* parent = nullptr);
    void showReport();
    /// Shows the study at this index of the report's event studies.
    void selectStudy(int index);

    QComboBox* studyBox() const { return studies_; }
    QChartView* priceChart() const { return prices_; }
    QChartView* abnormalChart() const { return abnormal_; }
    QLabel* carLabel() const { return car_; }
    /// The releases not studied: the first 20 by name, then how many more.
    QLabel* skippedLabel() const { return skipped_; }
    /// Index of the study shown, or -1.
    int currentStudy() const;

private:
    void drawPrices(int index);
    void drawAbnormal(int index);

    Session& session_;
    QComboBox* studies_ = nullptr;
    QChartView* prices_ = nullptr;
    QChartView* abnormal_ = nullptr;
    QLabel* car_ = nullptr;
    QLabel* skipped_ = nullptr;
};

}  // namespace fw::ui
