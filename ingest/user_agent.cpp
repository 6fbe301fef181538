#include "ingest/user_agent.h"

#include <algorithm>
#include <string>

#include "domain/slug.h"

namespace fw::ingest {
namespace {

bool looks_like_email(std::string_view word) {
    const auto at = word.find('@');
    if (at == std::string_view::npos || at == 0 || word.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    const auto domain = word.substr(at + 1);
    const auto dot = domain.find('.');
    return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

}  // namespace

bool is_valid_edgar_contact(std::string_view contact) {
    if (std::any_of(contact.begin(), contact.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
        return false;
    }
    bool has_email = false;
    bool has_name = false;
    std::size_t pos = 0;
    contact = trim(contact);
    while (pos < contact.size()) {
        const auto end = std::min(contact.find(' ', pos), contact.size());
        const auto word = contact.substr(pos, end - pos);
        pos = end + 1;
        if (word.empty()) {
            continue;
        }
        if (looks_like_email(word)) {
            has_email = true;
        } else {
            has_name = true;
        }
    }
    return has_email && has_name;
}

Result<std::string> user_agent_for(SourceKind kind, const std::optional<std::string>& edgar_contact) {
    if (kind != SourceKind::Edgar) {
        return std::string(kProductToken) + " (+" + std::string(kProjectUrl) + ")";
    }
    if (!edgar_contact || !is_valid_edgar_contact(*edgar_contact)) {
        return make_error(ErrorCode::Config,
                          "SEC EDGAR requires a contact: set FW_EDGAR_CONTACT='Name "
                          "email@example.com' (SEC fair-access policy: undeclared clients get 403)");
    }
    return std::string(kProductToken) + " " + std::string(trim(*edgar_contact));
}

}  // namespace fw::ingest
