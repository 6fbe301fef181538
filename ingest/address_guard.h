#pragma once
// Internal to ingest (used by transfer.cpp): applies a NetworkPolicy to one libcurl easy handle
// at the two moments libcurl reveals an address, so a name that resolves (or re-resolves: DNS
// rebinding) to an internal address, and every redirect hop, are checked on the address itself:
//  - CURLOPT_OPENSOCKETFUNCTION, before each socket is opened for a resolved address: a refused
//    address is never connected to (libcurl goes on with the name's other addresses, if any);
//  - CURLOPT_PREREQFUNCTION (libcurl >= 7.80), after a connection is made or REUSED, with the
//    connected IP, before the request is sent: returning CURL_PREREQFUNC_ABORT stops the
//    transfer. Reused connections (the fetcher's shared multi handle) only pass here.
// With a proxy in the environment both see the proxy's address, not the origin's.

#include <curl/curl.h>

#include <optional>
#include <string>

#include "ingest/address_policy.h"

namespace fw::ingest::detail {

class AddressGuard {
public:
    /// Installs the callbacks when `policy` checks addresses; `policy` must outlive the handle.
    void install(CURL* handle, const NetworkPolicy& policy);
    /// Why the transfer was stopped, once a callback refused an address.
    const std::optional<std::string>& refusal() const { return refusal_; }

private:
    static curl_socket_t on_open_socket(void* self, curlsocktype purpose, curl_sockaddr* address);
    static int on_prereq(void* self, char* primary_ip, char* local_ip, int primary_port, int local_port);

    const NetworkPolicy* policy_ = nullptr;
    std::optional<std::string> refusal_;
};

}  // namespace fw::ingest::detail
