# Installation beyond the binaries and data (desktop entry, icons, man pages, completions, the
# systemd user units) and the Debian package, so `cmake --install` and CPack install the same
# files. Included from the top CMakeLists.txt. Man pages, completions and PNG icons are generated
# from the built programs and the SVG at build time, only with -DFW_PACKAGE=ON (scripts/package.sh):
# they need help2man and rsvg-convert, which a development build does not.
option(FW_PACKAGE "Generate man pages, completions and PNG icons, and configure CPack" OFF)

set(fw_pkg_dir ${PROJECT_SOURCE_DIR}/packaging)

# Static files: installed by every build.
install(FILES ${fw_pkg_dir}/frontierwatch-gui.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${fw_pkg_dir}/icons/frontierwatch.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
# systemd looks for user units of packages in lib/systemd/user, whatever the multiarch libdir.
install(FILES ${fw_pkg_dir}/frontierwatch-watch.service ${fw_pkg_dir}/frontierwatch-fetch.service
              ${fw_pkg_dir}/frontierwatch-fetch.timer
        DESTINATION lib/systemd/user)

if(NOT FW_PACKAGE)
  return()
endif()

find_program(FW_HELP2MAN help2man REQUIRED)
find_program(FW_RSVG_CONVERT rsvg-convert REQUIRED)
if(NOT TARGET frontierwatch-gui)
  message(FATAL_ERROR "FW_PACKAGE needs the GUI (FW_BUILD_UI=ON)")
endif()

# cpack and `cmake --install` must not build every test and benchmark first: scripts/package.sh
# builds the installed targets and fw_package_files, which is all they need.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(fw_gen ${PROJECT_BINARY_DIR}/packaging)
set(fw_icon_sizes 16 22 24 32 48 64 128 256)
set(fw_icon_pngs "")
foreach(size ${fw_icon_sizes})
  set(png ${fw_gen}/icons/${size}/frontierwatch.png)
  add_custom_command(OUTPUT ${png}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${fw_gen}/icons/${size}
    COMMAND ${FW_RSVG_CONVERT} -w ${size} -h ${size} ${fw_pkg_dir}/icons/frontierwatch.svg -o ${png}
    DEPENDS ${fw_pkg_dir}/icons/frontierwatch.svg
    COMMENT "icon ${size}x${size}" VERBATIM)
  list(APPEND fw_icon_pngs ${png})
  install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()

add_custom_command(OUTPUT ${fw_gen}/man/frontierwatch.1.gz ${fw_gen}/man/frontierwatch-gui.1.gz
  COMMAND ${fw_pkg_dir}/gen-man.sh $<TARGET_FILE:frontierwatch> $<TARGET_FILE:frontierwatch-gui> ${fw_gen}/man
  DEPENDS frontierwatch frontierwatch-gui ${fw_pkg_dir}/gen-man.sh ${fw_pkg_dir}/cli-tree.sh
          ${fw_pkg_dir}/man-extra.h2m
  COMMENT "man pages from --help" VERBATIM)
add_custom_command(OUTPUT ${fw_gen}/completion/frontierwatch ${fw_gen}/completion/_frontierwatch
  COMMAND ${CMAKE_COMMAND} -E make_directory ${fw_gen}/completion
  COMMAND ${fw_pkg_dir}/gen-completion.sh $<TARGET_FILE:frontierwatch>
          ${fw_gen}/completion/frontierwatch ${fw_gen}/completion/_frontierwatch
  DEPENDS frontierwatch ${fw_pkg_dir}/gen-completion.sh ${fw_pkg_dir}/cli-tree.sh
  COMMENT "shell completions from the command tree" VERBATIM)
add_custom_target(fw_package_files ALL DEPENDS ${fw_icon_pngs}
  ${fw_gen}/man/frontierwatch.1.gz ${fw_gen}/man/frontierwatch-gui.1.gz
  ${fw_gen}/completion/frontierwatch ${fw_gen}/completion/_frontierwatch)

install(FILES ${fw_gen}/man/frontierwatch.1.gz ${fw_gen}/man/frontierwatch-gui.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${fw_gen}/completion/frontierwatch DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${fw_gen}/completion/_frontierwatch DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

# The completion must offer every subcommand the CLI knows (bash, by running the function).
if(FW_BUILD_TESTS)
  add_test(NAME "packaging: bash completion offers every subcommand"
           COMMAND ${fw_pkg_dir}/completion-test.sh $<TARGET_FILE:frontierwatch>
                   ${fw_gen}/completion/frontierwatch ${fw_gen}/completion/_frontierwatch)
endif()

# The Debian package: frontierwatch_VERSION_ARCH.deb, Depends from dpkg-shlibdeps.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME frontierwatch)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Frontier Watch maintainers <maintainers@frontierwatch.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "tracker of frontier-AI releases, licences, people and market signals")
set(CPACK_PACKAGE_DESCRIPTION
    "Fetches lab blogs' feeds, the Hugging Face Hub, GitHub, SEC EDGAR, arXiv and price files, turns\n\
items into typed events with evidence and answers watch questions in reports, alerts and a Qt\n\
cockpit. Includes the command-line program, the desktop program, a demo snapshot and a systemd\n\
user unit (frontierwatch-watch.service) that keeps the store fresh.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ca-certificates")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR})
set(CPACK_OUTPUT_FILE_PREFIX ${PROJECT_BINARY_DIR})
include(CPack)
