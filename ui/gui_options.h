#pragma once
// The contract's command line: frontierwatch-gui [--db FILE|URL] [--data DIR]
// [--view NAME] [--screenshot FILE.png]. --db takes what the CLI takes: a SQLite file or a
// postgresql:// URL (a team's shared store).

#include <QString>
#include <QStringList>
#include <optional>
#include <variant>

#include "ui/view_names.h"

namespace fw::ui {

struct GuiOptions {
    QString db;        ///< file or postgresql:// URL; empty: the default path
    QString data_dir;  ///< empty: the bundled data
    ViewId view = ViewId::Dashboard;
    bool view_given = false;  ///< --view was given (else the remembered view is shown)
    QString screenshot;       ///< non-empty: render the view into this PNG and exit
};

/// What the command line asks for: options, or a usage error / help text and its exit code.
struct GuiExit {
    int code = 0;
    QString message;
};

/// Parses arguments (argv[0] first). --help and --version give GuiExit{0}; an unknown option
/// or view gives GuiExit{2} with a one-line message naming it.
std::variant<GuiOptions, GuiExit> parseGuiOptions(const QStringList& arguments);

/// True for a "postgresql://" or "postgres://" URL (a database server, not a file).
bool isServerUrl(const QString& db);

/// Seconds a server connection may take before it fails, unless the URL or PGCONNECT_TIMEOUT
/// says otherwise: a GUI must not sit with no window while an unreachable host times out.
inline constexpr int kServerConnectTimeoutSeconds = 10;
/// Sets PGCONNECT_TIMEOUT for a server URL that has no connect_timeout and no such variable.
void applyConnectTimeout(const QString& db);

/// The message shown when the database cannot be opened: the error (which names the database,
/// a URL without its password) and, for a server, what to check.
QString openFailureMessage(const QString& db, const QString& error);

}  // namespace fw::ui
