#pragma once
// Adds a source (URL, kind, name, lab, interval), or edits one: an edit is a new spec for the
// same name, applied by the Sources view.

#include <QDialog>

#include "app/source_service.h"
#include "domain/source.h"
#include "domain/taxonomy.h"

class QComboBox;
class QLineEdit;

namespace fw::ui {

class SourceDialog : public QDialog {
    Q_OBJECT
public:
    /// `existing` prefills the fields (edit); the name is then fixed.
    SourceDialog(const Taxonomy& taxonomy, const Source* existing, QWidget* parent = nullptr);
    app::NewSource spec() const;

private:
    QLineEdit* url_ = nullptr;
    QComboBox* kind_ = nullptr;
    QLineEdit* name_ = nullptr;
    QComboBox* lab_ = nullptr;
    QLineEdit* every_ = nullptr;
};

}  // namespace fw::ui
