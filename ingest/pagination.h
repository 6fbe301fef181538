#pragma once
// Paged APIs (Hugging Face, GitHub REST) chain pages with an RFC 8288 Link rel="next" header.
// The one implementation of paging: app/fetch_service continues every paged listing here.

#include <vector>

#include "domain/result.h"
#include "ingest/host_pacer.h"
#include "ingest/http_client.h"

namespace fw::ingest {

/// GETs `first`, then each rel="next" target, at most `max_pages` pages in all; a URL seen
/// before ends the chain (a loop). Validators go with the first request only; a 304 there is
/// returned alone. Any failed page fails the whole (half a listing would look like deletions).
/// The last page's link_next is still set when the cap cut the chain.
Result<std::vector<HttpResponse>> fetch_all_pages(const HttpClient& client, const HttpRequest& first,
                                                  int max_pages = 20, HostPacer* pacer = nullptr);

/// The same chain continued after a first page already fetched (by the Fetcher, under its
/// politeness) as `first` answered by `first_page`: the result starts with `first_page`.
/// Every next request carries `first`'s User-Agent and headers, except an Authorization header,
/// which is dropped when the next page lives on another origin. With a pacer, each request
/// waits for its origin's turn.
Result<std::vector<HttpResponse>> continue_pages(const HttpClient& client, const HttpRequest& first,
                                                 HttpResponse first_page, int max_pages = 20,
                                                 HostPacer* pacer = nullptr);

}  // namespace fw::ingest
