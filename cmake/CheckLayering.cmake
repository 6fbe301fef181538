# Checks the include graph against docs/architecture.md: which module folder may include which.
# Run as a test: cmake -DSOURCE_DIR=... -P CheckLayering.cmake
set(allowed_domain "domain")
set(allowed_ingest "domain;ingest")
set(allowed_store "domain;store")
set(allowed_extract "domain;extract")
set(allowed_analysis "domain;analysis")
set(allowed_report "domain;analysis;report")
set(allowed_app "domain;ingest;store;extract;analysis;report;app")
# The front ends reach the store only through app/ (issue 15): no store/ header, and no store
# call or store type by name (the second check below).
set(allowed_cli "domain;ingest;extract;analysis;report;app;cli")
set(allowed_ui "domain;ingest;extract;analysis;report;app;ui")
set(own_modules domain ingest store extract analysis report app cli ui)
set(failures "")

foreach(module domain ingest store extract analysis report app cli ui)
  file(GLOB_RECURSE files "${SOURCE_DIR}/${module}/*.h" "${SOURCE_DIR}/${module}/*.cpp")
  foreach(file ${files})
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line ${lines})
      # No Qt anywhere in the core.
      if(NOT module STREQUAL "ui" AND (line MATCHES "<Q[A-Za-z]*>" OR line MATCHES "<Qt[A-Za-z]*/"))
        list(APPEND failures "${file}: Qt include in the Qt-free core: ${line}")
      endif()
      if(line MATCHES "\"([a-z_]+)/[^\"]+\"")
        set(target "${CMAKE_MATCH_1}")
        list(FIND own_modules "${target}" is_module)
        list(FIND allowed_${module} "${target}" is_allowed)
        if(NOT is_module EQUAL -1 AND is_allowed EQUAL -1)
          list(APPEND failures "${file}: ${module}/ may not include ${target}/: ${line}")
        endif()
      endif()
      # app/ uses the store's interfaces (store/store.h, store/<aggregate>_store.h), never a
      # backend, a repository or the SQL layer: no SQL is written outside store/ (issue 15).
      if(module STREQUAL "app" AND line MATCHES "\"store/(pg/|sqlite_|repository_store|database|statement|sql_|[a-z_]+_repository|payload_codec)")
        list(APPEND failures "${file}: app/ may use only the store's interfaces, not its backends or SQL: ${line}")
      endif()
      # Pure modules do no I/O of their own.
      if(module MATCHES "^(analysis|extract|domain)$" AND line MATCHES "<(curl/|sqlite3|fstream|iostream)")
        list(APPEND failures "${file}: ${module}/ must stay pure: ${line}")
      endif()
    endforeach()
  endforeach()
endforeach()

# cli/ and ui/ call app/: a Store reached through the AppContext or a store:: name is a use case
# written in a front end. The AppContext's member is caught in every form a front end can use
# it: called through (ctx.store->x()), dereferenced and passed on (f(*ctx->store), a reference
# `auto& s = *ctx.store;`), taken as a pointer (ctx.store.get()) or named as a member pointer
# (&AppContext::store): `.store`, `->store` or `::store` followed by anything but more of a name
# or a call (g_stop.store(true) is an atomic's store, app::store_location(ctx) an app/ call).
# Files still to move are listed here (none now).
set(store_exempt "")
foreach(module cli ui)
  file(GLOB_RECURSE files "${SOURCE_DIR}/${module}/*.h" "${SOURCE_DIR}/${module}/*.cpp")
  foreach(file ${files})
    list(FIND store_exempt "${file}" exempt)
    if(NOT exempt EQUAL -1)
      continue()
    endif()
    file(STRINGS "${file}" lines REGEX "store::|[.>:]store([^A-Za-z0-9_:(]|$)")
    foreach(line ${lines})
      list(APPEND failures "${file}: ${module}/ reaches the store directly (call app/): ${line}")
    endforeach()
  endforeach()
endforeach()

if(failures)
  list(JOIN failures "\n" text)
  message(FATAL_ERROR "Layering violations:\n${text}")
endif()
message(STATUS "layering: ok")
