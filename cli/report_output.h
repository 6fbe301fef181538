#pragma once

#include <string>

#include "app/report_service.h"

namespace fw::cli {

/// The report in one of the formats text, markdown, json, html.
std::string render_report(const app::ReportResult& result, const std::string& format);

}  // namespace fw::cli
