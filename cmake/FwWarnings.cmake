# Per-target warning and sanitizer flags (never global CMAKE_CXX_FLAGS edits).
# BENCH: a benchmark program (bench/). The sanitizer build (scripts/asan.sh, so CI) compiles it so
# it keeps building but never runs it: its own files are compiled unoptimised and uninstrumented
# (fw_extract_accuracy: 11 s of CPU instead of 39 s), and it links the sanitizer runtimes that the
# instrumented libraries it uses need. Libraries that tests link (fw_extract_eval) are not BENCH.
function(fw_set_warnings target)
  cmake_parse_arguments(ARG "UI;BENCH" "" "" ${ARGN})
  set(flags -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual)
  # GCC 12 at -O2 reports "literal" + std::string&& as overlapping memcpy (-Wrestrict): a known
  # false positive (GCC bugs 105329, 105651) that buried real warnings in Release builds.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12)
    list(APPEND flags -Wno-restrict)
  endif()
  if(FW_WARNINGS_AS_ERRORS)
    list(APPEND flags -Werror)
  endif()
  target_compile_options(${target} PRIVATE ${flags})
  if(ARG_BENCH AND FW_SANITIZE)
    target_compile_options(${target} PRIVATE -O0)
    target_link_options(${target} PRIVATE -fsanitize=${FW_SANITIZE})
    return()
  endif()
  fw_set_sanitizers(${target})
endfunction()

function(fw_set_sanitizers target)
  if(FW_SANITIZE)
    # A UBSan finding aborts the process (so fails its test) instead of printing and going on.
    target_compile_options(${target} PRIVATE -fsanitize=${FW_SANITIZE} -fno-sanitize-recover=all
                                             -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${FW_SANITIZE})
  endif()
endfunction()

# A module library: one folder, one static library, one fw:: alias.
function(fw_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  add_library(fw_${name} STATIC ${ARG_SOURCES})
  add_library(fw::${name} ALIAS fw_${name})
  target_include_directories(fw_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  fw_set_warnings(fw_${name})
  if(name STREQUAL "ui")
    fw_precompile(fw_ui qt)
  endif()
endfunction()

# Precompiled headers (FW_PCH=ON, scripts/test.sh): the headers every file of a target parses.
# KIND: test (Catch2 + std), qt (Qt Widgets/Charts + std), qt_test (both).
set(FW_PCH_STD <algorithm> <chrono> <cstdint> <filesystem> <functional> <map> <memory> <optional>
    <set> <sstream> <string> <string_view> <unordered_map> <utility> <vector>)
set(FW_PCH_QT <QtWidgets/QtWidgets> <QtCharts/QtCharts>)
function(fw_precompile target kind)
  if(NOT FW_PCH)
    return()
  endif()
  # In unity batches a test target is one or two translation units: building its header file
  # would cost as much as the parses it saves. The GUI library (several batches and its moc
  # file, each parsing Qt Widgets and Charts) keeps its own.
  if(FW_UNITY AND NOT kind STREQUAL "qt")
    return()
  endif()
  set(headers ${FW_PCH_STD})
  if(kind MATCHES "test")
    list(APPEND headers ${PROJECT_SOURCE_DIR}/tests/support/catch.h)
  endif()
  if(kind MATCHES "qt")
    list(APPEND headers ${FW_PCH_QT})
  endif()
  target_precompile_headers(${target} PRIVATE ${headers})
endfunction()

# Marks every executable defined in DIR and its subfolders EXCLUDE_FROM_ALL (still buildable by name).
function(fw_exclude_programs_from_all dir)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "EXECUTABLE")
      set_target_properties(${target} PROPERTIES EXCLUDE_FROM_ALL ON)
    endif()
  endforeach()
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(subdir IN LISTS subdirs)
    fw_exclude_programs_from_all(${subdir})
  endforeach()
endfunction()
