#include "ui/views/event_detail_pane.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include "app/browse_service.h"
#include "app/event_service.h"
#include "ui/qt_text.h"
#include "ui/session.h"
#include "ui/views/event_edit_dialog.h"
#include "domain/event_schema.h"

namespace fw::ui {
namespace {

QLabel* plainLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);  // fetched text: never interpreted as HTML
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString valueText(const FieldValue& v) {
    struct Visitor {
        QString operator()(std::monostate) const { return QStringLiteral("null"); }
        QString operator()(bool b) const { return b ? QStringLiteral("true") : QStringLiteral("false"); }
        QString operator()(std::int64_t i) const { return QString::number(i); }
        QString operator()(double d) const { return QString::number(d, 'g', 12); }
        QString operator()(const std::string& s) const { return qs(s); }
    };
    return std::visit(Visitor{}, v);
}

}  // namespace

EventDetailPane::EventDetailPane(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    title_ = plainLabel(this);
    QFont bold = title_->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title_->setFont(bold);
    meta_ = plainLabel(this);
    fields_ = new QPlainTextEdit(this);
    fields_->setReadOnly(true);
    fields_->setMaximumHeight(110);
    evidence_ = new QTreeWidget(this);
    evidence_->setHeaderLabels({tr("Source"), tr("Snippet"), tr("Link")});
    evidence_->setRootIsDecorated(false);
    evidence_->header()->setStretchLastSection(true);
    open_link_ = new QPushButton(tr("Open link in browser"), this);
    diff_label_ = new QLabel(tr("Licence diff (+ added, - removed)"), this);
    diff_ = new QPlainTextEdit(this);
    diff_->setReadOnly(true);
    diff_->setLineWrapMode(QPlainTextEdit::NoWrap);
    confirm_ = new QPushButton(tr("Confirm"), this);
    reject_ = new QPushButton(tr("Reject"), this);
    edit_ = new QPushButton(tr("Edit..."), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(confirm_);
    buttons->addWidget(reject_);
    buttons->addWidget(edit_);
    buttons->addStretch();
    buttons->addWidget(open_link_);

    layout->addWidget(title_);
    layout->addWidget(meta_);
    layout->addWidget(fields_);
    layout->addWidget(new QLabel(tr("Evidence"), this));
    layout->addWidget(evidence_, 1);
    layout->addWidget(diff_label_);
    layout->addWidget(diff_, 1);
    layout->addLayout(buttons);

    connect(open_link_, &QPushButton::clicked, this, &EventDetailPane::openSelectedLink);
    connect(evidence_, &QTreeWidget::itemDoubleClicked, this, &EventDetailPane::openSelectedLink);
    connect(confirm_, &QPushButton::clicked, this, [this] { review(Review::Confirmed); });
    connect(reject_, &QPushButton::clicked, this, [this] { review(Review::Rejected); });
    connect(edit_, &QPushButton::clicked, this, &EventDetailPane::editEvent);
    setEvent(std::nullopt);
}

QString EventDetailPane::fieldsText(const Fields& fields) {
    QStringList lines;
    for (const auto& [key, value] : fields) {
        lines << qs(key) + QStringLiteral(" = ") + valueText(value);
    }
    return lines.join('\n');
}

void EventDetailPane::setEvent(std::optional<Event> event) {
    event_ = std::move(event);
    const bool has = event_.has_value();
    for (QWidget* w : {static_cast<QWidget*>(confirm_), static_cast<QWidget*>(reject_), static_cast<QWidget*>(edit_),
                       static_cast<QWidget*>(open_link_)}) {
        w->setEnabled(has);
    }
    evidence_->clear();
    if (!has) {
        title_->setText(tr("No event selected"));
        meta_->clear();
        fields_->clear();
        showDiff({});
        return;
    }
    const Event& e = *event_;
    title_->setText(qs(e.title));
    meta_->setText(QStringLiteral("#%1  %2  %3  lab: %4  model: %5  review: %6  confidence: %7")
                       .arg(e.id)
                       .arg(qs(std::string(to_string(e.kind))), qs(format_date(e.occurred_at)), qs(e.lab.value_or("-")),
                            qs(e.model.value_or("-")), qs(std::string(to_string(e.review))))
                       .arg(e.confidence, 0, 'f', 2));
    fields_->setPlainText(fieldsText(e.fields));
    for (const auto& ev : e.evidence) {
        auto* item = new QTreeWidgetItem(evidence_, {qs(ev.source), qs(ev.snippet), qs(ev.url)});
        item->setToolTip(1, QStringLiteral("<p>%1</p>").arg(qs(ev.snippet).toHtmlEscaped()));
    }
    showDiff(qs(get(e.fields, field::diff).value_or("")));
}

void EventDetailPane::showDiff(const QString& diff) {
    diff_->setPlainText(diff);
    diff_label_->setVisible(!diff.isEmpty());
    diff_->setVisible(!diff.isEmpty());
    // Translucent backgrounds read on light and dark palettes alike; the +/- stays in the text
    // so the marking never depends on colour alone.
    QList<QTextEdit::ExtraSelection> marks;
    for (QTextBlock b = diff_->document()->begin(); b.isValid(); b = b.next()) {
        const QString line = b.text();
        const bool added = line.startsWith('+') && !line.startsWith(QStringLiteral("+++"));
        const bool removed = line.startsWith('-') && !line.startsWith(QStringLiteral("---"));
        if (!added && !removed) {
            continue;
        }
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(b);
        sel.format.setProperty(QTextFormat::FullWidthSelection, true);
        sel.format.setBackground(added ? QColor(0, 170, 0, 70) : QColor(220, 0, 0, 70));
        marks << sel;
    }
    diff_->setExtraSelections(marks);
}

void EventDetailPane::openSelectedLink() {
    auto* item = evidence_->currentItem();
    if (!item && evidence_->topLevelItemCount() > 0) {
        item = evidence_->topLevelItem(0);
    }
    if (!item) {
        return;
    }
    const QUrl url(item->text(2));
    // Only web links go to the browser; file: or custom schemes from a feed are not opened.
    if (url.scheme() == QStringLiteral("http") || url.scheme() == QStringLiteral("https")) {
        QDesktopServices::openUrl(url);
    }
}

void EventDetailPane::review(Review r) {
    if (!event_) {
        return;
    }
    if (auto s = app::set_review(session_.context(), event_->id, r); !s) {
        QMessageBox::warning(this, tr("Review"), qs(s.error().describe()));
        return;
    }
    event_->review = r;
    setEvent(event_);
    session_.notifyChanged();
}

void EventDetailPane::editEvent() {
    if (!event_) {
        return;
    }
    EventEditDialog dialog(*event_, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    if (auto s = app::edit_event(session_.context(), event_->id, dialog.at(), dialog.assignments()); !s) {
        QMessageBox::warning(this, tr("Edit event"), qs(s.error().describe()));
        return;
    }
    if (auto fresh = app::find_event(session_.context(), event_->id); fresh && *fresh) {
        setEvent(**fresh);
    }
    session_.notifyChanged();
}

}  // namespace fw::ui
