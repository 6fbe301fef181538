#pragma once
// The contract's command line: frontierwatch-gui [--db FILE] [--data DIR]
// [--view NAME] [--screenshot FILE.png].

#include <QString>
#include <QStringList>
#include <optional>
#include <variant>

#include "ui/view_names.h"

namespace fw::ui {

struct GuiOptions {
    QString db;                       ///< empty: the default database path
    QString data_dir;                 ///< empty: the bundled data
    ViewId view = ViewId::Dashboard;
    bool view_given = false;          ///< --view was given (else the remembered view is shown)
    QString screenshot;               ///< non-empty: render the view into this PNG and exit
};

/// What the command line asks for: options, or a usage error / help text and its exit code.
struct GuiExit {
    int code = 0;
    QString message;
};

/// Parses arguments (argv[0] first). --help and --version give GuiExit{0}; an unknown option
/// or view gives GuiExit{2} with a one-line message naming it.
std::variant<GuiOptions, GuiExit> parseGuiOptions(const QStringList& arguments);

}  // namespace fw::ui
