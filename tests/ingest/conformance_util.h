#pragma once
// Shared by the conformance suites: reading a corpus file into ParsedFeed and reporting pass rates.

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "domain/feed.h"
#include "ingest/feed_parser.h"
#include "support/catch.h"
#include "support/paths.h"

namespace fw::test {

/// Counts cases and keeps the first failures for the report.
class PassRate {
public:
    explicit PassRate(std::string name) : name_(std::move(name)) {}
    void record(bool pass, const std::string& what) {
        ++total_;
        if (pass) {
            ++passed_;
        } else if (failures_.size() < 40) {
            failures_.push_back(what);
        }
    }
    int total() const { return total_; }
    int passed() const { return passed_; }
    double percent() const { return total_ == 0 ? 0.0 : 100.0 * passed_ / total_; }
    /// "gofeed translator: 412/430 (95.8%)" plus the first failures, one per line.
    std::string report() const {
        std::ostringstream s;
        s.setf(std::ios::fixed);
        s.precision(1);
        s << name_ << ": " << passed_ << "/" << total_ << " (" << percent() << "%)";
        for (const auto& f : failures_)
            s << "\n  " << f;
        return s.str();
    }

private:
    std::string name_;
    int total_ = 0;
    int passed_ = 0;
    std::vector<std::string> failures_;
};

inline std::string opt_time(const std::optional<TimePoint>& t) {
    return t ? format_rfc3339(*t) : "";
}

inline std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : "|") + s;
    return out;
}

}  // namespace fw::test
