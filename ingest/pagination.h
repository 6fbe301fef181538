#pragma once
// Paged APIs (Hugging Face, GitHub REST) chain pages with an RFC 8288 Link rel="next" header.

#include <vector>

#include "domain/result.h"
#include "ingest/http_client.h"

namespace fw::ingest {

/// GETs `first`, then each rel="next" target, at most `max_pages` pages in all; a URL seen
/// before ends the chain (a loop). Validators go with the first request only; a 304 there is
/// returned alone. Any failed page fails the whole (half a listing would look like deletions).
/// The last page's link_next is still set when the cap cut the chain.
Result<std::vector<HttpResponse>> fetch_all_pages(const HttpClient& client, const HttpRequest& first,
                                                  int max_pages = 20);

}  // namespace fw::ingest
