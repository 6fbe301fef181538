// The review queue's candidates in the cockpit: listed with their suggestion, confirmed through
// the dialog into a typed event, dismissed, and shown as plain text.

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QTableView>
#include <QTimer>

#include "app/candidate_service.h"
#include "support/catch.h"
#include "ui/models/candidate_table_model.h"
#include "ui/views/candidate_confirm_dialog.h"
#include "ui/views/candidate_panel.h"
#include "ui/views/review_view.h"
#include "ui_fixture.h"

using namespace fw;

namespace {

struct QueueSession {
    test::TempDir dir;
    std::unique_ptr<ui::Session> session = test::openSession(dir / "fw.db");
    std::vector<std::int64_t> candidates;

    QueueSession() {
        auto& store = *session->context().store;
        Source s;
        s.name = "meta-news";
        s.url = "file:///dev/null";
        s.kind = SourceKind::Feed;
        s.lab = "meta";
        auto src = store.add_source(s);
        REQUIRE(src);
        std::vector<Item> items(2);
        for (int i = 0; i < 2; ++i) {
            items[i].native_id = "g" + std::to_string(i);
            items[i].entry.id = items[i].native_id;
            items[i].entry.link = "https://example.com/" + std::to_string(i);
            items[i].entry.published = make_time(2026, 4, 20 + i);
            items[i].fetched_at = make_time(2026, 4, 22);
            items[i].content_hash = "h" + std::to_string(i);
        }
        items[0].entry.title = "<b>Muse Spark</b> shows up in WhatsApp Business";
        items[1].entry.title = "A chat with the Meta AI team";
        auto up = store.upsert_items(*src, items);
        if (!up)
            FAIL(up.error().describe());
        auto stored = store.items_by_ids(up->touched_ids);
        REQUIRE(stored);
        for (const auto& item : *stored) {
            Candidate c;
            c.entities = {"lab:meta", "model:muse-spark", "surface:whatsapp-business"};
            c.cue = "shows up in";
            c.suggested_kind = EventKind::SurfaceRollout;
            c.confidence = 0.45;
            c.lab = "meta";
            c.model = "muse-spark";
            c.reason = "low confidence";
            auto id = store.upsert_candidate(app::candidate_for_item(c, "meta-news", item));
            REQUIRE(id);
            candidates.push_back(*id);
        }
    }

    int rowOf(const ui::CandidatePanel& panel, std::int64_t id) {
        for (int r = 0; r < panel.model()->rowCount(); ++r) {
            if (panel.model()->candidateAt(r)->id == id)
                return r;
        }
        return -1;
    }
};

}  // namespace

TEST_CASE("the review view shows the candidates beside the uncertain events", "[ui][candidates]") {
    QueueSession q;
    ui::ReviewView review(*q.session);
    auto* panel = review.candidates();
    REQUIRE(panel != nullptr);
    CHECK(panel->model()->totalCount() == 2);
    CHECK(panel->status()->text().startsWith("2 candidates"));
    const int row = q.rowOf(*panel, q.candidates[0]);
    REQUIRE(row >= 0);
    const auto title = panel->model()->index(row, ui::CandidateTableModel::Title).data().toString();
    CHECK(title == "<b>Muse Spark</b> shows up in WhatsApp Business");  // plain text, tags shown as typed
    CHECK(panel->model()->index(row, ui::CandidateTableModel::Suggests).data().toString() == "surface_rollout");
    CHECK(panel->model()
              ->index(row, ui::CandidateTableModel::Title)
              .data(Qt::ToolTipRole)
              .toString()
              .contains("surface:whatsapp-business"));
}

TEST_CASE("confirming a candidate in the dialog makes an event; dismissing drops it", "[ui][candidates]") {
    QueueSession q;
    ui::CandidatePanel panel(*q.session);
    REQUIRE(panel.model()->totalCount() == 2);
    panel.table()->selectRow(q.rowOf(panel, q.candidates[0]));
    // The dialog is modal: accept it (with its prefilled surface) once it is up.
    bool prefilled = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<ui::CandidateConfirmDialog*>(QApplication::activeModalWidget());
        if (dialog == nullptr)
            return;
        prefilled = dialog->kind()->currentText() == "surface_rollout" &&
                    dialog->decision().surface == std::optional<std::string>("whatsapp-business");
        dialog->accept();
    });
    panel.confirmSelected();
    CHECK(prefilled);
    CHECK(panel.model()->totalCount() == 1);
    store::EventQuery query;
    query.kind = EventKind::SurfaceRollout;
    auto events = q.session->context().store->list_events(query);
    REQUIRE(events);
    REQUIRE(events->size() == 1);
    CHECK(events->front().dedupe_key == "surface_rollout|muse-spark|whatsapp-business");
    CHECK(events->front().review == Review::Confirmed);

    panel.table()->selectRow(0);
    panel.dismissSelected();
    CHECK(panel.model()->totalCount() == 0);
    auto left = q.session->context().store->find_candidate(q.candidates[1]);
    REQUIRE(left);
    CHECK((*left)->state == CandidateState::Dismissed);
}
