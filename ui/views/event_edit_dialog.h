#pragma once
// Edits an event's time and fields as the CLI does: a date and KEY=VALUE lines ("null" clears).

#include <QDialog>
#include <optional>
#include <string>
#include <vector>

#include "domain/event.h"

class QLineEdit;
class QPlainTextEdit;

namespace fw::ui {

class EventEditDialog : public QDialog {
    Q_OBJECT
public:
    explicit EventEditDialog(const Event& event, QWidget* parent = nullptr);

    /// The new time, or nullopt when unchanged.
    std::optional<std::string> at() const;
    /// Changed or added KEY=VALUE lines (unchanged lines are left out).
    std::vector<std::string> assignments() const;

private:
    QString original_at_;
    QStringList original_lines_;
    QLineEdit* at_ = nullptr;
    QPlainTextEdit* fields_ = nullptr;
};

}  // namespace fw::ui
