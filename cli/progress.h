#pragma once
// A one-line progress bar on stderr, drawn only when stderr is a terminal.

#include "app/fetch_service.h"

namespace fw::cli {

class ProgressBar {
public:
    explicit ProgressBar(bool enabled);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    void update(const app::FetchProgressInfo& p);

private:
    bool enabled_;
    bool drawn_ = false;
};

}  // namespace fw::cli
