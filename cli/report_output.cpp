#include "cli/report_output.h"

#include "report/render_html.h"
#include "report/render_json.h"
#include "report/render_markdown.h"
#include "report/render_text.h"

namespace fw::cli {

std::string render_report(const app::ReportResult& result, const std::string& format) {
    if (format == "json") {
        return report::render_json(result.report) + "\n";
    }
    if (format == "markdown") {
        return report::render_markdown(result.report);
    }
    if (format == "html") {
        return report::render_html(result.report, result.events);
    }
    return report::render_text(result.report);
}

}  // namespace fw::cli
