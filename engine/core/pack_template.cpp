// The pack `respite pack new` writes: a complete pack that validates with no errors and uses every
// kind of item, with its guidance in README.md (JSON has no comments). The image and the sound are
// made here, byte by byte, so the template needs no binary files in the source tree.
#include "core/pack_template.h"

#include <cmath>
#include <cstdint>

#include "core/asset_probe.h"

namespace respite::core {
namespace {

// PACK_ID in the texts below becomes the pack's id.
constexpr const char* kManifest = R"tpl({
  "format_version": 2,
  "id": "PACK_ID",
  "version": "1.0.0",
  "title": {"en": "My practice pack", "es": "Mi paquete de prácticas"},
  "default_locale": "en",
  "locales": ["en", "es"],
  "default_item": "slow-breathing",
  "item_files": ["items/micro-breaks.json", "items/learning.json"],
  "items": [
    {
      "id": "slow-breathing",
      "kind": "breathing",
      "title": {"en": "Slow breathing, 2 minutes", "es": "Respiración lenta, 2 minutos"},
      "summary": {
        "en": "In for 4, out for 6: about six breaths a minute. A short reset, not a treatment.",
        "es": "Inspira en 4, espira en 6: unas seis respiraciones por minuto. Una pausa breve, no un tratamiento."
      },
      "tags": ["quick", "between-patients"],
      "duration_seconds": 120,
      "minimum_seconds": 90,
      "pacer": "circle",
      "phases": [
        {"kind": "inhale", "seconds": 4,
         "cue": {"sound": "inhale", "haptic": "rise", "caption": {"en": "Breathe in", "es": "Inspira"}}},
        {"kind": "exhale", "seconds": 6,
         "cue": {"sound": "exhale", "haptic": "fall", "caption": {"en": "Breathe out", "es": "Espira"}}}
      ],
      "evidence": [
        {"text": "Zaccaro et al. (2018). How breath-control can change your life: a systematic review on psycho-physiological correlates of slow breathing. Frontiers in Human Neuroscience 12:353.",
         "url": "https://doi.org/10.3389/fnhum.2018.00353"}
      ],
      "cautions": [
        {"en": "Breathe gently, not bigger. If you feel light-headed, stop and breathe normally.",
         "es": "Respira con suavidad, no más profundo. Si notas mareo, para y respira con normalidad."}
      ]
    },
    {
      "id": "box-rounds",
      "kind": "breathing",
      "title": {"en": "Box breathing in rounds", "es": "Respiración en caja por rondas"},
      "summary": {
        "en": "Equal counts of four, in two rounds of four breaths with a short rest after each round.",
        "es": "Cuentas iguales de cuatro, en dos rondas de cuatro respiraciones con un descanso breve tras cada ronda."
      },
      "pacer": "box",
      "seconds_per_unit": 1,
      "cycles": 4,
      "rounds": {
        "count": 2,
        "retention": {"kind": "hold_out", "seconds": 5,
                      "cue": {"caption": {"en": "Rest with empty lungs", "es": "Descansa sin aire"}}}
      },
      "phases": [
        {"kind": "inhale", "units": 4, "cue": {"caption": {"en": "Breathe in", "es": "Inspira"}}},
        {"kind": "hold_in", "units": 4, "cue": {"caption": {"en": "Hold", "es": "Mantén"}}},
        {"kind": "exhale", "units": 4, "cue": {"caption": {"en": "Breathe out", "es": "Espira"}}},
        {"kind": "hold_out", "units": 4, "cue": {"caption": {"en": "Hold", "es": "Mantén"}}}
      ],
      "cautions": [
        {"en": "This practice includes breath holds. Choose one without holds if you are pregnant or have a heart or lung condition, epilepsy or panic attacks.",
         "es": "Esta práctica incluye pausas. Elige una sin pausas si estás embarazada o tienes una enfermedad del corazón o del pulmón, epilepsia o ataques de pánico."}
      ]
    }
  ]
}
)tpl";

