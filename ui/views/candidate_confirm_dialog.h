#pragma once
// Confirms a candidate as a typed event: the kind (the suggested one preselected), lab, model,
// surface, person and extra fields. The core validates (app::confirm_candidate).

#include <QDialog>

#include "app/candidate_service.h"
#include "domain/candidate.h"

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace fw::ui {

class CandidateConfirmDialog : public QDialog {
    Q_OBJECT
public:
    explicit CandidateConfirmDialog(const Candidate& candidate, QWidget* parent = nullptr);
    app::CandidateDecision decision() const;

    QComboBox* kind() const { return kind_; }

private:
    QComboBox* kind_ = nullptr;
    QLineEdit* lab_ = nullptr;
    QLineEdit* model_ = nullptr;
    QLineEdit* surface_ = nullptr;
    QLineEdit* person_ = nullptr;
    QPlainTextEdit* fields_ = nullptr;
};

}  // namespace fw::ui
