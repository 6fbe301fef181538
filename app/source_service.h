#pragma once
// Managing the source list: add with validation, OPML import and export.

#include <filesystem>
#include <optional>
#include <string>

#include "app/context.h"
#include "domain/result.h"
#include "domain/source.h"

namespace fw::app {

struct NewSource {
    std::string url;
    SourceKind kind = SourceKind::Feed;
    std::optional<std::string> name;  ///< default: derived from the URL
    std::optional<std::string> lab;
    std::optional<std::string> every;  ///< duration text, e.g. "1h"
};

/// Validates (URL scheme http/https/file, known lab, duration) and adds. Returns the source.
Result<Source> add_source(AppContext& ctx, const NewSource& spec);

struct ImportSummary {
    int added = 0;
    int skipped = 0;  ///< names already present
};

Result<ImportSummary> import_opml(AppContext& ctx, const std::filesystem::path& file);
Status export_opml(AppContext& ctx, const std::filesystem::path& file);

/// A readable default name from a URL: host and path words, e.g. "mistral-ai-rss".
std::string name_from_url(std::string_view url);

}  // namespace fw::app
