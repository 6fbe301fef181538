#pragma once
// OPML 1.0/2.0 subscription lists, as feed readers exchange them. Our own attributes live in the
// namespace https://frontierwatch.dev/opml (any prefix): fw:kind (a source kind) and fw:lab.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/source.h"

namespace fw::ingest {

inline constexpr std::string_view kOpmlNamespace = "https://frontierwatch.dev/opml";

/// Every outline with an xmlUrl becomes a Source: name from text (else title, else the URL),
/// kind from fw:kind (default feed), lab from fw:lab, category from the enclosing folder
/// outlines joined with "/". htmlUrl is not kept (Source has no place for it).
/// Errors: Error{Parse} for malformed XML or a root other than <opml>; Error{Invalid} for an
/// unknown fw:kind (naming the outline).
Result<std::vector<Source>> read_opml(std::string_view xml);

/// OPML 2.0 with one outline per source, grouped in folder outlines by category.
std::string write_opml(std::span<const Source> sources);

}  // namespace fw::ingest
