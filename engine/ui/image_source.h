// Pictures that packs ship (a micro-break step's image), as the screens ask for them. The frame
// host turns a PNG asset into a texture of its renderer (app/texture_cache.h); a host that draws
// no pixels (the tests' NullHost) has no source, and screens then leave the picture out.
#pragma once

#include <imgui.h>

#include "core/content.h"

namespace respite::ui {

class ImageSource {
 public:
  virtual ~ImageSource() = default;
  // The texture showing `png`, made on first use and kept while the asset's bytes live; null when
  // it cannot be made (the screen then shows the step without its picture).
  virtual ImTextureID texture(const core::Asset& png) = 0;
};

}  // namespace respite::ui
