#pragma once
// The views of the main window, in tab order (Ctrl+1..9), with the contract's --view names.

#include <QString>
#include <QStringList>
#include <optional>

namespace fw::ui {

enum class ViewId { Dashboard, Timeline, Rollout, Evals, Openness, People, Market, Sources, Review };

/// dashboard, timeline, rollout, evals, openness, people, market, sources, review.
QString viewName(ViewId id);
/// The tab title shown to people ("Dashboard", "Eval lags", ...).
QString viewTitle(ViewId id);
std::optional<ViewId> viewFromName(const QString& name);
/// Every view in tab order.
const QList<ViewId>& allViews();
QStringList allViewNames();

}  // namespace fw::ui
