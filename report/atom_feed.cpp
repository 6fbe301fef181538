#include <algorithm>

#include "report/escape.h"
#include "report/render.h"

namespace fw::report {
namespace {

std::string entry(const Event& e, std::string_view feed_id) {
    std::string out = "  <entry>\n";
    out += "    <id>" + escape_xml(std::string(feed_id) + "/event/" + std::to_string(e.id)) + "</id>\n";
    out += "    <title>" + escape_xml(std::string(to_string(e.kind)) + ": " + e.title) + "</title>\n";
    out += "    <updated>" + format_rfc3339(std::max(e.detected_at, e.occurred_at)) + "</updated>\n";
    out += "    <published>" + format_rfc3339(e.occurred_at) + "</published>\n";
    // The first web evidence is the entry's page; the rest are related.
    bool alternate = true;
    for (const Evidence& ev : e.evidence) {
        if (ev.url.starts_with("http://") || ev.url.starts_with("https://")) {
            out += std::string("    <link rel=\"") + (alternate ? "alternate" : "related") + "\" href=\"" +
                   escape_xml(ev.url) + "\"/>\n";
            alternate = false;
        }
    }
    out += "    <category term=\"" + escape_xml(to_string(e.kind)) + "\"/>\n";
    std::string summary = std::string(to_string(e.kind));
    if (e.lab)
        summary += " lab=" + *e.lab;
    if (e.model)
        summary += " model=" + *e.model;
    if (e.surface)
        summary += " surface=" + *e.surface;
    if (e.person)
        summary += " person=" + *e.person;
    summary += " review=" + std::string(to_string(e.review));
    out += "    <summary type=\"text\">" + escape_xml(summary) + "</summary>\n";
    // Atom wants content or an alternate link; content also carries the evidence snippets.
    std::string content = e.title;
    for (const Evidence& ev : e.evidence) {
        content += "\n- " + ev.source + ": " + ev.url + (ev.snippet.empty() ? "" : " \"" + ev.snippet + "\"");
    }
    out += "    <content type=\"text\">" + escape_xml(content) + "</content>\n";
    return out + "  </entry>\n";
}

}  // namespace

std::string render_events_atom(std::span<const Event> events, std::string_view feed_id, TimePoint now) {
    TimePoint updated = now;
    if (!events.empty()) {
        updated = TimePoint{};
        for (const Event& e : events)
            updated = std::max({updated, e.detected_at, e.occurred_at});
    }
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    out += "  <id>" + escape_xml(feed_id) + "</id>\n  <title>Frontier Watch alerts</title>\n";
    out += "  <updated>" + format_rfc3339(updated) + "</updated>\n";
    out += "  <author><name>Frontier Watch</name></author>\n  <generator>frontierwatch</generator>\n";
    for (const Event& e : events)
        out += entry(e, feed_id);
    return out + "</feed>\n";
}

}  // namespace fw::report
