#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace fw::cli {

ProgressBar::ProgressBar(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
    if (drawn_) {
        std::fputs("\n", stderr);
    }
}

void ProgressBar::update(const app::FetchProgressInfo& p) {
    if (!enabled_ || p.total <= 0) {
        return;
    }
    constexpr int kWidth = 30;
    const int filled = p.done * kWidth / p.total;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, ' ');
    std::fprintf(stderr, "\r[%s] %d/%d sources, %d failed", bar.c_str(), p.done, p.total, p.failed);
    std::fflush(stderr);
    drawn_ = true;
}

}  // namespace fw::cli
