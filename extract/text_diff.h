#pragma once
// Line-based unified diff of two texts (for licence and watched-page changes).

#include <string>
#include <string_view>

namespace fw::extract {

/// Unified diff ("--- old\n+++ new\n@@ -a,b +c,d @@\n..." ) of `before` and `after`, split into
/// lines, with up to three unchanged lines (dtl's context size) around each change. Empty when
/// the texts are equal.
std::string unified_diff(std::string_view before, std::string_view after,
                         std::string_view old_label = "old", std::string_view new_label = "new");

}  // namespace fw::extract
