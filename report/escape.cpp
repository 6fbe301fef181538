#include "report/escape.h"

namespace fw::report {

std::string escape_xml(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') {
                    out += c;
                }
        }
    }
    return out;
}

std::string escape_markdown_cell(std::string_view text) {
    std::string out;
    for (char c : escape_xml(text)) {
        if (c == '|' || c == '[' || c == ']' || c == '`' || c == '*' || c == '_') {
            out += '\\';
            out += c;
        } else if (c == '\n' || c == '\r') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace fw::report
