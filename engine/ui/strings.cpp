#include "ui/strings.h"

#include <cmath>
#include <cstdio>

namespace respite::ui {
namespace {

// Crisis lines: only numbers that are national, free and well established. No medical claims.
constexpr Strings kEnglish = {
    "en",
    "Respite",
    "Short, guided breathing for a busy shift.",
    "Breathe \xE2\x80\x94 %s",
    "Breathe",
    "Breathing",
    "Browse the library",
    "Library",
    "Settings",
    "Support",
    "Back",
    "No practice packs are installed.",
    "Breathing",
    "Micro-breaks",
    "Modules",
    "Programs",
    "Not available in this version yet",
    "%d min",
    "%d s",
    "%d min %d s",
    "%s left",
    "Breathe in",
    "Hold",
    "Breathe out",
    "Hold",
    "Top up",
    "Done",
    "Pause",
    "Resume",
    "Stop",
    "End",
    "Paused",
    "Paused while you were away",
    "Resume when you are ready, or end the session here.",
    "Session complete",
    "Thank you for taking this moment for yourself.",
    "Session ended",
    "A short pause still counts. Come back whenever you like.",
    "The session ended while Respite was in the background.",
    "Active time",
    "Done",
    "Motion",
    "Reduced motion",
    "A still progress bar and numbers instead of a moving pacer.",
    "Theme",
    "Light",
    "Dark",
    "Sound",
    "Sound",
    "Silent",
    "With patients",
    "Soft tones, vibration and captions.",
    "Vibration and captions; no tones.",
    "Never a sound, whatever else is set. Vibration and captions only.",
    "Volume",
    "No audio device was found; cues are shown on screen.",
    "On",
    "Off",
    "Support",
    "If you are in crisis or might harm yourself, call your local emergency number now.",
    "United States: call or text 988 (Suicide & Crisis Lifeline).",
    "United Kingdom and Ireland: call Samaritans on 116\xC2\xA0"
    "123, free, day or night.",
    "Elsewhere: your local emergency number or crisis line.",
    "Your workplace may also offer an employee assistance programme or peer support.",
    "Respite is a self-care tool. It is not a treatment and not an emergency service.",
};

constexpr Strings kSpanish = {
    "es",
    "Respite",
    "Respiraci\xC3\xB3n guiada y breve para un turno ajetreado.",
    "Respirar \xE2\x80\x94 %s",
    "Respirar",
    "Respiraci\xC3\xB3n",
    "Ver la biblioteca",
    "Biblioteca",
    "Ajustes",
    "Ayuda",
    "Volver",
    "No hay paquetes de pr\xC3\xA1"
    "ctica instalados.",
    "Respiraci\xC3\xB3n",
    "Micropausas",
    "M\xC3\xB3"
    "dulos",
    "Programas",
    "A\xC3\xBAn no disponible en esta versi\xC3\xB3n",
    "%d min",
    "%d s",
    "%d min %d s",
    "quedan %s",
    "Inhala",
    "Mant\xC3\xA9n",
    "Exhala",
    "Mant\xC3\xA9n",
    "Un poco m\xC3\xA1s",
    "Listo",
    "Pausa",
    "Seguir",
    "Parar",
    "Terminar",
    "En pausa",
    "En pausa mientras no estabas",
    "Sigue cuando quieras o termina la sesi\xC3\xB3n aqu\xC3\xAD.",
    "Sesi\xC3\xB3n completada",
    "Gracias por dedicarte este momento.",
    "Sesi\xC3\xB3n terminada",
    "Una pausa breve tambi\xC3\xA9n cuenta. Vuelve cuando quieras.",
    "La sesi\xC3\xB3n termin\xC3\xB3 mientras Respite estaba en segundo plano.",
    "Tiempo activo",
    "Listo",
    "Movimiento",
    "Reducir movimiento",
    "Una barra de progreso fija y n\xC3\xBAmeros en lugar de un c\xC3\xAD"
    "rculo en movimiento.",
    "Tema",
    "Claro",
    "Oscuro",
    "Sonido",
    "Sonido",
    "Silencio",
    "Con pacientes",
    "Tonos suaves, vibraci\xC3\xB3n y subt\xC3\xADtulos.",
    "Vibraci\xC3\xB3n y subt\xC3\xADtulos; sin tonos.",
    "Nunca suena, sea cual sea el resto de ajustes. Solo vibraci\xC3\xB3n y subt\xC3\xADtulos.",
    "Volumen",
    "No se encontr\xC3\xB3 ning\xC3\xBAn dispositivo de audio; las se\xC3\xB1"
    "ales se muestran en pantalla.",
    "S\xC3\xAD",
    "No",
    "Ayuda",
    "Si est\xC3\xA1s en crisis o podr\xC3\xAD"
    "as hacerte da\xC3\xB1o, llama ahora a tu n\xC3\xBAmero local de emergencias.",
    "Estados Unidos: llama o escribe al 988 (Suicide & Crisis Lifeline, tambi\xC3\xA9n en espa\xC3\xB1ol).",
    "Reino Unido e Irlanda: Samaritans, 116\xC2\xA0"
    "123, gratis, de d\xC3\xAD"
    "a y de noche.",
    "En otros pa\xC3\xADses: tu n\xC3\xBAmero local de emergencias o l\xC3\xADnea de crisis.",
    "Tu lugar de trabajo tambi\xC3\xA9n puede ofrecer un programa de asistencia al empleado o apoyo entre "
    "compa\xC3\xB1"
    "eros.",
    "Respite es una herramienta de autocuidado. No es un tratamiento ni un servicio de emergencias.",
};

}  // namespace

const Strings& strings_for(const std::string& locale) {
  const std::string language = locale.substr(0, locale.find_first_of("-_"));
  if (language == "es") return kSpanish;
  return kEnglish;
}

const char* phase_word(const Strings& s, core::PhaseKind kind) {
  switch (kind) {
    case core::PhaseKind::Inhale:
      return s.phase_inhale;
    case core::PhaseKind::HoldIn:
      return s.phase_hold_in;
    case core::PhaseKind::Exhale:
      return s.phase_exhale;
    case core::PhaseKind::HoldOut:
      return s.phase_hold_out;
    case core::PhaseKind::TopUp:
      return s.phase_top_up;
  }
  return s.phase_inhale;
}

const char* kind_heading(const Strings& s, core::ItemKind kind) {
  switch (kind) {
    case core::ItemKind::Breathing:
      return s.kind_breathing;
    case core::ItemKind::MicroBreak:
      return s.kind_micro_break;
    case core::ItemKind::Module:
      return s.kind_module;
    case core::ItemKind::Program:
      return s.kind_program;
  }
  return s.kind_breathing;
}

std::string format_duration(const Strings& s, double seconds) {
  const long total = std::lround(std::max(0.0, seconds));
  const int minutes = static_cast<int>(total / 60);
  const int rest = static_cast<int>(total % 60);
  char text[64];
  if (minutes == 0) {
    std::snprintf(text, sizeof text, s.seconds, rest);
  } else if (rest == 0) {
    std::snprintf(text, sizeof text, s.minutes, minutes);
  } else {
    std::snprintf(text, sizeof text, s.minutes_seconds, minutes, rest);
  }
  return text;
}

std::string format_duration_short(const Strings& s, double seconds) {
  if (seconds < 90.0) return format_duration(s, seconds);
  return format_duration(s, 60.0 * std::round(seconds / 60.0));
}

std::string format_clock(double seconds) {
  const long total = static_cast<long>(std::ceil(std::max(0.0, seconds) - 1e-9));
  char text[32];
  std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
  return text;
}

}  // namespace respite::ui
