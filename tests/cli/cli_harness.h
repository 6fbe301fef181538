#pragma once
// Runs the real `frontierwatch` binary against a database in a temp folder.

#include <nlohmann/json.hpp>

#include "support/process.h"
#include "support/temp_dir.h"

namespace fw::test {

class Cli {
public:
    Cli() : db_((dir_ / "fw.db").string()) {}

    /// Runs with --db set (and XDG dirs inside the temp folder, so nothing touches $HOME).
    ProcessResult operator()(std::vector<std::string> args) const {
        std::vector<std::string> full{"--db", db_};
        full.insert(full.end(), args.begin(), args.end());
        return raw(full);
    }

    ProcessResult raw(const std::vector<std::string>& args) const {
        return run_process(
            FW_CLI_PATH, args,
            {"XDG_DATA_HOME=" + (dir_ / "xdg-data").string(), "XDG_CONFIG_HOME=" + (dir_ / "xdg-config").string()});
    }

    const TempDir& dir() const { return dir_; }
    const std::string& db() const { return db_; }

    static std::string file_url(const std::filesystem::path& p) {
        return "file://" + std::filesystem::absolute(p).string();
    }

private:
    TempDir dir_;
    std::string db_;
};

inline nlohmann::json parse_json(const std::string& text) {
    return nlohmann::json::parse(text, nullptr, false);
}

/// An error is one line on stderr.
inline int line_count(const std::string& text) {
    int n = 0;
    for (char c : text) {
        n += c == '\n';
    }
    return n;
}

}  // namespace fw::test
