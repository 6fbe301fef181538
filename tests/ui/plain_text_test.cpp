// Fetched text is shown as plain text: a hostile title or snippet never becomes markup, and no
// remote resource is loaded for it.

#include <QLabel>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTreeWidget>

#include "support/catch.h"
#include "ui/models/event_table_model.h"
#include "ui/views/event_detail_pane.h"
#include "ui/views/timeline_view.h"
#include "ui_fixture.h"

using namespace fw;

namespace {

const std::string kHostile = "<script>alert(1)</script><img src=http://127.0.0.1:9/pixel.png> <b>bold</b>";

Event hostileEvent() {
    Event e;
    e.kind = EventKind::ModelRelease;
    e.occurred_at = make_time(2026, 4, 8);
    e.detected_at = make_time(2026, 4, 8);
    e.lab = "meta";
    e.model = "muse-spark";
    e.title = kHostile;
    e.dedupe_key = "model_release|hostile-test";
    e.review = Review::Auto;
    e.confidence = 0.5;
    e.evidence.push_back(Evidence{0, "javascript:alert(1)", "evil-feed", kHostile, std::nullopt});
    e.fields.set("diff", std::string("--- old\n+++ new\n-<b>old</b>\n+<img src=http://x/y.png>\n"));
    return e;
}

}  // namespace

TEST_CASE("a hostile event title is shown verbatim as plain text", "[ui][security]") {
    test::TempDir dir;
    auto session = test::openSession(dir / "hostile.db");
    auto id = session->context().store->upsert_event(hostileEvent());
    REQUIRE(id);
    ui::TimelineView timeline(*session);
    REQUIRE(timeline.model()->totalCount() == 1);
    timeline.table()->selectRow(0);
    auto* pane = timeline.detail();
    REQUIRE(pane->event().has_value());
    CHECK(pane->titleLabel()->textFormat() == Qt::PlainText);
    CHECK(pane->titleLabel()->text() == QString::fromStdString(kHostile));
    auto* evidence = pane->evidenceTree()->topLevelItem(0);
    REQUIRE(evidence != nullptr);
    CHECK(evidence->text(1) == QString::fromStdString(kHostile));
}

TEST_CASE("a licence diff marks additions and removals without interpreting them", "[ui][security]") {
    test::TempDir dir;
    auto session = test::openSession(dir / "diff.db");
    ui::EventDetailPane pane(*session);
    pane.setEvent(hostileEvent());
    const QString text = pane.diffView()->toPlainText();
    CHECK(text.contains("+<img src=http://x/y.png>"));
    CHECK(text.contains("-<b>old</b>"));
    // One mark per added or removed line; the --- and +++ headers are not marked.
    CHECK(pane.diffView()->extraSelections().size() == 2);
}

TEST_CASE("an event without a diff hides the diff view", "[ui][security]") {
    test::TempDir dir;
    auto session = test::openSession(dir / "nodiff.db");
    ui::EventDetailPane pane(*session);
    Event e = hostileEvent();
    e.fields.erase("diff");
    pane.setEvent(e);
    CHECK(pane.diffView()->toPlainText().isEmpty());
    CHECK(pane.diffView()->isHidden());
}
