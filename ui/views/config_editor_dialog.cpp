#include "ui/views/config_editor_dialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include "app/question_loader.h"
#include "ui/qt_text.h"
#include "ui/session.h"

namespace fw::ui {
namespace {

const char* kQuestionsExample = R"({
  "questions": [
    {"id": "example-open-weights", "text": "Will the family release open weights within 180 days?",
     "check": "open_weights_within", "params": {"family": "llama", "days": 180}}
  ]
}
)";

const char* kAlertsExample = R"({
  "rules": [
    {"id": "desktop-releases", "name": "New model releases", "kinds": ["model_release", "weights_release"],
     "channels": ["desktop"]}
  ]
}
)";

QString readText(const std::filesystem::path& p) {
    QFile f(QString::fromStdString(p.string()));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool writeText(const std::filesystem::path& p, const QString& text) {
    std::error_code ec;
    std::filesystem::create_directories(p.parent_path(), ec);
    QFile f(QString::fromStdString(p.string()));
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) >= 0;
}

}  // namespace

std::filesystem::path ConfigEditorDialog::questionsFile() {
    return std::filesystem::path("questions") / "questions.json";
}
std::filesystem::path ConfigEditorDialog::alertRulesFile() {
    return "alerts.json";
}

ConfigEditorDialog::ConfigEditorDialog(Session& session, std::filesystem::path config_dir, QWidget* parent)
    : QDialog(parent), session_(session), dir_(std::move(config_dir)) {
    setWindowTitle(tr("Alert rules and watch questions"));
    resize(760, 520);
    tabs_ = new QTabWidget(this);
    questions_ = new QPlainTextEdit(this);
    alerts_ = new QPlainTextEdit(this);
    const QString q = readText(dir_ / questionsFile());
    const QString a = readText(dir_ / alertRulesFile());
    questions_->setPlainText(q.isEmpty() ? QString::fromUtf8(kQuestionsExample) : q);
    alerts_->setPlainText(a.isEmpty() ? QString::fromUtf8(kAlertsExample) : a);
    tabs_->addTab(questions_, tr("Watch questions"));
    tabs_->addTab(alerts_, tr("Alert rules"));
    status_ = new QLabel(tr("Saved into %1").arg(QString::fromStdString(dir_.string())), this);
    status_->setTextFormat(Qt::PlainText);
    status_->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs_, 1);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, [this] {
        if (save().isEmpty())
            accept();
    });
}

QString ConfigEditorDialog::saveOne(QPlainTextEdit* editor, const std::filesystem::path& rel) {
    // The core's own parsers judge the text (comments allowed, checks and channels known).
    const std::string text = ss(editor->toPlainText());
    const std::string origin = (dir_ / rel).string();
    const auto problem = [&]() -> std::optional<Error> {
        if (rel == questionsFile()) {
            auto parsed = app::parse_questions(text, origin);
            return parsed ? std::nullopt : std::optional<Error>(parsed.error());
        }
        auto parsed = app::parse_alert_rules(text, origin);
        return parsed ? std::nullopt : std::optional<Error>(parsed.error());
    }();
    if (problem) {
        return qs(problem->context + ": " + problem->message);
    }
    if (!writeText(dir_ / rel, editor->toPlainText())) {
        return tr("cannot write %1").arg(QString::fromStdString((dir_ / rel).string()));
    }
    return {};
}

QString ConfigEditorDialog::save() {
    const QString old_q = readText(dir_ / questionsFile());
    const QString old_a = readText(dir_ / alertRulesFile());
    QString error = saveOne(questions_, questionsFile());
    if (error.isEmpty())
        error = saveOne(alerts_, alertRulesFile());
    if (error.isEmpty()) {
        // The core loaders are the judges of the content: reload, and undo on failure.
        if (auto reloaded = session_.reloadContext(); !reloaded) {
            error = qs(reloaded.error().describe());
        }
    }
    if (!error.isEmpty()) {
        auto restore = [this](const QString& old, const std::filesystem::path& rel) {
            if (old.isEmpty()) {
                std::error_code ec;
                std::filesystem::remove(dir_ / rel, ec);
            } else {
                writeText(dir_ / rel, old);
            }
        };
        restore(old_q, questionsFile());
        restore(old_a, alertRulesFile());
        status_->setText(tr("Not saved: %1").arg(error));
    }
    return error;
}

}  // namespace fw::ui
