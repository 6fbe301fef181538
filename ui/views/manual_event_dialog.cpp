#include "ui/views/manual_event_dialog.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

#include "ui/qt_text.h"

namespace fw::ui {
namespace {

QComboBox* slugCombo(QWidget* parent) {
    auto* box = new QComboBox(parent);
    box->addItem(QObject::tr("(none)"), QString());
    return box;
}

std::optional<std::string> chosen(const QComboBox* box) {
    const QString v = box->currentData().toString();
    return v.isEmpty() ? std::nullopt : std::optional<std::string>(ss(v));
}

std::optional<std::string> given(const QLineEdit* edit) {
    const QString v = edit->text().trimmed();
    return v.isEmpty() ? std::nullopt : std::optional<std::string>(ss(v));
}

}  // namespace

ManualEventDialog::ManualEventDialog(const Taxonomy& taxonomy, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Add a manual event"));
    kind_ = new QComboBox(this);
    for (EventKind k : all_event_kinds()) {
        kind_->addItem(qs(std::string(to_string(k))));
    }
    at_ = new QLineEdit(QDate::currentDate().toString(Qt::ISODate), this);
    lab_ = slugCombo(this);
    for (const auto& l : taxonomy.labs)
        lab_->addItem(qs(l.name), qs(l.slug));
    model_ = slugCombo(this);
    for (const auto& m : taxonomy.models)
        model_->addItem(qs(m.name), qs(m.slug));
    surface_ = slugCombo(this);
    for (const auto& s : taxonomy.surfaces)
        surface_->addItem(qs(s.name), qs(s.slug));
    person_ = new QLineEdit(this);
    person_->setPlaceholderText(tr("person slug"));
    title_ = new QLineEdit(this);
    fields_ = new QPlainTextEdit(this);
    fields_->setPlaceholderText(QStringLiteral("stage=ga\nlicense=apache-2.0"));
    evidence_ = new QLineEdit(this);
    evidence_->setPlaceholderText(QStringLiteral("https://..."));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Kind"), kind_);
    form->addRow(tr("When"), at_);
    form->addRow(tr("Lab"), lab_);
    form->addRow(tr("Model"), model_);
    form->addRow(tr("Surface"), surface_);
    form->addRow(tr("Person"), person_);
    form->addRow(tr("Title"), title_);
    form->addRow(tr("Fields (KEY=VALUE)"), fields_);
    form->addRow(tr("Evidence URL"), evidence_);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

app::ManualEvent ManualEventDialog::spec() const {
    app::ManualEvent e;
    e.kind = ss(kind_->currentText());
    e.at = ss(at_->text().trimmed());
    e.lab = chosen(lab_);
    e.model = chosen(model_);
    e.surface = chosen(surface_);
    e.person = given(person_);
    e.title = given(title_);
    e.evidence_url = given(evidence_);
    for (const QString& line : fields_->toPlainText().split('\n', Qt::SkipEmptyParts)) {
        if (!line.trimmed().isEmpty()) {
            e.set.push_back(ss(line.trimmed()));
        }
    }
    return e;
}

}  // namespace fw::ui
