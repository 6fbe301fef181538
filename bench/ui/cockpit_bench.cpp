// fw_cockpit_bench: the cockpit (frontierwatch-gui's MainWindow) on a given store, offscreen.
// A benchmark, not a test: it prints times and asserts nothing (issue 18 part 4).
//
//   QT_QPA_PLATFORM=offscreen fw_cockpit_bench --db STORE [--data-dir DIR] [--max-steps N]
//                                              [--search WORDS] [--no-scroll]
//
// It opens the store as frontierwatch-gui does (Session::open, MainWindow, show) and prints:
// * first screen: from before Session::open until the window was shown and painted and the
//   event loop went idle (a zero timer posted after the first paint fired), then a grab() of the
//   whole window; the phases (open, window built, painted) beside it;
// * the report on the dashboard: until the worker's report arrived and the dashboard showed it;
// * every tab: switch to it and paint the window (after the report, so the charts are drawn);
// * scrolling: the timeline, the review queue and the dashboard's "new" list, top to bottom in
//   page steps (QAbstractSlider::SliderPageStepAdd, as a click in the scroll bar's trough), each
//   step timed with its events processed and the viewport repainted: median, 95th percentile,
//   max, and the steps over 50 ms ("stalls"); rows reached; the lazy models fetch as they go;
// * a full-text search in the timeline (one word of the newest item's title, or --search);
// * peak RSS (VmHWM) after the first screen and at the end.
// Lines starting "RESULT" are for bench/run_all.sh.
#include <QAbstractItemView>
#include <QApplication>
#include <QEventLoop>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "app/browse_service.h"
#include "ui/main_window.h"
#include "ui/screenshot.h"
#include "ui/session.h"
#include "ui/view_names.h"
#include "ui/views/dashboard_view.h"
#include "ui/views/review_view.h"
#include "ui/views/timeline_view.h"

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

/// CPU seconds of the calling (GUI) thread, or of the whole process: on the shared 2-core
/// machine the wall time is partly waiting for a core, the CPU time is not.
double cpuSeconds(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// A field of /proc/self/status in MB (VmHWM: peak resident set; VmRSS: now).
double statusMb(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string key = std::string(field) + ":";
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0) {
            return std::strtod(line.c_str() + key.size(), nullptr) / 1024.0;
        }
    }
    return 0;
}

/// Seen paints of one window's widgets: "painted" means the backing store was drawn at least once.
class PaintWatch : public QObject {
public:
    explicit PaintWatch(QWidget* window) : window_(window) {}
    bool painted = false;

protected:
    bool eventFilter(QObject* obj, QEvent* event) override {
        if (event->type() == QEvent::Paint) {
            if (auto* w = qobject_cast<QWidget*>(obj); w && w->window() == window_) {
                painted = true;
            }
        }
        return false;
    }

private:
    QWidget* window_;
};

