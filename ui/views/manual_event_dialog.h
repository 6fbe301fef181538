#pragma once
// Adds a manual event: kind, date, lab/model/person/surface from the taxonomy, title, fields,
// evidence URL. The core validates (app::add_manual_event); errors stay in the dialog.

#include <QDialog>

#include "app/event_service.h"
#include "domain/taxonomy.h"

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace fw::ui {

class ManualEventDialog : public QDialog {
    Q_OBJECT
public:
    explicit ManualEventDialog(const Taxonomy& taxonomy, QWidget* parent = nullptr);
    app::ManualEvent spec() const;

private:
    QComboBox* kind_ = nullptr;
    QLineEdit* at_ = nullptr;
    QComboBox* lab_ = nullptr;
    QComboBox* model_ = nullptr;
    QComboBox* surface_ = nullptr;
    QLineEdit* person_ = nullptr;
    QLineEdit* title_ = nullptr;
    QPlainTextEdit* fields_ = nullptr;
    QLineEdit* evidence_ = nullptr;
};

}  // namespace fw::ui
