#include "store/migrations.h"

#include <array>
#include <string>

namespace fw::store {
namespace {

// Dialect notes for a later PostgreSQL variant (kept plain on purpose):
// - INTEGER PRIMARY KEY is SQLite's rowid alias; PostgreSQL: BIGINT GENERATED ALWAYS AS IDENTITY.
// - Times are INTEGER UTC seconds (BIGINT there); booleans are INTEGER 0/1; REAL is
//   DOUBLE PRECISION; JSON bodies are TEXT (could become JSONB).
// - items_fts (FTS5 virtual table + trigger) has no PostgreSQL twin: use a tsvector column with
//   a GIN index instead.
// - ON CONFLICT ... DO NOTHING / DO UPDATE is the same syntax in both.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE sources (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL UNIQUE,
  url                  TEXT NOT NULL,
  kind                 TEXT NOT NULL,
  lab                  TEXT,
  category             TEXT,
  every_seconds        INTEGER,
  interval_seconds     INTEGER NOT NULL DEFAULT 3600,
  due_at               INTEGER,
  etag                 TEXT NOT NULL DEFAULT '',
  last_modified        TEXT NOT NULL DEFAULT '',
  last_fetch_at        INTEGER,
  last_status          TEXT,
  http_status          INTEGER,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  last_error           TEXT,
  newest_item_at       INTEGER,
  removed_at           INTEGER  -- set by remove without purge: the row stays for its items
);

CREATE TABLE fetch_log (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  started_at  INTEGER NOT NULL,
  duration_ms REAL NOT NULL DEFAULT 0,
  status      TEXT NOT NULL,
  http_status INTEGER,
  bytes       INTEGER NOT NULL DEFAULT 0,
  new_items   INTEGER NOT NULL DEFAULT 0,
  error       TEXT
);
CREATE INDEX fetch_log_source ON fetch_log(source_id, started_at);

CREATE TABLE items (
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  native_id    TEXT NOT NULL,
  title        TEXT NOT NULL,
  link         TEXT NOT NULL,
  published    INTEGER,
  updated      INTEGER,
  fetched_at   INTEGER NOT NULL,
  sort_at      INTEGER NOT NULL,  -- published, else fetched_at: "newest first"
  content_hash TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  summary_text TEXT NOT NULL DEFAULT '',  -- plain texts: searched, so kept out of the payload
  content_text TEXT NOT NULL DEFAULT '',
  payload      TEXT NOT NULL,     -- the rest of the FeedEntry as JSON
  UNIQUE (source_id, native_id)
);
CREATE INDEX items_sort ON items(sort_at, id);
CREATE INDEX items_source_sort ON items(source_id, sort_at);

CREATE TABLE item_versions (
  id           INTEGER PRIMARY KEY,
  item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  version      INTEGER NOT NULL,
  title        TEXT NOT NULL,
  link         TEXT NOT NULL,
  published    INTEGER,
  updated      INTEGER,
  fetched_at   INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  summary_text TEXT NOT NULL DEFAULT '',
  content_text TEXT NOT NULL DEFAULT '',
  payload      TEXT NOT NULL,
  UNIQUE (item_id, version)
);

-- Full text of the current version of each item. External content (content='items'): the
-- text is stored once, in items. New rows are indexed by the item repository (an AFTER INSERT
-- trigger measured slower on the hot insert path); these triggers keep the index in step with
-- every update and delete, including ON DELETE CASCADE from sources.
CREATE VIRTUAL TABLE items_fts USING fts5(
  title, summary_text, content_text,
  content = 'items', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, summary_text, content_text)
  VALUES ('delete', old.id, old.title, old.summary_text, old.content_text);
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF title, summary_text, content_text ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, summary_text, content_text)
  VALUES ('delete', old.id, old.title, old.summary_text, old.content_text);
  INSERT INTO items_fts (rowid, title, summary_text, content_text)
  VALUES (new.id, new.title, new.summary_text, new.content_text);
END;

CREATE TABLE entities (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('lab','model','surface','person','license','security')),
  slug       TEXT NOT NULL,
  body       TEXT NOT NULL,  -- JSON of the domain value
  discovered INTEGER NOT NULL DEFAULT 0,
  position   INTEGER NOT NULL DEFAULT 0,  -- order in the loaded taxonomy
  UNIQUE (kind, slug)
);

CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL,
  occurred_at    INTEGER NOT NULL,
  time_precision TEXT NOT NULL DEFAULT 'day',
  lab            TEXT,
  model          TEXT,
  person         TEXT,
  surface        TEXT,
  security       TEXT,
  title          TEXT NOT NULL,
  fields         TEXT NOT NULL DEFAULT '{}',
  confidence     REAL NOT NULL DEFAULT 1,
  review         TEXT NOT NULL DEFAULT 'auto',
  dedupe_key     TEXT NOT NULL UNIQUE,
  detected_at    INTEGER NOT NULL,
  edited         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_occurred ON events(occurred_at);
