#!/usr/bin/env python3
"""Writes the SYNTHETIC daily price files of the demo snapshot: ../prices/META.csv and SPY.csv.

The prices are invented (a seeded random walk with a market model), not market data: no licence
allows copying real prices into the project. They cover the NYSE trading days 2025-01-02 to
2026-11-20 in the Yahoo Finance CSV layout (Date,Open,High,Low,Close,Adj Close,Volume), with
quarterly dividends so that Adj Close differs from Close before each ex-dividend date.

META follows SPY with beta 1.25 plus noise, and carries invented abnormal returns on the demo
story's dates (earnings on the trading day after each 8-K 2.02 filing, the Muse Spark launch), so
the event study of the report has something to find. Deterministic: fixed seed, no clock.
Run: python3 gen_prices.py  (from any directory)
"""
import datetime as dt
import os
import random

SEED = 20260408
START, END = dt.date(2025, 1, 2), dt.date(2026, 11, 20)
HOLIDAYS = {  # NYSE full-day closures
    "2025-01-01", "2025-01-09", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26",
    "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25",
    "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19",
    "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25",
}
# Invented abnormal returns of META on these trading days (day 0 of each demo event).
META_SHOCKS = {
    "2025-01-30": 0.015, "2025-05-01": 0.042, "2025-07-31": 0.095, "2025-10-30": -0.105,
    "2026-01-29": 0.052, "2026-04-08": 0.031, "2026-04-09": 0.012, "2026-04-30": -0.038,
    "2026-07-09": 0.018, "2026-07-30": 0.061, "2026-10-06": -0.004, "2026-10-29": -0.027,
}
DIVIDENDS = {
    "META": {"2025-03-14": 0.525, "2025-06-16": 0.525, "2025-09-22": 0.525, "2025-12-15": 0.525,
             "2026-03-16": 0.525, "2026-06-15": 0.525, "2026-09-21": 0.525},
    "SPY": {"2025-03-21": 1.70, "2025-06-20": 1.76, "2025-09-19": 1.74, "2025-12-19": 1.99,
            "2026-03-20": 1.73, "2026-06-18": 1.80, "2026-09-18": 1.78},
}


def trading_days():
    d = START
    while d <= END:
        if d.weekday() < 5 and d.isoformat() not in HOLIDAYS:
            yield d.isoformat()
        d += dt.timedelta(days=1)


def closes(days, total_returns, start, dividends):
    """Close prices: grow by the total return, drop by the dividend on each ex-date."""
    out, price = [], start
    for i, day in enumerate(days):
        if i > 0:
            price = price * (1 + total_returns[i]) - dividends.get(day, 0.0)
        out.append(price)
    return out


def adjusted(days, close, dividends):
    """Yahoo-style adjustment: before an ex-date, multiply by (1 - dividend / previous close)."""
    factor, adj = 1.0, [0.0] * len(days)
    for i in range(len(days) - 1, -1, -1):
        adj[i] = close[i] * factor
        if days[i] in dividends and i > 0:
            factor *= 1 - dividends[days[i]] / close[i - 1]
    return adj


def bars(rng, days, close, base_volume, busy_days):
    rows, prev = [], close[0]
    for i, day in enumerate(days):
        open_ = prev * (1 + rng.gauss(0, 0.004)) if i else close[0] * (1 + rng.gauss(0, 0.004))
        high = max(open_, close[i]) * (1 + abs(rng.gauss(0, 0.006)))
        low = min(open_, close[i]) * (1 - abs(rng.gauss(0, 0.006)))
        volume = int(base_volume * rng.lognormvariate(0, 0.25) * (2.5 if day in busy_days else 1))
        rows.append((day, open_, high, low, close[i], volume))
        prev = close[i]
    return rows


def write(path, rows, adj):
    with open(path, "w", newline="\n") as f:
        f.write("Date,Open,High,Low,Close,Adj Close,Volume\n")
        for (day, o, h, l, c, v), a in zip(rows, adj):
            f.write(f"{day},{o:.6f},{h:.6f},{l:.6f},{c:.6f},{a:.6f},{v}\n")


def main():
    rng = random.Random(SEED)
    days = list(trading_days())
    market = [0.0] + [rng.gauss(0.0004, 0.009) for _ in days[1:]]
    meta = [0.0] + [0.0002 + 1.25 * market[i] + rng.gauss(0, 0.014) + META_SHOCKS.get(days[i], 0.0)
                    for i in range(1, len(days))]
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "prices")
    os.makedirs(out_dir, exist_ok=True)
    for symbol, returns, start, volume in (("SPY", market, 584.64, 55_000_000),
                                           ("META", meta, 599.24, 14_000_000)):
        close = closes(days, returns, start, DIVIDENDS[symbol])
        adj = adjusted(days, close, DIVIDENDS[symbol])
        busy = set(META_SHOCKS) if symbol == "META" else set()
        write(os.path.join(out_dir, f"{symbol}.csv"), bars(rng, days, close, volume, busy), adj)
    print(f"wrote {len(days)} trading days ({days[0]}..{days[-1]}) to {os.path.normpath(out_dir)}")


if __name__ == "__main__":
    main()
