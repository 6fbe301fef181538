#pragma once
// The User-Agent each source kind gets. SEC EDGAR refuses undeclared clients (fair-access
// policy: a name and a contact e-mail); arXiv and Hugging Face ask for a descriptive agent.

#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "domain/source.h"

namespace fw::ingest {

inline constexpr std::string_view kProductToken = "FrontierWatch/0.1";
inline constexpr std::string_view kProjectUrl = "https://github.com/frontierwatch/frontierwatch";

/// "FrontierWatch/0.1 (+<project url>)" for every kind but EDGAR, which gets
/// "FrontierWatch/0.1 <Name email@host>" and Error{Config} until a valid contact is set
/// (FW_EDGAR_CONTACT).
Result<std::string> user_agent_for(SourceKind kind, const std::optional<std::string>& edgar_contact);

/// True for "Some Name someone@example.com": at least one word besides an e-mail address, and
/// no control characters (the value becomes a header line).
bool is_valid_edgar_contact(std::string_view contact);

}  // namespace fw::ingest
