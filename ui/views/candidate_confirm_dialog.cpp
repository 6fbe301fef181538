#include "ui/views/candidate_confirm_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

#include "ui/qt_text.h"

namespace fw::ui {

CandidateConfirmDialog::CandidateConfirmDialog(const Candidate& c, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Confirm candidate as an event"));
    kind_ = new QComboBox(this);
    for (const auto k : all_event_kinds()) {
        kind_->addItem(qs(std::string(to_string(k))));
    }
    if (c.suggested_kind) {
        kind_->setCurrentText(qs(std::string(to_string(*c.suggested_kind))));
    }
    lab_ = new QLineEdit(qs(c.lab), this);
    model_ = new QLineEdit(qs(c.model), this);
    surface_ = new QLineEdit(this);
    person_ = new QLineEdit(this);
    for (const auto& e : c.entities) {  // prefill what the item names
        if (e.starts_with("surface:") && surface_->text().isEmpty()) {
            surface_->setText(qs(e.substr(8)));
        } else if (e.starts_with("person:") && person_->text().isEmpty()) {
            person_->setText(qs(e.substr(7)));
        }
    }
    fields_ = new QPlainTextEdit(this);
    fields_->setPlaceholderText(tr("KEY=VALUE, one per line (e.g. openness=api)"));
    auto* title = new QLabel(qs(c.title), this);
    title->setTextFormat(Qt::PlainText);  // fetched text is never rich text
    title->setWordWrap(true);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Item"), title);
    form->addRow(tr("Kind"), kind_);
    form->addRow(tr("Lab"), lab_);
    form->addRow(tr("Model"), model_);
    form->addRow(tr("Surface"), surface_);
    form->addRow(tr("Person"), person_);
    form->addRow(tr("Fields"), fields_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

app::CandidateDecision CandidateConfirmDialog::decision() const {
    const auto opt = [](const QLineEdit* e) {
        const auto t = e->text().trimmed().toStdString();
        return t.empty() ? std::nullopt : std::optional<std::string>(t);
    };
    app::CandidateDecision d;
    d.kind = kind_->currentText().toStdString();
    d.lab = opt(lab_);
    d.model = opt(model_);
    d.surface = opt(surface_);
    d.person = opt(person_);
    for (const auto& line : fields_->toPlainText().split('\n', Qt::SkipEmptyParts)) {
        d.set.push_back(line.trimmed().toStdString());
    }
    return d;
}

}  // namespace fw::ui
