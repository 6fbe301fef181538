#include "ingest/address_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>

namespace fw::ingest::detail {
namespace {

std::string text_of(const curl_sockaddr& address) {
    std::array<char, INET6_ADDRSTRLEN> buf{};
    if (address.family == AF_INET) {
        const auto* in = reinterpret_cast<const sockaddr_in*>(&address.addr);
        inet_ntop(AF_INET, &in->sin_addr, buf.data(), buf.size());
    } else if (address.family == AF_INET6) {
        const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&address.addr);
        inet_ntop(AF_INET6, &in6->sin6_addr, buf.data(), buf.size());
    }
    return buf.data();  // "" for any other family: address_refusal refuses it
}

}  // namespace

void AddressGuard::install(CURL* handle, const NetworkPolicy& policy) {
    policy_ = &policy;
    if (!policy.checks_addresses()) {
        return;
    }
    curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, &AddressGuard::on_open_socket);
    curl_easy_setopt(handle, CURLOPT_OPENSOCKETDATA, this);
    curl_easy_setopt(handle, CURLOPT_PREREQFUNCTION, &AddressGuard::on_prereq);
    curl_easy_setopt(handle, CURLOPT_PREREQDATA, this);
}

curl_socket_t AddressGuard::on_open_socket(void* self, curlsocktype purpose, curl_sockaddr* address) {
    auto* guard = static_cast<AddressGuard*>(self);
    if (purpose == CURLSOCKTYPE_IPCXN) {
        if (auto why = address_refusal(*guard->policy_, text_of(*address))) {
            guard->refusal_ = std::move(why);
            return CURL_SOCKET_BAD;  // libcurl tries the name's next address, if any
        }
    }
    return ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

int AddressGuard::on_prereq(void* self, char* primary_ip, char* /*local_ip*/, int /*primary_port*/,
                            int /*local_port*/) {
    auto* guard = static_cast<AddressGuard*>(self);
    if (auto why = address_refusal(*guard->policy_, primary_ip != nullptr ? primary_ip : "")) {
        guard->refusal_ = std::move(why);
        return CURL_PREREQFUNC_ABORT;
    }
    // A later address of the same name connected fine: an earlier refusal no longer explains
    // anything.
    guard->refusal_.reset();
    return CURL_PREREQFUNC_OK;
}

}  // namespace fw::ingest::detail
