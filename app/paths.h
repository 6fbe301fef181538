#pragma once
// Where Frontier Watch keeps its files (XDG base directories) and finds its bundled data.

#include <filesystem>
#include <optional>
#include <vector>

namespace fw::app {

/// $XDG_DATA_HOME/frontierwatch/frontierwatch.db (default ~/.local/share/...).
std::filesystem::path default_database_path();

/// $XDG_CONFIG_HOME/frontierwatch (default ~/.config/frontierwatch): user overrides of data/.
std::filesystem::path user_config_dir();

/// The bundled data folder: $FW_DATA_DIR, else the installed share/frontierwatch, else the
/// source tree's data/ (a build that was never installed).
std::filesystem::path bundled_data_dir();

/// Taxonomy/rule folders in increasing priority: the bundled folder (or --data DIR instead),
/// then the user's config folder when it exists.
std::vector<std::filesystem::path> data_search_path(const std::optional<std::filesystem::path>& data_override);

}  // namespace fw::app