constexpr const char* kMicroBreaks = R"tpl({
  "items": [
    {
      "id": "desk-stretch",
      "kind": "micro_break",
      "title": {"en": "One-minute desk stretch", "es": "Estiramiento de un minuto"},
      "summary": {
        "en": "Three gentle movements for your neck and shoulders, standing or sitting.",
        "es": "Tres movimientos suaves para el cuello y los hombros, de pie o sentado."
      },
      "tags": ["quick", "movement"],
      "duration_seconds": 60,
      "steps": [
        {"text": {"en": "Roll your shoulders slowly backwards.", "es": "Gira los hombros despacio hacia atrás."},
         "seconds": 20, "audio": "audio/chime.wav",
         "caption": {"en": "(soft chime) Begin: roll your shoulders.", "es": "(campanilla suave) Empieza: gira los hombros."}},
        {"text": {"en": "Tilt your head towards one shoulder, then the other.", "es": "Inclina la cabeza hacia un hombro y luego hacia el otro."},
         "seconds": 20, "image": "images/stretch.png"},
        {"text": {"en": "Stand tall, look into the distance and take one slow breath.", "es": "Ponte recto, mira a lo lejos y respira una vez despacio."},
         "seconds": 20}
      ],
      "cautions": [
        {"en": "Move gently and stop if anything hurts.", "es": "Muévete con suavidad y para si algo duele."}
      ]
    }
  ]
}
)tpl";

constexpr const char* kLearning = R"tpl({
  "items": [
    {
      "id": "stress-basics",
      "kind": "module",
      "title": {"en": "Stress on shift: the basics", "es": "El estrés en el turno: lo básico"},
      "summary": {
        "en": "Two short pages on what stress does in the body, with a private reflection and a check-in.",
        "es": "Dos páginas breves sobre lo que el estrés hace en el cuerpo, con una reflexión privada y una autoevaluación."
      },
      "duration_seconds": 240,
      "pages": [
        {
          "title": {"en": "What stress does", "es": "Qué hace el estrés"},
          "body": {
            "en": "# What stress does\n\nStress is the body getting ready to act. It is **useful** in short bursts.\n\n## When it lasts\n\n- Sleep gets lighter\n- Patience gets shorter\n\nA *short* pause helps: try [slow breathing](item:slow-breathing). More on the [NHS website](https://www.nhs.uk/mental-health/).",
            "es": "# Qué hace el estrés\n\nEl estrés es el cuerpo preparándose para actuar. Es **útil** en ráfagas cortas.\n\n## Cuando dura\n\n- El sueño se vuelve ligero\n- La paciencia se acorta\n\nUna pausa *breve* ayuda: prueba la [respiración lenta](item:slow-breathing). Más en la [web del NHS](https://www.nhs.uk/mental-health/)."
          },
          "prompts": [
            {"id": "notice", "text": {"en": "When did you last notice stress in your body today?", "es": "¿Cuándo notaste hoy por última vez el estrés en tu cuerpo?"}}
          ]
        },
        {
          "title": {"en": "Check in", "es": "Cómo estás"},
          "body": {
            "en": "Two questions about the last week. Your answers stay on this device.",
            "es": "Dos preguntas sobre la última semana. Tus respuestas se quedan en este dispositivo."
          },
          "checkin": {
            "id": "week-check",
            "instrument": {"en": "Two questions written for this pack (not a clinical measure).", "es": "Dos preguntas escritas para este paquete (no es una medida clínica)."},
            "questions": [
              {"id": "tense", "type": "scale", "min": 0, "max": 4,
               "text": {"en": "How often did you feel tense?", "es": "¿Con qué frecuencia te sentiste tenso?"},
               "min_label": {"en": "Never", "es": "Nunca"}, "max_label": {"en": "Very often", "es": "Muy a menudo"}},
              {"id": "rest", "type": "choice",
               "text": {"en": "Did you get breaks on your shifts?", "es": "¿Tuviste descansos en tus turnos?"},
               "options": [
                 {"text": {"en": "Most shifts", "es": "En la mayoría"}, "score": 0},
                 {"text": {"en": "Some shifts", "es": "En algunos"}, "score": 1},
                 {"text": {"en": "Hardly ever", "es": "Casi nunca"}, "score": 2}
               ]}
            ],
            "bands": [
              {"min": 0, "max": 2, "message": {"en": "Sounds like a steady week. Keep your short pauses.", "es": "Parece una semana estable. Mantén tus pausas breves."}},
              {"min": 3, "max": 6, "message": {"en": "A demanding week. A short practice may help.", "es": "Una semana exigente. Una práctica breve puede ayudar."},
               "suggest": ["slow-breathing", "desk-stretch"]}
            ]
          }
        }
      ]
    },
    {
      "id": "first-week",
      "kind": "program",
      "title": {"en": "A first week", "es": "Una primera semana"},
      "summary": {"en": "Three days to try each practice once.", "es": "Tres días para probar cada práctica una vez."},
      "days": [
        {"day": 1, "items": ["slow-breathing"], "note": {"en": "Start small: two minutes.", "es": "Empieza poco a poco: dos minutos."}},
        {"day": 2, "items": ["desk-stretch", "stress-basics"]},
        {"day": 3, "items": ["box-rounds"]}
      ]
    }
  ]
}
)tpl";

