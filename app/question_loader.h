#pragma once
// Loads watch questions (<dir>/questions/*.json) and alert rules (<dir>/alerts.json) from the
// data folders. Formats: data/questions/README.md.

#include <filesystem>
#include <string_view>
#include <vector>

#include "domain/alert.h"
#include "domain/question.h"
#include "domain/result.h"

namespace fw::app {

/// Every <dir>/questions/*.json of each folder in order (files by name). A later folder's
/// question with the same id replaces the earlier one; missing folders are skipped. Each question
/// is checked (known check, required params): Error{Config} naming the file and the problem.
Result<std::vector<WatchQuestion>> load_questions(const std::vector<std::filesystem::path>& dirs);

/// <dir>/alerts.json of each folder in order; a later rule with the same id replaces the earlier
/// one. Error{Config} naming the file and the problem (unknown kind, bad channel, ...).
Result<std::vector<AlertRule>> load_alert_rules(const std::vector<std::filesystem::path>& dirs);

/// The parsers behind the loaders; `origin` names the file in errors.
Result<std::vector<WatchQuestion>> parse_questions(std::string_view text, const std::string& origin);
Result<std::vector<AlertRule>> parse_alert_rules(std::string_view text, const std::string& origin);

}  // namespace fw::app
