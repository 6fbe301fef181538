#include "extract/text_diff.h"

#include <dtl/dtl.hpp>
#include <sstream>
#include <vector>

namespace fw::extract {
namespace {

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            nl = text.size();
        }
        auto line = text.substr(start, nl - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.emplace_back(line);
        start = nl + 1;
    }
    return lines;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view old_label,
                         std::string_view new_label) {
    if (before == after) {
        return {};
    }
    auto a = split_lines(before);
    auto b = split_lines(after);
    dtl::Diff<std::string> diff(a, b);
    diff.onHuge();  // keeps memory linear on long licence texts
    diff.compose();
    diff.composeUnifiedHunks();
    std::ostringstream out;
    out << "--- " << old_label << "\n+++ " << new_label << "\n";
    for (const auto& hunk : diff.getUniHunks()) {
        out << "@@ -" << hunk.a << "," << hunk.b << " +" << hunk.c << "," << hunk.d << " @@\n";
        auto emit = [&](const std::vector<std::pair<std::string, dtl::elemInfo>>& seq) {
            for (const auto& [line, info] : seq) {
                char mark = ' ';
                if (info.type == dtl::SES_ADD) {
                    mark = '+';
                } else if (info.type == dtl::SES_DELETE) {
                    mark = '-';
                }
                out << mark << line << "\n";
            }
        };
        emit(hunk.common[0]);
        emit(hunk.change);
        emit(hunk.common[1]);
    }
    return out.str();
}

}  // namespace fw::extract
