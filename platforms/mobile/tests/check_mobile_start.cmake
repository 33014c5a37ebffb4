# ctest "mobile:start-on-desktop": runs the phones' start-up (platforms/mobile/app_main.cpp, built
# on the desktop as respite-mobile) the way a phone would: the bundle staged next to the program,
# the data folder from SDL_GetPrefPath (here under a temporary XDG_DATA_HOME), two frames on SDL's
# dummy driver. Then without the bundle, where it must fail and say what is missing.
#
# cmake -DPROGRAM=... -DBUILD_DIR=... -DWORK=... -P check_mobile_start.cmake
foreach(var PROGRAM BUILD_DIR WORK)
  if(NOT ${var})
    message(FATAL_ERROR "check_mobile_start.cmake needs -D${var}=...")
  endif()
endforeach()
get_filename_component(program_dir "${PROGRAM}" DIRECTORY)
file(REMOVE_RECURSE "${WORK}" "${program_dir}/respite")
execute_process(COMMAND "${CMAKE_COMMAND}" -DBUILD_DIR=${BUILD_DIR} -DOUT=${program_dir}
                        -P "${CMAKE_CURRENT_LIST_DIR}/../stage-bundle.cmake"
                RESULT_VARIABLE code OUTPUT_VARIABLE text ERROR_VARIABLE text)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "stage-bundle.cmake failed (${code}):\n${text}")
endif()

set(run "${CMAKE_COMMAND}" -E env --unset=RESPITE_ASSETS_DIR --unset=RESPITE_PACKS_DIR
        --unset=RESPITE_SUPPORT_FILE "XDG_DATA_HOME=${WORK}/xdg" SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy)
execute_process(COMMAND ${run} "${PROGRAM}" --exit-after-frames 2 RESULT_VARIABLE code OUTPUT_VARIABLE text
                ERROR_VARIABLE text WORKING_DIRECTORY "${program_dir}")
if(NOT code EQUAL 0 OR NOT text MATCHES "frames 2")
  message(FATAL_ERROR "respite-mobile did not start (${code}):\n${text}")
endif()
if(NOT EXISTS "${WORK}/xdg/Respite/respite/data/profiles.db")
  message(FATAL_ERROR "respite-mobile did not open its data folder <pref>/data:\n${text}")
endif()

file(REMOVE_RECURSE "${program_dir}/respite")
execute_process(COMMAND ${run} "${PROGRAM}" --exit-after-frames 2 RESULT_VARIABLE code OUTPUT_VARIABLE text
                ERROR_VARIABLE text)
if(code EQUAL 0 OR NOT text MATCHES "respite/assets/fonts")
  message(FATAL_ERROR "without its bundle respite-mobile still started (${code}), or did not name the "
                      "bundle's fonts folder:\n${text}")
endif()
file(REMOVE_RECURSE "${WORK}")
