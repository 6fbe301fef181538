#include "ui/views/source_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>

#include "ui/qt_text.h"

namespace fw::ui {

SourceDialog::SourceDialog(const Taxonomy& taxonomy, const Source* existing, QWidget* parent) : QDialog(parent) {
    setWindowTitle(existing ? tr("Edit source") : tr("Add a source"));
    url_ = new QLineEdit(this);
    url_->setPlaceholderText(QStringLiteral("https://example.com/feed.xml"));
    kind_ = new QComboBox(this);
    for (const char* k :
         {"feed", "hf-author", "github-releases", "github-commits", "edgar", "arxiv", "prices", "page"}) {
        kind_->addItem(QString::fromLatin1(k));
    }
    name_ = new QLineEdit(this);
    name_->setPlaceholderText(tr("derived from the URL when empty"));
    lab_ = new QComboBox(this);
    lab_->addItem(tr("(none)"), QString());
    for (const auto& l : taxonomy.labs)
        lab_->addItem(qs(l.name), qs(l.slug));
    every_ = new QLineEdit(this);
    every_->setPlaceholderText(QStringLiteral("1h, 30m, 1d"));
    if (existing) {
        url_->setText(qs(existing->url));
        kind_->setCurrentText(qs(std::string(to_string(existing->kind))));
        name_->setText(qs(existing->name));
        name_->setReadOnly(true);
        lab_->setCurrentIndex(std::max(0, lab_->findData(qs(existing->lab))));
        if (existing->every_seconds) {
            every_->setText(QStringLiteral("%1s").arg(*existing->every_seconds));
        }
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* form = new QFormLayout(this);
    form->addRow(tr("URL"), url_);
    form->addRow(tr("Kind"), kind_);
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Lab"), lab_);
    form->addRow(tr("Every"), every_);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

app::NewSource SourceDialog::spec() const {
    app::NewSource s;
    s.url = ss(url_->text().trimmed());
    s.kind = source_kind_from_string(ss(kind_->currentText())).value_or(SourceKind::Feed);
    if (!name_->text().trimmed().isEmpty())
        s.name = ss(name_->text().trimmed());
    if (!lab_->currentData().toString().isEmpty())
        s.lab = ss(lab_->currentData().toString());
    if (!every_->text().trimmed().isEmpty())
        s.every = ss(every_->text().trimmed());
    return s;
}

}  // namespace fw::ui
