#include "ui/gui_options.h"

#include <QCommandLineParser>

namespace fw::ui {

std::variant<GuiOptions, GuiExit> parseGuiOptions(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Frontier Watch desktop: frontier-AI releases and the signals around them"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help"));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Show the version"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("The SQLite database"),
                                QStringLiteral("FILE"));
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
        return GuiExit{0, parser.helpText()};
    }
    if (parser.isSet(version)) {
        return GuiExit{0, QStringLiteral("frontierwatch-gui 0.1.0")};
    }
    if (!parser.positionalArguments().isEmpty()) {
        return GuiExit{2, QStringLiteral("frontierwatch-gui: unexpected argument '%1'")
                              .arg(parser.positionalArguments().first())};
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

}  // namespace fw::ui
