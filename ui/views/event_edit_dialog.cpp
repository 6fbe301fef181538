#include "ui/views/event_edit_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

#include "ui/qt_text.h"
#include "ui/views/event_detail_pane.h"

namespace fw::ui {

EventEditDialog::EventEditDialog(const Event& event, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Edit event #%1").arg(event.id));
    original_at_ = qs(format_date(event.occurred_at));
    const QString fields =
        EventDetailPane::fieldsText(event.fields).replace(QStringLiteral(" = "), QStringLiteral("="));
    original_lines_ = fields.split('\n', Qt::SkipEmptyParts);
    at_ = new QLineEdit(original_at_, this);
    at_->setPlaceholderText(QStringLiteral("YYYY-MM-DD or RFC 3339"));
    fields_ = new QPlainTextEdit(this);
    fields_->setPlainText(fields);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* form = new QFormLayout(this);
    form->addRow(tr("When"), at_);
    form->addRow(tr("Fields (KEY=VALUE, null clears)"), fields_);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

std::optional<std::string> EventEditDialog::at() const {
    const QString text = at_->text().trimmed();
    if (text.isEmpty() || text == original_at_) {
        return std::nullopt;
    }
    return ss(text);
}

std::vector<std::string> EventEditDialog::assignments() const {
    std::vector<std::string> out;
    for (const QString& line : fields_->toPlainText().split('\n', Qt::SkipEmptyParts)) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !original_lines_.contains(t)) {
            out.push_back(ss(t));
        }
    }
    return out;
}

}  // namespace fw::ui
