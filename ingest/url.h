#pragma once
// Links found in feeds: relative references resolved (RFC 3986 section 5), and only http(s)
// results kept, so javascript:, data:, file: and friends never become clickable.

#include <string>
#include <string_view>

namespace fw::ingest {

/// Resolves `ref` against `base` (RFC 3986 5.2, with dot-segment removal). Returns "" when the
/// result is not http or https. When `base` is not an absolute http(s) URL a relative `ref` is
/// returned trimmed but unresolved (nothing better is known).
std::string resolve_url(std::string_view base, std::string_view ref);

/// Lowercased scheme of an absolute reference ("" when relative).
std::string url_scheme(std::string_view ref);

/// True for an absolute http:// or https:// URL.
bool is_http_url(std::string_view url);

}  // namespace fw::ingest
