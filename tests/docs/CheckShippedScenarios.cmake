# SPDX-License-Identifier: GPL-3.0-or-later
# Every shipped scenario (scenarios/*.json) is listed in README.md's table of scenarios and is
# opened by name (":/scenarios/<file>" or "<file>") by a GUI test in tests/ui/, which checks
# that the window shows what the scenario is about. Run as:
#   cmake -DROOT=<source tree> -P CheckShippedScenarios.cmake
if(NOT ROOT)
  message(FATAL_ERROR "pass -DROOT=<source tree>")
endif()
file(GLOB scenarios RELATIVE "${ROOT}/scenarios" "${ROOT}/scenarios/*.json")
if(NOT scenarios)
  message(FATAL_ERROR "no scenario in ${ROOT}/scenarios")
endif()
file(READ "${ROOT}/README.md" readme)
file(GLOB gui_tests "${ROOT}/tests/ui/*.cpp")
set(gui_text "")
foreach(f IN LISTS gui_tests)
  file(READ "${f}" text)
  string(APPEND gui_text "${text}\n")
endforeach()
set(problems "")
foreach(s IN LISTS scenarios)
  # The README's table names each file in backquotes: `tumbling-window.json`.
  string(FIND "${readme}" "`${s}`" in_readme)
  if(in_readme EQUAL -1)
    string(APPEND problems "\n  ${s}: not in README.md's table of scenarios")
  endif()
  string(FIND "${gui_text}" "\"${s}\"" quoted)
  string(FIND "${gui_text}" "/scenarios/${s}\"" by_path)
  if(quoted EQUAL -1 AND by_path EQUAL -1)
    string(APPEND problems "\n  ${s}: no GUI test in tests/ui/ opens it by name")
  endif()
endforeach()
if(problems)
  message(FATAL_ERROR "shipped scenarios without their listing or GUI test:${problems}\n"
                      "List the file in README.md and add a test in tests/ui/ (e.g. tst_issuefeatures.cpp) "
                      "that opens it and checks what the window shows.")
endif()
list(LENGTH scenarios count)
message(STATUS "all ${count} shipped scenarios are listed in README.md and opened by a GUI test")
