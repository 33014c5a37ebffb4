/* The stb implementations the engine links on phones and tablets (platforms/mobile/dependencies.cmake):
 * the PNG reader (pack image checks) and writer (screenshots), and, where SDL2_mixer is a shared
 * library that keeps its own copy private, stb_vorbis (pack sound checks). */
#define STB_IMAGE_IMPLEMENTATION
#include "stb_image.h"
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include "stb_image_write.h"
#ifdef RESPITE_STB_VORBIS_CODE
#include "stb_vorbis.h" /* Debian's stb_vorbis.c under the name Debian installs it as */
#endif
