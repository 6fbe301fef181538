#pragma once
// Shared by fetch, watch and demo: the EDGAR contact and the exit code of a fetch summary.

#include <optional>
#include <string>

#include "app/fetch_service.h"

namespace fw::cli {

/// --contact, else $FW_EDGAR_CONTACT.
std::optional<std::string> edgar_contact(const std::string& option);

/// 0 when every source was fetched, 3 when some failed, 1 when all failed.
int exit_code_of(const app::FetchSummary& summary);

/// One stderr line per failed source (name, URL, why).
void print_failures(const app::FetchSummary& summary);

}  // namespace fw::cli
