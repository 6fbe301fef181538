#include "app/paths.h"

#include <cstdlib>

namespace fw::app {
namespace {

std::filesystem::path env_path(const char* name) {
    const char* v = std::getenv(name);
    return (v != nullptr && *v != '\0') ? std::filesystem::path(v) : std::filesystem::path();
}

std::filesystem::path home() {
    auto h = env_path("HOME");
    return h.empty() ? std::filesystem::temp_directory_path() : h;
}

}  // namespace

std::filesystem::path default_database_path() {
    auto base = env_path("XDG_DATA_HOME");
    if (base.empty()) {
        base = home() / ".local" / "share";
    }
    return base / "frontierwatch" / "frontierwatch.db";
}

std::filesystem::path user_config_dir() {
    auto base = env_path("XDG_CONFIG_HOME");
    if (base.empty()) {
        base = home() / ".config";
    }
    return base / "frontierwatch";
}

std::filesystem::path bundled_data_dir() {
    if (auto env = env_path("FW_DATA_DIR"); !env.empty()) {
        return env;
    }
    const std::filesystem::path installed = FW_INSTALL_DATA_DIR;
    if (std::filesystem::exists(installed / "labs.json")) {
        return installed;
    }
    return FW_SOURCE_DATA_DIR;
}

std::vector<std::filesystem::path> data_search_path(const std::optional<std::filesystem::path>& data_override) {
    std::vector<std::filesystem::path> dirs;
    dirs.push_back(data_override ? *data_override : bundled_data_dir());
    const auto user = user_config_dir();
    if (std::filesystem::is_directory(user)) {
        dirs.push_back(user);
    }
    return dirs;
}

}  // namespace fw::app
