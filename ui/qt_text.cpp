#include "ui/qt_text.h"

#include <chrono>

namespace fw::ui {

QString dateText(std::optional<TimePoint> t) {
    return t ? qs(format_date(*t)) : QString();
}

QDateTime toQDateTime(TimePoint t) {
    return QDateTime::fromSecsSinceEpoch(t.time_since_epoch().count(), Qt::UTC);
}

QDate toQDate(TimePoint t) {
    return toQDateTime(t).date();
}

TimePoint fromQDate(const QDate& date) {
    return make_time(date.year(), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

double chartMs(TimePoint t) {
    return static_cast<double>(t.time_since_epoch().count()) * 1000.0;
}

TimePoint nowSeconds() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace fw::ui
