#include "ingest/http_client.h"

#include <vector>

#include "domain/slug.h"
#include "ingest/transfer.h"

namespace fw::ingest {
namespace {

Result<HttpResponse> perform(const HttpRequest& request, const std::string_view* json) {
    auto transfer = detail::Transfer::create(request);
    if (!transfer) {
        return transfer.error();
    }
    if (json != nullptr) {
        (*transfer)->set_post_json(*json);
    }
    const CURLcode code = curl_easy_perform((*transfer)->handle());
    return (*transfer)->finish(code);
}

// Splits on `sep` outside <...> and "..." (Link values hold both).
std::vector<std::string_view> split_outside(std::string_view text, char sep) {
    std::vector<std::string_view> parts;
    bool in_angle = false;
    bool in_quote = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"' && !in_angle) {
            in_quote = !in_quote;
        } else if (c == '<' && !in_quote) {
            in_angle = true;
        } else if (c == '>' && !in_quote) {
            in_angle = false;
        } else if (c == sep && !in_angle && !in_quote) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(text.substr(start));
    return parts;
}

bool rel_has_next(std::string_view value) {
    value = trim(value);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
    }
    // rel may list several space-separated relation types ("next last").
    const std::string lower = to_lower_ascii(value);
    std::size_t pos = 0;
    while (pos <= lower.size()) {
        const auto end = std::min(lower.find(' ', pos), lower.size());
        if (lower.substr(pos, end - pos) == "next") {
            return true;
        }
        pos = end + 1;
    }
    return false;
}

}  // namespace

HttpClient::HttpClient() {
    detail::ensure_curl_initialized();
}

Result<HttpResponse> HttpClient::get(const HttpRequest& request) const {
    return perform(request, nullptr);
}

Result<HttpResponse> HttpClient::post_json(const HttpRequest& request, std::string_view json) const {
    return perform(request, &json);
}

std::optional<std::string> parse_link_next(std::string_view header) {
    for (std::string_view link : split_outside(header, ',')) {
        link = trim(link);
        if (link.empty() || link.front() != '<') {
            continue;
        }
        const auto close = link.find('>');
        if (close == std::string_view::npos) {
            continue;
        }
        const std::string_view target = trim(link.substr(1, close - 1));
        for (std::string_view param : split_outside(link.substr(close + 1), ';')) {
            const auto eq = param.find('=');
            if (eq != std::string_view::npos && to_lower_ascii(trim(param.substr(0, eq))) == "rel" &&
                rel_has_next(param.substr(eq + 1))) {
                return std::string(target);
            }
        }
    }
    return std::nullopt;
}

}  // namespace fw::ingest
