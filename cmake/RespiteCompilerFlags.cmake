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

# Link only the shared libraries a program calls into. Start-up pays for every DT_NEEDED library
# (mapping, relocation, constructors) before main(); SDL_mixer, which pulls in some forty codec and
# sound-server libraries, is loaded by the audio backend when audio opens (sdl_audio.h), so the app
# must not also name it at link time. Programs that call SDL_mixer themselves (tests) keep it.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  add_link_options(LINKER:--as-needed)
endif()
