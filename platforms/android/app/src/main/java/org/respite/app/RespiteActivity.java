package org.respite.app;

import org.libsdl.app.SDLActivity;

/**
 * Respite's activity: SDL's own SDLActivity (its Java sources are compiled from the SDL tree named
 * by sdl2.source.dir, see README.md), told which native libraries to load. libmain.so holds the
 * app (platforms/mobile/app_main.cpp); SDL2 and SDL2_mixer are its shared dependencies.
 */
public class RespiteActivity extends SDLActivity {
    @Override
    protected String[] getLibraries() {
        return new String[] {"SDL2", "SDL2_mixer", "main"};
    }
}
