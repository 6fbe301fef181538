#include "cli/fetch_support.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "cli/command.h"

namespace fw::cli {

std::optional<std::string> edgar_contact(const std::string& option) {
    if (!option.empty()) {
        return option;
    }
    if (const char* env = std::getenv("FW_EDGAR_CONTACT"); env != nullptr && *env != '\0') {
        return std::string(env);
    }
    return std::nullopt;
}

int exit_code_of(const app::FetchSummary& summary) {
    const auto failed = std::count_if(summary.sources.begin(), summary.sources.end(),
                                      [](const auto& s) { return s.status == FetchStatus::Failed; });
    if (failed == 0) {
        return kOk;
    }
    return failed == static_cast<long>(summary.sources.size()) ? kFailure : kPartial;
}

void print_failures(const app::FetchSummary& summary) {
    for (const auto& s : summary.sources) {
        if (s.status == FetchStatus::Failed) {
            std::cerr << "frontierwatch: fetch failed: " << s.name << " (" << s.url
                      << "): " << s.error.value_or("unknown error") << "\n";
        }
    }
}

}  // namespace fw::cli
