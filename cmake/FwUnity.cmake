# Unity builds (FW_UNITY=ON; scripts/asan.sh, scripts/package.sh and scripts/fuzz.sh turn it on):
# each target's files compiled in batches of FW_UNITY_BATCH, so nlohmann-json, Qt, pugixml,
# Catch2 and the standard headers are parsed, and their templates instantiated, once per batch
# instead of once per file. Off by default: an incremental build recompiles one file, not a batch.
# The default batch is the whole target (0): most of the time goes to compiling the functions,
# and the inline and template ones used by several batches were compiled once per batch (under
# ASan + UBSan, fw_app in one unit: 97 s of CPU against 75 + 45 s in two batches of 16). A clash
# between two files of a target then fails every unity build, not only when a batch holds both.
option(FW_UNITY "Compile each target's files in unity batches (CI and package builds)" OFF)
set(FW_UNITY_BATCH 0 CACHE STRING "Files per unity batch when FW_UNITY is on (0: the whole target)")
if(FW_UNITY)
  set(CMAKE_UNITY_BUILD ON)
  set(CMAKE_UNITY_BUILD_BATCH_SIZE ${FW_UNITY_BATCH})
endif()

# A file of a batch sees the anonymous namespaces and file-level names of the files before it, so
# two files of one target may not define a helper of the same name and signature. Modules rename
# such helpers (a file-specific name, as store/ did in 4c7ac76); the files below are instead
# compiled alone, outside the batches, because their folders were being edited by others when
# unity builds came in. A new clash is a compile error ("redefinition of ..."), never silent
# unless the two helpers differ in signature only. Each entry: the folder whose CMakeLists.txt
# creates the target, then the file relative to it.
# Called once every folder has been added (a source property is set in its target's folder).
function(fw_unity_exclusions)
  if(NOT FW_UNITY)
    return()
  endif()
  set(excluded
      # capitalised() as in filing_extractor.cpp
      extract people_extractor.cpp
      # open_file() as in concurrency_test.cpp
      tests/store migrations_test.cpp
      # make_extractor() over the bundled taxonomy, as extract_support.h's over the small one
      tests/extract makers_test.cpp)
  while(excluded)
    list(POP_FRONT excluded dir file)
    if(dir MATCHES "^tests/" AND NOT FW_BUILD_TESTS)
      continue()  # a folder never added has no targets (and cannot take properties)
    endif()
    set_source_files_properties(${PROJECT_SOURCE_DIR}/${dir}/${file} DIRECTORY ${PROJECT_SOURCE_DIR}/${dir}
                                PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
  endwhile()
endfunction()
