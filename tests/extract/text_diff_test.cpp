#include "extract/text_diff.h"

#include "support/catch.h"

using fw::extract::unified_diff;

TEST_CASE("a unified diff marks removed and added lines with a hunk header", "[extract][diff]") {
    const std::string before = "Llama 3.1 Community License\nCommercial use allowed\nMAU cap 700M\nEnd\n";
    const std::string after = "Llama 3.1 Community License\nCommercial use allowed\nMAU cap 100M\nEnd\n";
    auto diff = unified_diff(before, after, "old", "new");
    CHECK(diff.rfind("--- old\n+++ new\n@@ -", 0) == 0);
    CHECK(diff.find("\n-MAU cap 700M\n") != std::string::npos);
    CHECK(diff.find("\n+MAU cap 100M\n") != std::string::npos);
    CHECK(diff.find(" Commercial use allowed\n") != std::string::npos);
}

TEST_CASE("equal texts give an empty diff", "[extract][diff]") {
    CHECK(unified_diff("a\nb\n", "a\nb\n").empty());
}

TEST_CASE("a diff counts lines in its hunk header", "[extract][diff]") {
    auto diff = unified_diff("a\n", "a\nb\nc\n");
    CHECK(diff.find("@@ -1,1 +1,3 @@") != std::string::npos);
    CHECK(diff.find("\n+b\n+c\n") != std::string::npos);
}
