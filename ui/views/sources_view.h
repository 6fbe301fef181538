#pragma once
// The source list with health; add, edit, remove; OPML import and export; "Fetch now" runs the
// fetch off the GUI thread with a progress bar.

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace fw::ui {

class Session;
class SourceTableModel;

class SourcesView : public QWidget {
    Q_OBJECT
public:
    explicit SourcesView(Session& session, QWidget* parent = nullptr);

    void reload();
    /// Starts fetching every source (false when a fetch already runs).
    bool fetchNow();

    SourceTableModel* model() const { return model_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* statusLabel() const { return status_; }

private:
    void addSource();
    void editSource();
    void removeSource();
    void importOpml();
    void exportOpml();
    void onProgress(int done, int total, int failed);
    void onFetchFinished();
    void showError(const QString& what, const QString& detail);

    Session& session_;
    SourceTableModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton* fetch_ = nullptr;
    QLabel* status_ = nullptr;
};

}  // namespace fw::ui
