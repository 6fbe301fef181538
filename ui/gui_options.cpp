#include "ui/gui_options.h"

#include <QCommandLineParser>
#include <QObject>
#include <QtGlobal>

namespace fw::ui {

std::variant<GuiOptions, GuiExit> parseGuiOptions(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Frontier Watch desktop: frontier-AI releases and the signals around them"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help"));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Show the version"));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("The database: a SQLite file or a postgresql:// URL"),
                                QStringLiteral("FILE|URL"));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("Taxonomy and rule folder instead of the bundled one"),
                                  QStringLiteral("DIR"));
    const QCommandLineOption view(QStringLiteral("view"),
                                  QStringLiteral("The view to open: ") + allViewNames().join('|'),
                                  QStringLiteral("NAME"));
    const QCommandLineOption shot(QStringLiteral("screenshot"),
                                  QStringLiteral("Render the view once into this PNG and exit"),
                                  QStringLiteral("FILE.png"));
    parser.addOptions({help, version, db, data, view, shot});
    if (!parser.parse(arguments)) {
        return GuiExit{2, QStringLiteral("frontierwatch-gui: ") + parser.errorText()};
    }
    if (parser.isSet(help)) {
        // Parsed before the QApplication exists, so Qt does not know the program's name and
        // writes "<executable_name>" (help2man copies it into the man page).
        return GuiExit{
            0, parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("frontierwatch-gui"))};
    }
    if (parser.isSet(version)) {
        return GuiExit{0, QStringLiteral("frontierwatch-gui 0.1.0")};
    }
    if (!parser.positionalArguments().isEmpty()) {
        return GuiExit{
            2, QStringLiteral("frontierwatch-gui: unexpected argument '%1'").arg(parser.positionalArguments().first())};
    }
    GuiOptions out;
    out.db = parser.value(db);
    out.data_dir = parser.value(data);
    out.screenshot = parser.value(shot);
    if (parser.isSet(view)) {
        const auto id = viewFromName(parser.value(view));
        if (!id) {
            return GuiExit{2, QStringLiteral("frontierwatch-gui: unknown view '%1' (one of %2)")
                                  .arg(parser.value(view), allViewNames().join(", "))};
        }
        out.view = *id;
        out.view_given = true;
    }
    return out;
}

bool isServerUrl(const QString& db) {
    return db.startsWith(QStringLiteral("postgresql://")) || db.startsWith(QStringLiteral("postgres://"));
}

void applyConnectTimeout(const QString& db) {
    if (!isServerUrl(db) || db.contains(QStringLiteral("connect_timeout")) ||
        !qEnvironmentVariableIsEmpty("PGCONNECT_TIMEOUT")) {
        return;
    }
    // libpq reads it for every connection, so the worker threads' contexts get it too.
    qputenv("PGCONNECT_TIMEOUT", QByteArray::number(kServerConnectTimeoutSeconds));
}

QString openFailureMessage(const QString& db, const QString& error) {
    QString text = QObject::tr("Cannot open the database: %1").arg(error);
    if (isServerUrl(db)) {
        text += QObject::tr(
            "\n\nIs the PostgreSQL server running and reachable from this machine? "
            "Check the host, port, database name, user and password in the --db URL.");
    }
    return text;
}

}  // namespace fw::ui
