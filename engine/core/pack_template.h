// The starting point of a new pack (`respite pack new DIR`): every file of a small, complete pack
// that validates with no errors and shows every kind of item, with a README.md of guidance.
#pragma once

#include <map>
#include <string>

namespace respite::core {

// Pack-relative path -> contents. `pack_id` must be a valid id.
std::map<std::string, std::string> pack_template(const std::string& pack_id);

// The template's image and sound, made in code: a `size` x `size` RGB PNG and a chime as 16-bit
// mono PCM WAV. Tests use them as known-good assets.
std::string make_template_png(int size);
std::string make_template_wav(int milliseconds, int sample_rate);

}  // namespace respite::core
