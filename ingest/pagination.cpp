#include "ingest/pagination.h"

#include <algorithm>
#include <string>

namespace fw::ingest {

Result<std::vector<HttpResponse>> fetch_all_pages(const HttpClient& client, const HttpRequest& first,
                                                  int max_pages) {
    std::vector<HttpResponse> pages;
    std::vector<std::string> seen{first.url};
    HttpRequest request = first;
    while (static_cast<int>(pages.size()) < std::max(1, max_pages)) {
        auto page = client.get(request);
        if (!page) {
            return page.error();
        }
        const std::optional<std::string> next = page->not_modified() ? std::nullopt : page->link_next;
        pages.push_back(std::move(*page));
        if (!next || std::find(seen.begin(), seen.end(), *next) != seen.end()) {
            break;
        }
        seen.push_back(*next);
        request.url = *next;
        request.validators = {};
    }
    return pages;
}

}  // namespace fw::ingest
