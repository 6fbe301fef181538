// fw_parse_bench: parse+normalise throughput of parse_feed() on one core (MB/s and items/s).
// Usage: fw_parse_bench [--runs N] [--write-synthetic DIR] [--write-large DIR] [FILE ...]
// Without files it measures two synthetic feeds (Atom and RSS, 10,000 entries with ~1 KB of
// escaped HTML each). Times are CPU time (best of N). --write-synthetic writes them to DIR (for
// bench/compare_parse.sh) and exits. --write-large writes large_atom.xml and large_rss.xml
// (10,000 entries, ~20 MB each: a short escaped-HTML summary plus a long HTML body, escaped in
// Atom and CDATA in RSS's content:encoded) for the whole-program comparison
// (bench/compare_parse_cli.sh) and exits.

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/feed_parser.h"

namespace {

std::string synthetic(bool atom, int entries) {
    const std::string para =
        "&lt;p&gt;Frontier lab &amp;amp; partners announce a model with &lt;b&gt;open weights&lt;/b&gt;, "
        "evaluations and a system card. &lt;a href=\"https://lab.example/x\"&gt;Read more&lt;/a&gt;&lt;/p&gt;";
    std::string body =
        atom ? "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
               "<title>Synthetic</title><link href=\"https://lab.example/\"/><updated>2026-04-08T14:00:00Z</updated>\n"
             : "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" "
               "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
               "<channel><title>Synthetic</title><link>https://lab.example/</link>\n";
    for (int i = 0; i < entries; ++i) {
        const std::string n = std::to_string(i);
        std::string summary;
        for (int k = 0; k < 5; ++k)
            summary += para;
        if (atom) {
            body += "<entry><id>tag:lab.example,2026:" + n + "</id><title>Model release " + n +
                    "</title><link rel=\"alternate\" href=\"https://lab.example/news/" + n +
                    "\"/><updated>2026-04-08T14:00:00Z</updated><published>2026-04-07T09:30:00-04:00</published>"
                    "<author><name>Lab News</name></author><category term=\"models\"/><summary type=\"html\">" +
                    summary + "</summary></entry>\n";
        } else {
            body += "<item><guid isPermaLink=\"false\">id-" + n + "</guid><title>Model release " + n +
                    "</title><link>https://lab.example/news/" + n +
                    "</link><pubDate>Tue, 07 Apr 2026 09:30:00 -0400</pubDate><dc:creator>Lab News</dc:creator>"
                    "<category>models</category><description>" +
                    summary + "</description></item>\n";
        }
    }
    return body + (atom ? "</feed>\n" : "</channel></rss>\n");
}

/// The whole-program feeds: what a full-text feed carries (summary + content, both HTML).
std::string large(bool atom, int entries) {
    const std::string para =
        "<p>Frontier lab &amp; partners announce a model with <b>open weights</b>, evaluations and a "
        "system card; the <a href=\"https://lab.example/x\">technical report</a> has the details.</p>\n";
    const auto escape = [](const std::string& html) {
        std::string out;
        for (char c : html) {
            out += c == '<'   ? std::string("&lt;")
                   : c == '>' ? std::string("&gt;")
                   : c == '&' ? std::string("&amp;")
                              : std::string(1, c);
        }
        return out;
    };
    std::string body_html;
    for (int k = 0; k < 8; ++k)
        body_html += para;
    const std::string summary_html =
        "Model card, evaluations &amp; weights: <i>what changed</i> since the last release.";
    std::string body =
        atom ? "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
               "xml:lang=\"en\"><title>Large synthetic</title><link href=\"https://lab.example/\"/>"
               "<updated>2026-04-08T14:00:00Z</updated><id>tag:lab.example,2026:feed</id>\n"
             : "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" "
               "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
               "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Large synthetic</title>"
               "<link>https://lab.example/</link><description>Everything the lab publishes</description>"
               "<language>en-us</language><lastBuildDate>Wed, 08 Apr 2026 14:00:00 GMT</lastBuildDate>\n";
    for (int i = 0; i < entries; ++i) {
        const std::string n = std::to_string(i);
        const std::string day = std::to_string(10 + i % 18);
        if (atom) {
            body += "<entry><id>tag:lab.example,2026:post-" + n + "</id><title type=\"html\">Model release " + n +
                    " &amp;amp; evaluation notes</title><link rel=\"alternate\" type=\"text/html\" "
                    "href=\"https://lab.example/news/" +
                    n + "\"/><published>2026-03-" + day + "T09:30:00-04:00</published><updated>2026-03-" + day +
                    "T14:00:00Z</updated><author><name>Lab News</name><email>news@lab.example</email></author>"
                    "<category term=\"models\"/><category term=\"research\"/><summary type=\"html\">" +
                    escape(summary_html) + "</summary><content type=\"html\">" + escape(body_html) +
                    "</content></entry>\n";
        } else {
            body += "<item><title>Model release " + n +
                    " &amp; evaluation notes</title><link>https://lab.example/news/" + n +
                    "</link><guid isPermaLink=\"false\">lab-post-" + n + "</guid><pubDate>Tue, " + day +
                    " Mar 2026 09:30:00 -0400</pubDate><dc:creator>Lab News</dc:creator><category>models</category>"
                    "<category>research</category><description>" +
                    escape(summary_html) + "</description><content:encoded><![CDATA[" + body_html +
                    "]]></content:encoded></item>\n";
        }
    }
    return body + (atom ? "</feed>\n" : "</channel></rss>\n");
}

/// CPU seconds of this process: the machine is shared, so wall time would measure the neighbours.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 10;
    std::vector<std::pair<std::string, std::string>> inputs;  // name, body
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--write-synthetic" && i + 1 < argc) {
            const std::filesystem::path dir = argv[++i];
            std::filesystem::create_directories(dir);
            std::ofstream(dir / "synthetic_atom.xml", std::ios::binary) << synthetic(true, 10000);
            std::ofstream(dir / "synthetic_rss.xml", std::ios::binary) << synthetic(false, 10000);
            return 0;
        } else if (arg == "--write-large" && i + 1 < argc) {
            const std::filesystem::path dir = argv[++i];
            std::filesystem::create_directories(dir);
            std::ofstream(dir / "large_atom.xml", std::ios::binary) << large(true, 10000);
            std::ofstream(dir / "large_rss.xml", std::ios::binary) << large(false, 10000);
            return 0;
        } else {
            inputs.emplace_back(arg, read(arg));
        }
    }
    if (inputs.empty()) {
        inputs.emplace_back("synthetic_atom (10k entries)", synthetic(true, 10000));
        inputs.emplace_back("synthetic_rss (10k items)", synthetic(false, 10000));
    }
    std::size_t bytes = 0, items = 0;
    double best_total = 0;
    for (const auto& [name, body] : inputs) {
        double best = 1e9;
        std::size_t n = 0;
        for (int r = 0; r < runs; ++r) {
            const double t0 = cpu_seconds();
            const auto feed = fw::ingest::parse_feed(body);
            const double s = cpu_seconds() - t0;
            if (!feed) {
                std::fprintf(stderr, "%s: %s\n", name.c_str(), feed.error().message.c_str());
                break;
            }
            n = feed->items.size();
            best = std::min(best, s);
        }
        std::printf("%-48s %9.1f KB %6zu items %9.2f ms %8.1f MB/s %10.0f items/s\n", name.c_str(),
                    body.size() / 1024.0, n, best * 1e3, body.size() / best / 1e6, n / best);
        bytes += body.size();
        items += n;
        best_total += best;
    }
    std::printf(
        "TOTAL %zu files %.1f MB %zu items in %.4f s: %.1f MB/s, %.0f items/s (best of %d runs, CPU time, one core)\n",
        inputs.size(), bytes / 1e6, items, best_total, bytes / best_total / 1e6, items / best_total, runs);
    return 0;
}