CREATE INDEX events_kind ON events(kind, occurred_at);
CREATE INDEX events_lab ON events(lab, occurred_at);
CREATE INDEX events_model ON events(model, occurred_at);

CREATE TABLE evidence (
  id         INTEGER PRIMARY KEY,
  event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  item_id    INTEGER REFERENCES items(id) ON DELETE SET NULL,
  url        TEXT NOT NULL DEFAULT '',
  source     TEXT NOT NULL DEFAULT '',
  snippet    TEXT NOT NULL DEFAULT '',
  fetched_at INTEGER,
  ref        TEXT NOT NULL,  -- 'item:<id>' or 'url:<url>': one row per event and item/url
  UNIQUE (event_id, ref)
);
CREATE INDEX evidence_item ON evidence(item_id);

CREATE TABLE prices (
  symbol    TEXT NOT NULL,
  date      TEXT NOT NULL,  -- YYYY-MM-DD (a calendar day, not an instant)
  open      REAL,
  high      REAL,
  low       REAL,
  close     REAL,
  adj_close REAL,
  volume    INTEGER,
  PRIMARY KEY (symbol, date)
);

CREATE TABLE question_answers (
  id          TEXT PRIMARY KEY,
  text        TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL,
  evidence    TEXT NOT NULL DEFAULT '[]',  -- JSON array of event ids
  resolved_at INTEGER,
  opened_at   INTEGER,
  explanation TEXT NOT NULL DEFAULT '',
  updated_at  INTEGER NOT NULL
);

CREATE TABLE alerts (
  id          INTEGER PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE,
  rule_id     TEXT NOT NULL,
  event_id    INTEGER REFERENCES events(id) ON DELETE SET NULL,
  question_id TEXT,
  channel     TEXT NOT NULL,
  title       TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'pending',
  attempts    INTEGER NOT NULL DEFAULT 0,
  sent_at     INTEGER,
  last_error  TEXT
);
CREATE INDEX alerts_status ON alerts(status);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql";

constexpr std::array<Migration, 1> kMigrations{{
    {1, "initial schema", kSchemaV1},
}};

/// Returns false when another connection applied it meanwhile (checked under the write lock).
Result<bool> apply_one(Database& db, const Migration& migration) {
    auto tx = Transaction::begin(db);
    if (!tx) {
        return tx.error();
    }
    auto now = schema_version(db);
    if (!now) {
        return now.error();
    }
    if (*now >= migration.version) {
        return false;
    }
    auto status = db.exec(migration.sql);
    if (status) {
        // PRAGMA takes no bound parameters; the value is our own integer constant.
        status = db.exec("PRAGMA user_version = " + std::to_string(migration.version));
    }
    if (status) {
        status = tx->commit();
    }
    if (!status) {
        return make_error(ErrorCode::Storage,
                          "migration " + std::to_string(migration.version) + " (" +
                              std::string(migration.name) + ") failed: " + status.error().message,
                          db.path());
    }
    return true;
}

}  // namespace

std::span<const Migration> schema_migrations() { return kMigrations; }

Result<int> schema_version(Database& db) {
    auto st = db.prepare("PRAGMA user_version");
    if (!st) {
        return st.error();
    }
    auto row = st->step();
    if (!row) {
        return row.error();
    }
    return *row ? static_cast<int>(st->int64(0)) : 0;
}

Result<int> migrate(Database& db, std::span<const Migration> migrations) {
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        if (migrations[i].version != static_cast<int>(i) + 1) {
            return make_error(ErrorCode::Invalid,
                              "migration list is not numbered 1, 2, 3, ...: position " +
                                  std::to_string(i + 1) + " has " +
                                  std::to_string(migrations[i].version));
        }
    }
    auto current = schema_version(db);
    if (!current) {
        return current.error();
    }
    const int latest = static_cast<int>(migrations.size());
    if (*current > latest) {
        return make_error(ErrorCode::Storage,
                          "database schema version " + std::to_string(*current) +
                              " is newer than this build knows (" + std::to_string(latest) + ")",
                          db.path());
    }
    int applied = 0;
    for (const auto& migration : migrations.subspan(static_cast<std::size_t>(*current))) {
        auto ran = apply_one(db, migration);
        if (!ran) {
            return ran.error();
        }
        applied += *ran ? 1 : 0;
    }
    return applied;
}

}  // namespace fw::store
