# Warnings and sanitizers, applied to our own targets through Respite::warnings.
add_library(respite_warnings INTERFACE)
target_compile_options(respite_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                  -Wconversion -Wno-sign-conversion)
if(RESPITE_WERROR)
  target_compile_options(respite_warnings INTERFACE -Werror)
endif()
add_library(Respite::warnings ALIAS respite_warnings)

if(RESPITE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
