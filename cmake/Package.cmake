# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package (scripts/package runs `cpack -G DEB` on a Release build). Depends is computed
# by dpkg-shlibdeps from the libraries the installed program links (package dpkg-dev).
set(CPACK_PACKAGE_NAME tidemark)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Tidemark developers")
set(CPACK_PACKAGE_CONTACT "${TIDEMARK_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${TIDEMARK_HOMEPAGE}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "visual simulator of Spark Structured Streaming event time")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${TIDEMARK_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${TIDEMARK_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt loads its platform and image plugins at run time (no ELF link to them): the window needs the
# xcb platform plugin, the SVG icon engine and the Korean glyphs the lessons use.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6, fonts-nanum | fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# Debian's description: CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY first, then this, indented.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Tidemark shows a data-engineering class, batch by batch, what Apache Spark\n"
    "Structured Streaming does with event time: how the watermark advances, which\n"
    "late rows still count and which are dropped, when window results are emitted\n"
    "and state evicted, and how the append, update and complete output modes\n"
    "differ. It includes example scenarios and step-by-step lessons in English\n"
    "and Korean, a presentation mode for projectors, a command line that runs\n"
    "scenarios headless, and export to PySpark notebooks that check each batch\n"
    "on real Spark.")
string(REPLACE ";" "" CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_DEBIAN_PACKAGE_DESCRIPTION}")
# The hicolor icon cache, the desktop database and the MIME database are refreshed by dpkg
# triggers of the packages that own them.
include(CPack)
