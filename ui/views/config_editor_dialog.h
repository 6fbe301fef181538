#pragma once
// Edits the user's alert rules and watch questions: JSON files in app::user_config_dir(), which
// override the bundled ones. Saving checks the JSON, writes the file and reloads the context;
// when the core rejects the content, the previous file is put back and the error shown.

#include <QDialog>
#include <filesystem>

class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace fw::ui {

class Session;

class ConfigEditorDialog : public QDialog {
    Q_OBJECT
public:
    /// Relative to the config folder.
    static std::filesystem::path questionsFile();
    static std::filesystem::path alertRulesFile();

    ConfigEditorDialog(Session& session, std::filesystem::path config_dir, QWidget* parent = nullptr);

    QPlainTextEdit* questionsEditor() const { return questions_; }
    QPlainTextEdit* alertsEditor() const { return alerts_; }
    /// Validates and saves both files; returns "" or the error shown to the user.
    QString save();

private:
    QString saveOne(QPlainTextEdit* editor, const std::filesystem::path& rel);

    Session& session_;
    std::filesystem::path dir_;
    QTabWidget* tabs_ = nullptr;
    QPlainTextEdit* questions_ = nullptr;
    QPlainTextEdit* alerts_ = nullptr;
    QLabel* status_ = nullptr;
};

}  // namespace fw::ui