constexpr const char* kReadme = R"tpl(# PACK_ID — a Respite content pack

This folder was made by `respite pack new`. It is a complete, working pack: it validates with no
errors and uses every kind of item, so you can learn by changing it. The full guide is
`docs/pack-format.md` in Respite's source (every field, every message, every limit).

## What is here

| File | What it holds |
| --- | --- |
| `pack.json` | The manifest: the pack's id, version, title and languages, the list of item files, and two breathing practices. |
| `items/micro-breaks.json` | A micro-break: timed steps (30 seconds to 3 minutes in all), one with a picture and one with a sound. |
| `items/learning.json` | A module (pages to read, a private reflection prompt, a short check-in) and a program (a plan over three days). |
| `images/stretch.png` | A picture shown during a step. Images are PNG files. |
| `audio/chime.wav` | A sound played at the start of a step. Sounds are WAV or Ogg Vorbis files; every sound needs a caption. |

JSON has no comments, so all the explanations are in this file. The items in the JSON files are
the examples.

## Make it yours

1. **Change the id** in `pack.json` (`"id"`): 2 to 64 lowercase letters, digits and hyphens. Once
   people use your pack, never change the id of the pack or of an item: their progress refers to it.
2. **Edit the texts.** Every text is either one string, in the pack's `default_locale`, or one
   string per language: `{"en": "Breathe in", "es": "Inspira"}`. The pack's `locales` list the
   languages it claims; a text missing one of them gets a warning.
3. **Remove what you do not need.** Delete an item from its list, or a whole item file from
   `item_files` (and the file). Keep at least one item.
4. **Check it after every change:** `respite pack validate .` — it lists every problem with its
   file, line and column, and what it expected.

## Items at a glance

- `breathing`: phases (`inhale`, `hold_in`, `exhale`, `hold_out`, `top_up`) in `seconds`, or in
  `units` of the item's `seconds_per_unit`; a length (`duration_seconds` or `cycles`); optional
  `rounds` (a rest hold after each round of cycles). Items with holds need `cautions`.
- `micro_break`: `steps`, each with `text` and `seconds`, optional `image`, optional `audio` (then
  a `caption` is required).
- `module`: `pages` with `title` and `body`. The body uses light markup: `# Heading`,
  `## Subheading`, blank lines between paragraphs, `- ` list items, `*emphasis*`, `**strong**`,
  links to items `[text](item:ITEM_ID)` and to the web `[text](https://...)`. Pages may have
  reflection `prompts` (answers stay on the device) and a `checkin` whose score `bands` must cover
  every possible score exactly once.
- `program`: `days` numbered 1, 2, 3..., each listing items (`ITEM_ID`, or `PACK_ID/ITEM_ID` for
  another pack's item).

## Share it

```
respite pack validate .                          # 0 errors?
respite pack build . -o PACK_ID.respack          # one file to share; refuses a pack with errors
respite pack keygen -o my-key                    # once: my-key (secret, keep it safe) and my-key.pub
respite pack sign PACK_ID.respack --key my-key   # writes PACK_ID.respack.sig next to it
respite pack info PACK_ID.respack                # id, version, items, languages, signature
```

Give people both `PACK_ID.respack` and `PACK_ID.respack.sig`, and give your unit's administrator
`my-key.pub` so their devices can trust packs you sign. Never share the secret key file.

## Before you publish

Breathing practices are gentle but not for everyone at every moment. Read "Safety" in
`docs/pack-format.md`: every practice says to stop if uncomfortable, holds come with cautions, and
claims match the evidence. Respite supports wellbeing; it does not diagnose or treat anything.
)tpl";

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

