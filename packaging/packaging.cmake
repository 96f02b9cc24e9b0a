# The Debian package: `cpack -G DEB` in the build folder makes
# fazhi_<version>_amd64.deb (binary, default theme, man page, bash completion,
# deployment recipes), with Depends found by dpkg-shlibdeps. The version is
# project(VERSION) in the top CMakeLists.txt, the one place it is set;
# `fazhi version` prints the same. tests/package/deb_test.sh builds the
# package, unpacks it into a scratch root and builds the demo with it.

# The man page comes from the CLI's own help (`fazhi --help`, `--version`)
# through help2man, plus the sections in fazhi.h2m. help2man is a packaging
# tool, installed by scripts/install-test-deps.sh, not by the lean setup.
# The man page and the changelog are dated by the last commit, not the build,
# so they are the same on every machine (SOURCE_DATE_EPOCH for help2man).
execute_process(COMMAND git log -1 --format=%ct WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                OUTPUT_VARIABLE FAZHI_SOURCE_DATE OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT FAZHI_SOURCE_DATE)
  set(FAZHI_SOURCE_DATE 0)
endif()
set(FAZHI_PACKAGE_MAINTAINER "fazhi maintainers <maintainers@fazhi.invalid>"
    CACHE STRING "Maintainer field of the Debian package")

find_program(HELP2MAN help2man)
if(HELP2MAN)
  add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/fazhi.1.gz
    COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=${FAZHI_SOURCE_DATE} LC_ALL=C.UTF-8
            ${HELP2MAN} --no-info --locale=C.UTF-8 --no-discard-stderr "--help-option=--help --lang=en" --include ${CMAKE_CURRENT_LIST_DIR}/fazhi.h2m
            --output ${CMAKE_BINARY_DIR}/fazhi.1 $<TARGET_FILE:fazhi>
    # Debian compresses manual pages with gzip -9n (no name, no timestamp).
    COMMAND gzip -9nf ${CMAKE_BINARY_DIR}/fazhi.1
    DEPENDS fazhi ${CMAKE_CURRENT_LIST_DIR}/fazhi.h2m
    # The manual page is English, as Debian man pages are; `fazhi help` speaks Chinese.
    COMMENT "Generating the man page fazhi.1 from `fazhi --help --lang=en`")
  add_custom_target(fazhi_man ALL DEPENDS ${CMAKE_BINARY_DIR}/fazhi.1.gz)
  install(FILES ${CMAKE_BINARY_DIR}/fazhi.1.gz DESTINATION share/man/man1)
else()
  message(STATUS "help2man not found: no man page (scripts/install-test-deps.sh installs it)")
endif()

install(FILES ${CMAKE_CURRENT_LIST_DIR}/fazhi.bash-completion DESTINATION share/bash-completion/completions
        RENAME fazhi)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/copyright DESTINATION share/doc/fazhi)
# A native package's changelog (Debian policy 12.7): one entry for this
# version, dated like the man page; gzip -9n as policy asks.
execute_process(COMMAND date -u -R -d @${FAZHI_SOURCE_DATE} OUTPUT_VARIABLE FAZHI_SOURCE_DATE_RFC2822
                OUTPUT_STRIP_TRAILING_WHITESPACE)
file(WRITE ${CMAKE_BINARY_DIR}/changelog
     "fazhi (${PROJECT_VERSION}) unstable; urgency=medium\n\n"
     "  * Release ${PROJECT_VERSION}; see the README of the fazhi repository.\n\n"
     " -- ${FAZHI_PACKAGE_MAINTAINER}  ${FAZHI_SOURCE_DATE_RFC2822}\n")
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/changelog.gz
                   COMMAND gzip -9nc ${CMAKE_BINARY_DIR}/changelog > ${CMAKE_BINARY_DIR}/changelog.gz
                   DEPENDS ${CMAKE_BINARY_DIR}/changelog)
add_custom_target(fazhi_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/changelog.gz DESTINATION share/doc/fazhi)
# The deployment recipes, exactly the files tests/deploy/ runs (in share/fazhi, not
# share/doc, which minimal images leave out: the CI recipes run upload-changed.sh).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/deploy/ DESTINATION share/fazhi/deploy USE_SOURCE_PERMISSIONS)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME fazhi)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${FAZHI_PACKAGE_MAINTAINER})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "static site generator for rule-of-law transparency")
# The extended description (CPack puts the summary above it as the synopsis).
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
       "fazhi turns a folder of Markdown and data files into the public site of a\n"
       "Chinese district government or department: its annual reports on building\n"
       "a government under the rule of law, their figures as checkable indicators,\n"
       "leaders' accountability profiles, and what a government site must carry.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # fazhi_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: from dpkg-shlibdeps
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
include(CPack)
