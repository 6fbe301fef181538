#pragma once
// Conversions between core values (std::string, TimePoint, optionals) and Qt text and dates.

#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>
#include <string>

#include "domain/time.h"

namespace fw::ui {

inline QString qs(const std::string& text) {
    return QString::fromStdString(text);
}
inline QString qs(const std::optional<std::string>& text) {
    return text ? QString::fromStdString(*text) : QString();
}
inline std::string ss(const QString& text) {
    return text.toStdString();
}

/// "2026-04-08"; empty for nullopt.
QString dateText(std::optional<TimePoint> t);
QDate toQDate(TimePoint t);
QDateTime toQDateTime(TimePoint t);
/// Midnight UTC of the date.
TimePoint fromQDate(const QDate& date);
/// Milliseconds since the epoch, as QtCharts' QDateTimeAxis wants.
double chartMs(TimePoint t);
/// The current time, to the second.
TimePoint nowSeconds();

}  // namespace fw::ui
