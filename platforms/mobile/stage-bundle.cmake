# Stages the read-only files of the phone and tablet apps into OUT/respite/ with an index
# (bundle.h): assets/fonts and assets/sounds from a desktop build of this repository (BUILD_DIR:
# the build copies the Noto fonts and synthesises the cue sounds there), assets/i18n,
# content/packs and content/support/resources.json from the sources. Plain CMake, so Gradle and
# Xcode hosts run it alike:
#
#   cmake -DBUILD_DIR=build/host -DOUT=OUT_DIR -P platforms/mobile/stage-bundle.cmake
#
# The index's stamp is a hash over every file's path and bytes, so a new version of any file
# makes Android copy the bundle again at the next start.
foreach(var BUILD_DIR OUT)
  if(NOT ${var})
    message(FATAL_ERROR "stage-bundle.cmake needs -D${var}=...")
  endif()
endforeach()
get_filename_component(source_dir "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
get_filename_component(BUILD_DIR "${BUILD_DIR}" ABSOLUTE)
get_filename_component(OUT "${OUT}" ABSOLUTE)
set(bundle "${OUT}/respite")

foreach(needed assets/fonts/NotoSans-Regular.ttf assets/sounds/inhale.wav)
  if(NOT EXISTS "${BUILD_DIR}/${needed}")
    message(FATAL_ERROR "${BUILD_DIR}/${needed} is missing: build the desktop first, e.g.\n"
                        "  cmake -S ${source_dir} -B ${BUILD_DIR} -DRESPITE_BUILD_TESTS=OFF -DRESPITE_BUILD_BENCH=OFF\n"
                        "  cmake --build ${BUILD_DIR} --target respite_fonts respite_cue_sounds")
  endif()
endforeach()

file(REMOVE_RECURSE "${bundle}.partial")
file(MAKE_DIRECTORY "${bundle}.partial/assets" "${bundle}.partial/content/support")
file(COPY "${BUILD_DIR}/assets/fonts" "${BUILD_DIR}/assets/sounds" DESTINATION "${bundle}.partial/assets"
     FILES_MATCHING PATTERN "*.ttf" PATTERN "*.wav")
file(COPY "${source_dir}/assets/i18n" DESTINATION "${bundle}.partial/assets" FILES_MATCHING PATTERN "*.json")
file(COPY "${source_dir}/content/packs" DESTINATION "${bundle}.partial/content")
file(COPY "${source_dir}/content/support/resources.json" DESTINATION "${bundle}.partial/content/support")

file(GLOB_RECURSE files RELATIVE "${bundle}.partial" "${bundle}.partial/*")
list(SORT files)
set(listing "")
set(hashes "")
foreach(file IN LISTS files)
  file(SHA256 "${bundle}.partial/${file}" hash)
  string(APPEND listing "${file}\n")
  string(APPEND hashes "${file} ${hash}\n")
endforeach()
string(SHA256 stamp "${hashes}")
file(WRITE "${bundle}.partial/index.txt" "respite-bundle 1 ${stamp}\n${listing}")

# Rewrite only when something changed, so Gradle and Xcode see unchanged inputs as up to date.
set(changed TRUE)
if(EXISTS "${bundle}/index.txt")
  file(READ "${bundle}/index.txt" old_index)
  file(READ "${bundle}.partial/index.txt" new_index)
  if(old_index STREQUAL new_index)
    set(changed FALSE)
  endif()
endif()
if(changed)
  file(REMOVE_RECURSE "${bundle}")
  file(RENAME "${bundle}.partial" "${bundle}")
  list(LENGTH files count)
  message(STATUS "Respite bundle: ${count} files in ${bundle} (stamp ${stamp})")
else()
  file(REMOVE_RECURSE "${bundle}.partial")
endif()
