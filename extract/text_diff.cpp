#include "extract/text_diff.h"

#include <dtl/dtl.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iterator>
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

namespace fw::extract {
namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

/// Sentences of a text, lower-cased, whitespace collapsed: split at line ends and at ". ", "! ",
/// "? ", "; " so that one new clause in a long paragraph is one new sentence.
std::vector<std::string> sentences_of(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        while (!cur.empty() && (cur.back() == ' ' || cur.back() == '.'))
            cur.pop_back();
        if (!cur.empty())
            out.push_back(lower_ascii(cur));
        cur.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' || c == '\r') {
            flush();
        } else if ((c == '.' || c == '!' || c == '?' || c == ';') && i + 1 < text.size() &&
                   (text[i + 1] == ' ' || text[i + 1] == '\n')) {
            flush();
        } else if (c == ' ' || c == '\t') {
            if (!cur.empty() && cur.back() != ' ')
                cur += ' ';
        } else {
            cur += c;
        }
    }
    flush();
    return out;
}

bool contains_any(std::string_view s, std::initializer_list<std::string_view> words) {
    for (auto w : words) {
        if (s.find(w) != std::string_view::npos)
            return true;
    }
    return false;
}

bool prohibits(std::string_view s) {
    return contains_any(s, {"may not", "must not", "shall not", "cannot", "can not", "prohibited", "not permitted",
                            "not allowed", "forbidden", "is forbidden", "do not use"});
}

bool narrows(std::string_view s) {
    return contains_any(s, {" only", "solely", "non-commercial", "noncommercial", "research purposes", "exclusively"});
}

bool caps(std::string_view s) {
    return contains_any(s, {"user", "cap", "limit", "maximum", "up to", "no more than", "more than", "exceed",
                            "request", "token", "per day", "per month", "per minute", "monthly", "active"});
}

std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '\'') {
            cur += c;
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty())
        out.push_back(std::move(cur));
    return out;
}

/// Numbers in reading order, scaled by a following "thousand" / "million" / "billion".
std::vector<double> numbers_of(std::string_view s) {
    std::vector<double> out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (std::isdigit(static_cast<unsigned char>(s[i])) == 0) {
            ++i;
            continue;
        }
        std::string digits;
        while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) != 0 ||
                                ((s[i] == ',' || s[i] == '.') && i + 1 < s.size() &&
                                 std::isdigit(static_cast<unsigned char>(s[i + 1])) != 0))) {
            if (s[i] != ',')
                digits += s[i];
            ++i;
        }
        double value = std::strtod(digits.c_str(), nullptr);
        auto rest = s.substr(i);
        while (!rest.empty() && rest.front() == ' ')
            rest.remove_prefix(1);
        if (rest.starts_with("thousand") || rest.starts_with("k "))
            value *= 1e3;
        else if (rest.starts_with("million") || rest.starts_with("m "))
            value *= 1e6;
        else if (rest.starts_with("billion") || rest.starts_with("bn"))
            value *= 1e9;
        out.push_back(value);
    }
    return out;
}

double similarity(std::string_view a, std::string_view b) {
    auto wa = words_of(a), wb = words_of(b);
    std::sort(wa.begin(), wa.end());
    wa.erase(std::unique(wa.begin(), wa.end()), wa.end());
    std::sort(wb.begin(), wb.end());
    wb.erase(std::unique(wb.begin(), wb.end()), wb.end());
    std::vector<std::string> common;
    std::set_intersection(wa.begin(), wa.end(), wb.begin(), wb.end(), std::back_inserter(common));
    const auto all = wa.size() + wb.size() - common.size();
    return all == 0 ? 0.0 : static_cast<double>(common.size()) / static_cast<double>(all);
}

}  // namespace

std::optional<bool> text_more_restrictive(std::string_view before, std::string_view after) {
    const auto old_s = sentences_of(before);
    const auto new_s = sentences_of(after);
    std::vector<std::string> removed, added;
    for (const auto& s : old_s) {
        if (std::find(new_s.begin(), new_s.end(), s) == new_s.end())
            removed.push_back(s);
    }
    for (const auto& s : new_s) {
        if (std::find(old_s.begin(), old_s.end(), s) == old_s.end())
            added.push_back(s);
    }
    int stricter = 0, looser = 0;
    auto judge = [&](bool now, bool was) {
        if (now && !was)
            ++stricter;
        if (was && !now)
            ++looser;
    };
    std::vector<bool> paired(removed.size(), false);
    for (const auto& a : added) {
        // The removed sentence this one rewrites, if any: most words in common.
        std::size_t best = removed.size();
        double best_sim = 0.5;
        for (std::size_t k = 0; k < removed.size(); ++k) {
            const double sim = paired[k] ? 0.0 : similarity(a, removed[k]);
            if (sim >= best_sim) {
                best_sim = sim;
                best = k;
            }
        }
        if (best == removed.size()) {
            judge(prohibits(a), false);
            judge(narrows(a), false);
            continue;
        }
        paired[best] = true;
        const auto& b = removed[best];
        const auto na = numbers_of(a), nb = numbers_of(b);
        if (caps(a) && caps(b) && !na.empty() && na.size() == nb.size() && na != nb) {
            for (std::size_t k = 0; k < na.size(); ++k) {
                if (na[k] != nb[k]) {
                    judge(na[k]<nb[k], na[k]> nb[k]);
                    break;
                }
            }
            continue;
        }
        judge(prohibits(a), prohibits(b));
        judge(narrows(a), narrows(b));
    }
    for (std::size_t k = 0; k < removed.size(); ++k) {
        if (!paired[k]) {
            judge(false, prohibits(removed[k]));
            judge(false, narrows(removed[k]));
        }
    }
    if (stricter > 0 && looser == 0)
        return true;
    if (looser > 0 && stricter == 0)
        return false;
    return std::nullopt;
}

}  // namespace fw::extract
