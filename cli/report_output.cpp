#include "cli/report_output.h"

#include "report/render.h"

namespace fw::cli {

std::string render_report(const app::ReportResult& result, const std::string& format) {
    if (format == "json") {
        return report::render_json(result.report);
    }
    if (format == "markdown") {
        return report::render_markdown(result.report);
    }
    if (format == "html") {
        return report::render_html(result.report);
    }
    return report::render_text(result.report);
}

}  // namespace fw::cli
