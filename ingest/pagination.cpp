#include "ingest/pagination.h"

#include <algorithm>
#include <string>

#include "domain/slug.h"

namespace fw::ingest {
namespace {

bool is_authorization(const std::string& header) {
    return to_lower_ascii(header.substr(0, 14)) == "authorization:";
}

Result<std::vector<HttpResponse>> follow(const HttpClient& client, const HttpRequest& first,
                                         std::vector<HttpResponse> pages, int max_pages, HostPacer* pacer) {
    std::vector<std::string> seen{first.url};
    const std::string first_origin = origin_of(first.url);
    HttpRequest request = first;
    bool ask_first = pages.empty();
    for (;;) {
        if (!ask_first) {
            if (static_cast<int>(pages.size()) >= std::max(1, max_pages))
                break;
            const HttpResponse& last = pages.back();
            const std::optional<std::string> next = last.not_modified() ? std::nullopt : last.link_next;
            if (!next || std::find(seen.begin(), seen.end(), *next) != seen.end())
                break;
            seen.push_back(*next);
            request.url = *next;
            request.validators = {};
            if (origin_of(*next) != first_origin) {
                // A token is for the host it was given for, never for where a Link points.
                std::erase_if(request.headers, is_authorization);
            }
        }
        ask_first = false;
        if (pacer != nullptr)
            pacer->wait_turn(request.url);
        auto page = client.get(request);
        if (!page)
            return page.error();
        pages.push_back(std::move(*page));
    }
    return pages;
}

}  // namespace

Result<std::vector<HttpResponse>> fetch_all_pages(const HttpClient& client, const HttpRequest& first, int max_pages,
                                                  HostPacer* pacer) {
    return follow(client, first, {}, max_pages, pacer);
}

Result<std::vector<HttpResponse>> continue_pages(const HttpClient& client, const HttpRequest& first,
                                                 HttpResponse first_page, int max_pages, HostPacer* pacer) {
    std::vector<HttpResponse> pages;
    pages.push_back(std::move(first_page));
    return follow(client, first, std::move(pages), max_pages, pacer);
}

}  // namespace fw::ingest
