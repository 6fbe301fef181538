#pragma once

#include <string>
#include <string_view>

namespace fw {

/// Lowercase ASCII words joined by '-': "Muse Spark 1.1" -> "muse-spark-1-1",
/// "Ray-Ban Meta glasses" -> "ray-ban-meta-glasses". Non-ASCII letters are dropped.
std::string slugify(std::string_view text);

/// ASCII lowercase copy.
std::string to_lower_ascii(std::string_view text);

/// Leading and trailing ASCII whitespace removed.
std::string_view trim(std::string_view text);

}  // namespace fw