void put_be32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFFu);
}
void put_le(std::string& out, std::uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFFu);
}

void png_chunk(std::string& png, const char* type, const std::string& data) {
  put_be32(png, static_cast<std::uint32_t>(data.size()));
  const std::string body = std::string(type, 4) + data;
  png += body;
  put_be32(png, crc32(body));
}

}  // namespace

std::string make_template_png(int size) {
  // A soft green disc on a pale background, 8-bit RGB, stored in uncompressed deflate blocks.
  std::string raw;
  const double centre = (size - 1) / 2.0;
  for (int y = 0; y < size; ++y) {
    raw += '\0';  // filter: none
    for (int x = 0; x < size; ++x) {
      const double d = std::hypot(x - centre, y - centre) / (size / 2.0);
      const double t = d < 0.75 ? 1.0 : d < 0.85 ? (0.85 - d) / 0.1 : 0.0;
      raw += static_cast<char>(static_cast<int>(236 - t * (236 - 92)));
      raw += static_cast<char>(static_cast<int>(242 - t * (242 - 158)));
      raw += static_cast<char>(static_cast<int>(238 - t * (238 - 132)));
    }
  }
  std::string zlib = "\x78\x01";
  for (std::size_t at = 0; at < raw.size() || at == 0;) {
    const std::size_t n = std::min<std::size_t>(65535, raw.size() - at);
    const bool last = at + n >= raw.size();
    zlib += static_cast<char>(last ? 1 : 0);
    put_le(zlib, static_cast<std::uint32_t>(n), 2);
    put_le(zlib, static_cast<std::uint32_t>(~n & 0xFFFFu), 2);
    zlib += raw.substr(at, n);
    at += n;
    if (last) break;
  }
  std::uint32_t a = 1, b = 0;  // Adler-32 of the raw data
  for (char c : raw) {
    a = (a + static_cast<unsigned char>(c)) % 65521u;
    b = (b + a) % 65521u;
  }
  put_be32(zlib, (b << 16) | a);

  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string header;
  put_be32(header, static_cast<std::uint32_t>(size));
  put_be32(header, static_cast<std::uint32_t>(size));
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, no interlace
  png_chunk(png, "IHDR", header);
  png_chunk(png, "IDAT", zlib);
  png_chunk(png, "IEND", "");
  return png;
}

std::string make_template_wav(int milliseconds, int sample_rate) {
  // A soft two-note chime, 16-bit mono PCM, fading out.
  const int frames = sample_rate * milliseconds / 1000;
  std::string data;
  const double pi = std::acos(-1.0);
  for (int i = 0; i < frames; ++i) {
    const double t = static_cast<double>(i) / sample_rate;
    const double fade_in = std::min(1.0, t / 0.01);
    const double v = fade_in * std::exp(-5.0 * t) *
                     (0.5 * std::sin(2 * pi * 660.0 * t) + 0.25 * std::sin(2 * pi * 990.0 * t));
    put_le(data, static_cast<std::uint32_t>(static_cast<std::int16_t>(std::lround(v * 20000.0))) & 0xFFFFu,
           2);
  }
  std::string wav = "RIFF";
  put_le(wav, static_cast<std::uint32_t>(36 + data.size()), 4);
  wav += "WAVEfmt ";
  put_le(wav, 16, 4);
  put_le(wav, 1, 2);  // PCM
  put_le(wav, 1, 2);  // mono
  put_le(wav, static_cast<std::uint32_t>(sample_rate), 4);
  put_le(wav, static_cast<std::uint32_t>(sample_rate * 2), 4);
  put_le(wav, 2, 2);
  put_le(wav, 16, 2);
  wav += "data";
  put_le(wav, static_cast<std::uint32_t>(data.size()), 4);
  return wav + data;
}

std::map<std::string, std::string> pack_template(const std::string& pack_id) {
  return {
      {"pack.json", replace_all(kManifest, "PACK_ID", pack_id)},
      {"items/micro-breaks.json", kMicroBreaks},
      {"items/learning.json", kLearning},
      {"README.md", replace_all(kReadme, "PACK_ID", pack_id)},
      {"images/stretch.png", make_template_png(64)},
      {"audio/chime.wav", make_template_wav(600, 16000)},
  };
}

}  // namespace respite::core
