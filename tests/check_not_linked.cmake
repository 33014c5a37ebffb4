# Fails when the program FILE names LIBRARY among the shared libraries it needs at start-up.
# Guards start-up time: libzip (and the libcrypto it brings) is loaded on first use instead
# (engine/core/zip_library.h, docs/performance.md).
find_program(READELF readelf REQUIRED)
execute_process(COMMAND ${READELF} -d ${FILE} OUTPUT_VARIABLE dynamic RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "readelf -d ${FILE} failed")
endif()
string(REGEX MATCHALL "\\(NEEDED\\)[^\n]*" needed "${dynamic}")
foreach(line IN LISTS needed)
  if(line MATCHES "${LIBRARY}")
    message(FATAL_ERROR "${FILE} is linked to ${LIBRARY} at start-up: ${line}")
  endif()
endforeach()
list(LENGTH needed count)
message(STATUS "${FILE}: ${count} libraries needed at start-up, none of them ${LIBRARY}")
