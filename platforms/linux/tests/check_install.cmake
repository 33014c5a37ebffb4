# ctest "install:linux-prefix": installs the build into a fresh prefix with `cmake --install` and
# checks that the installed program runs from there on its own files (platforms/linux/README.md):
# the listed files exist, `respite --help` and `respite list` work, `respite shot` draws the home
# screen, and removing the installed packs or fonts breaks exactly that, which proves the installed
# copy reads share/respite and not the source or build tree.
#
# cmake -DBUILD_DIR=... -DPREFIX=... -P check_install.cmake
foreach(var BUILD_DIR PREFIX)
  if(NOT ${var})
    message(FATAL_ERROR "check_install.cmake needs -D${var}=...")
  endif()
endforeach()

file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE code OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${code}):\n${output}")
endif()

set(expected
  bin/respite
  share/respite/assets/fonts/NotoSans-Regular.ttf
  share/respite/assets/fonts/NotoSans-Bold.ttf
  share/respite/assets/fonts/NotoSans-Italic.ttf
  share/respite/assets/i18n/en.json
  share/respite/assets/i18n/es.json
  share/respite/assets/sounds/inhale.wav
  share/respite/assets/sounds/exhale.wav
  share/respite/content/packs/clinician-essentials/pack.json
  share/respite/content/support/resources.json
  share/applications/respite.desktop
  share/icons/hicolor/scalable/apps/respite.svg)
foreach(file IN LISTS expected)
  if(NOT EXISTS "${PREFIX}/${file}")
    message(FATAL_ERROR "not installed: ${PREFIX}/${file}")
  endif()
endforeach()

# The program must find everything itself: no RESPITE_* variables from the caller, no display.
set(run "${CMAKE_COMMAND}" -E env --unset=RESPITE_ASSETS_DIR --unset=RESPITE_PACKS_DIR
        --unset=RESPITE_SUPPORT_FILE SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy)
set(respite "${PREFIX}/bin/respite")

function(run_respite out_code out_text)
  execute_process(COMMAND ${run} "${respite}" ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE text
                  ERROR_VARIABLE text WORKING_DIRECTORY "${PREFIX}")
  set(${out_code} "${code}" PARENT_SCOPE)
  set(${out_text} "${text}" PARENT_SCOPE)
endfunction()

run_respite(code text --help)
if(NOT code EQUAL 0 OR NOT text MATCHES "--kiosk")
  message(FATAL_ERROR "installed 'respite --help' failed (${code}) or does not mention --kiosk:\n${text}")
endif()

run_respite(code text list --json)
if(NOT code EQUAL 0 OR NOT text MATCHES "clinician-essentials")
  message(FATAL_ERROR "installed 'respite list' did not list the bundled pack (${code}):\n${text}")
endif()

set(png "${PREFIX}/home.png")
run_respite(code text shot --route home --size 390x844 --scale 1 -o "${png}")
if(NOT code EQUAL 0 OR NOT EXISTS "${png}")
  message(FATAL_ERROR "installed 'respite shot --route home' failed (${code}):\n${text}")
endif()
file(SIZE "${png}" png_size)
if(png_size LESS 5000)
  message(FATAL_ERROR "${png} is only ${png_size} bytes: the home screen was not drawn")
endif()

# Take the installed files away one at a time: the installed program must notice.
file(REMOVE_RECURSE "${PREFIX}/share/respite/content/packs/clinician-essentials")
run_respite(code text list --json)
if(text MATCHES "clinician-essentials")
  message(FATAL_ERROR "with its packs removed, the installed program still lists the bundled pack: it "
                      "reads packs from outside ${PREFIX}:\n${text}")
endif()
file(REMOVE_RECURSE "${PREFIX}/share/respite/assets/fonts")
run_respite(code text shot --route home -o "${PREFIX}/again.png")
if(code EQUAL 0 OR NOT text MATCHES "share/respite/assets/fonts")
  message(FATAL_ERROR "with its fonts removed, the installed program still drew a screen (${code}), or "
                      "its error does not name the installed fonts folder:\n${text}")
endif()

file(REMOVE_RECURSE "${PREFIX}")
message(STATUS "install into ${PREFIX}: files, --help, list and shot all work from the prefix")
