#pragma once
// One event in detail: what, when, who, its fields, its evidence (source, snippet, link opened in
// the system browser only on click) and, for a licence change, the diff with additions and
// removals marked. Confirm / reject / edit act on it. Fetched text is shown as plain text only.

#include <QWidget>
#include <optional>

#include "domain/event.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace fw::ui {

class Session;

class EventDetailPane : public QWidget {
    Q_OBJECT
public:
    explicit EventDetailPane(Session& session, QWidget* parent = nullptr);

    void setEvent(std::optional<Event> event);
    const std::optional<Event>& event() const { return event_; }

    QLabel* titleLabel() const { return title_; }
    QTreeWidget* evidenceTree() const { return evidence_; }
    QPlainTextEdit* diffView() const { return diff_; }

    /// "key = value" lines of an event's fields, in key order.
    static QString fieldsText(const Fields& fields);

private:
    void openSelectedLink();
    void review(Review r);
    void editEvent();
    void showDiff(const QString& diff);

    Session& session_;
    std::optional<Event> event_;
    QLabel* title_ = nullptr;
    QLabel* meta_ = nullptr;
    QPlainTextEdit* fields_ = nullptr;
    QTreeWidget* evidence_ = nullptr;
    QPushButton* open_link_ = nullptr;
    QLabel* diff_label_ = nullptr;
    QPlainTextEdit* diff_ = nullptr;
    QPushButton* confirm_ = nullptr;
    QPushButton* reject_ = nullptr;
    QPushButton* edit_ = nullptr;
};

}  // namespace fw::ui