/// Runs the event loop until `done()` holds and then once more until idle (a zero timer fired),
/// or `timeout_ms` passed.
template <typename Pred>
void runUntil(Pred done, int timeout_ms) {
    const auto t0 = Clock::now();
    while (!done() && secondsSince(t0) * 1000 < timeout_ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    QEventLoop idle;
    QTimer::singleShot(0, &idle, &QEventLoop::quit);
    idle.exec();
}

struct StepStats {
    int steps = 0;
    double median_ms = 0, p95_ms = 0, max_ms = 0, total_s = 0;
    double cpu_median_ms = 0, cpu_max_ms = 0;  ///< the GUI thread's CPU time per step
    int stalls = 0;                            ///< steps over 50 ms
    int rows = 0;                              ///< rows the view had at the end
    bool reached_end = false;
};

/// Page steps from the top to the bottom of `view`, each with its events processed and the
/// viewport repainted.
StepStats scrollToBottom(QAbstractItemView* view, int max_steps) {
    StepStats s;
    view->scrollToTop();
    QCoreApplication::processEvents();
    view->viewport()->repaint();
    QScrollBar* bar = view->verticalScrollBar();
    QAbstractItemModel* model = view->model();
    std::vector<double> times, cpu;
    const auto t0 = Clock::now();
    while (s.steps < max_steps) {
        const bool at_end = bar->value() >= bar->maximum() && !model->canFetchMore({});
        if (at_end) {
            s.reached_end = true;
            break;
        }
        const auto t = Clock::now();
        const double c = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        QCoreApplication::processEvents();
        view->viewport()->repaint();
        times.push_back(secondsSince(t) * 1000);
        cpu.push_back((cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - c) * 1000);
        ++s.steps;
    }
    s.total_s = secondsSince(t0);
    s.rows = model->rowCount();
    if (!times.empty()) {
        std::sort(times.begin(), times.end());
        s.median_ms = times[times.size() / 2];
        s.p95_ms = times[std::min(times.size() - 1, times.size() * 95 / 100)];
        s.max_ms = times.back();
        s.stalls = static_cast<int>(std::count_if(times.begin(), times.end(), [](double ms) { return ms > 50; }));
        std::sort(cpu.begin(), cpu.end());
        s.cpu_median_ms = cpu[cpu.size() / 2];
        s.cpu_max_ms = cpu.back();
    }
    return s;
}

void printScroll(const char* name, const StepStats& s) {
    std::printf(
        "scroll %-10s %5d steps %7d rows  wall median %5.2f p95 %5.2f max %6.1f ms, stalls(>50ms) %d; "
        "CPU median %5.2f max %6.1f ms; total %.1f s%s\n",
        name, s.steps, s.rows, s.median_ms, s.p95_ms, s.max_ms, s.stalls, s.cpu_median_ms, s.cpu_max_ms, s.total_s,
        s.reached_end ? "" : "  (stopped at --max-steps)");
    std::printf(
        "RESULT scroll_%s_median_ms %.2f\nRESULT scroll_%s_max_ms %.1f\nRESULT scroll_%s_stalls %d\n"
        "RESULT scroll_%s_cpu_median_ms %.2f\n",
        name, s.median_ms, name, s.max_ms, name, s.stalls, name, s.cpu_median_ms);
}

/// Shows a tab and paints the whole window; returns the seconds it took.
double switchTo(fw::ui::MainWindow& window, fw::ui::ViewId id) {
    const auto t = Clock::now();
    window.showView(id);
    QCoreApplication::processEvents();
    window.repaint();
    return secondsSince(t);
}

int usage() {
    std::fprintf(stderr,
                 "usage: fw_cockpit_bench --db STORE [--data-dir DIR] [--max-steps N] [--search WORDS] "
                 "[--no-scroll]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is measured
    std::string db, data_dir, search;
    int max_steps = 1000000;
    bool scroll = true;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
        if (a == "--db")
            db = next();
        else if (a == "--data-dir")
            data_dir = next();
        else if (a == "--max-steps")
            max_steps = std::atoi(next().c_str());
        else if (a == "--search")
            search = next();
        else if (a == "--no-scroll")
            scroll = false;
        else
            return usage();
    }
    if (db.empty())
        return usage();
    // Offscreen unless told otherwise, and a private config folder: the user's remembered layout
    // (QSettings) must not change what is measured, as --screenshot does not restore it either.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::string xdg = "/tmp/fw_cockpit_bench_config_" + std::to_string(::getpid());
    ::setenv("XDG_CONFIG_HOME", xdg.c_str(), 1);

    const auto t_start = Clock::now();
    const double cpu_start = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("frontierwatch"));
    QApplication::setApplicationName(QStringLiteral("frontierwatch-gui"));
    const double t_qt = secondsSince(t_start);

    // From here on, the same steps as frontierwatch-gui's main.cpp.
    const auto t0 = Clock::now();
    fw::app::ContextOptions options;
    options.db = db;
    if (!data_dir.empty())
        options.data_dir = data_dir;
    auto session = fw::ui::Session::open(options);
    if (!session) {
        std::fprintf(stderr, "fw_cockpit_bench: cannot open %s: %s\n", db.c_str(), session.error().describe().c_str());
        return 1;
    }
    const double t_open = secondsSince(t0);
    auto window = std::make_unique<fw::ui::MainWindow>(**session);
    const double t_built = secondsSince(t0);
    PaintWatch watch(window.get());
    app.installEventFilter(&watch);
    window->show();
    runUntil([&] { return watch.painted; }, 60000);
    const double t_painted = secondsSince(t0);
    app.removeEventFilter(&watch);
    const QPixmap shot = window->grab();
    const double t_grab = secondsSince(t0);
    const double cpu_first = cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - cpu_start;
    const double rss_first = statusMb("VmHWM");

    std::printf("store %s\n", db.c_str());
    std::printf("qt start              %7.3f s (QApplication, not counted below)\n", t_qt);
    std::printf("open session          %7.3f s\n", t_open);
    std::printf("main window built     %7.3f s (views constructed, models loaded)\n", t_built);
    std::printf("shown and painted     %7.3f s (event loop idle after the first paint)\n", t_painted);
    std::printf("first screen (grab)   %7.3f s%s; GUI thread CPU %.3f s (with Qt start)\n", t_grab,
                shot.isNull() ? "  (grab failed)" : "", cpu_first);
    std::printf("peak RSS at first screen %7.1f MB\n", rss_first);
    std::printf("RESULT first_screen_s %.3f\nRESULT first_screen_cpu_s %.3f\nRESULT rss_first_mb %.1f\n", t_grab,
                cpu_first, rss_first);

    const bool reported = fw::ui::waitForReport(**session, 600000);
    QCoreApplication::processEvents();
    const double t_report = secondsSince(t0);
    std::printf("report on dashboard   %7.3f s%s\n", t_report, reported ? "" : "  (no report)");
    std::printf("RESULT report_shown_s %.3f\n", t_report);

    for (fw::ui::ViewId id : fw::ui::allViews()) {
        const double t = switchTo(*window, id);
        std::printf("tab %-12s %7.1f ms\n", qPrintable(fw::ui::viewName(id)), t * 1000);
    }

    if (scroll) {
        switchTo(*window, fw::ui::ViewId::Timeline);
        printScroll("timeline", scrollToBottom(window->timeline()->table(), max_steps));
        switchTo(*window, fw::ui::ViewId::Review);
        printScroll("review", scrollToBottom(window->review()->table(), max_steps));
        switchTo(*window, fw::ui::ViewId::Dashboard);
        printScroll("new_events", scrollToBottom(window->dashboard()->newEventsList(), max_steps));
    }

    if (search.empty()) {
        fw::app::ItemQuery q;
        q.limit = 1;
        if (auto newest = fw::app::list_items((*session)->context(), q); newest && !newest->empty()) {
            const std::string& title = newest->front().entry.title;
            search = title.substr(0, title.find(' '));
        }
    }
    if (!search.empty()) {
        switchTo(*window, fw::ui::ViewId::Timeline);
        const auto t = Clock::now();
        window->timeline()->setSearchText(QString::fromStdString(search));
        QCoreApplication::processEvents();
        window->repaint();
        const double took = secondsSince(t);
        std::printf("timeline search       %7.3f s  '%s': %s\n", took, search.c_str(),
                    qPrintable(window->timeline()->statusLabel()->text()));
        std::printf("RESULT timeline_search_s %.3f\n", took);
    }

    const double rss_peak = statusMb("VmHWM");
    std::printf("peak RSS              %7.1f MB\n", rss_peak);
    std::printf("RESULT rss_peak_mb %.1f\n", rss_peak);
    window.reset();
    std::system(("rm -rf '" + xdg + "'").c_str());
    return 0;
}
