# Sets FW_HAVE_PRICES_CSV when ingest builds the prices CSV reader (written in parallel; the
# fuzz target and its replay test compile it in only once both its header and source exist).
set(FW_HAVE_PRICES_CSV OFF)
if(EXISTS ${PROJECT_SOURCE_DIR}/ingest/prices_csv.h)
  file(READ ${PROJECT_SOURCE_DIR}/ingest/CMakeLists.txt _fw_ingest_lists)
  string(FIND "${_fw_ingest_lists}" "prices_csv.cpp" _fw_pos)
  if(NOT _fw_pos EQUAL -1)
    set(FW_HAVE_PRICES_CSV ON)
  endif()
endif()
