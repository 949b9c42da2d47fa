#!/usr/bin/env python3
"""Generates the display board's offline Indonesian voice clips (ADR 0025).

Run from the repository root when a clip changes (needs Debian's espeak-ng with its voice "id"):

    python3 src/main/voice/generate.py

Each clip is spoken by espeak-ng, trimmed of leading and trailing silence, resampled to 11,025 Hz
mono 8-bit PCM WAV and written to src/main/resources/static/suara/. The chime is synthesised here.
The browser (static/js/board.js) plays them one after another: chime, "nomor antrean", the letter,
each digit, "silakan ke loket", the counter's number.
"""
import audioop
import io
import math
import os
import struct
import subprocess
import wave

OUT = os.path.join("src", "main", "resources", "static", "suara")
RATE = 11025

WORDS = {
    "nomor-antrean": "nomor antrean",
    "silakan-ke-loket": "silakan ke loket",
    "sepuluh": "sepuluh",
    "sebelas": "sebelas",
    "belas": "belas",
    "puluh": "puluh",
}
DIGITS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
LETTERS = {
    "a": "a", "b": "be", "c": "ce", "d": "de", "e": "e", "f": "ef", "g": "ge", "h": "ha",
    "i": "i", "j": "je", "k": "ka", "l": "el", "m": "em", "n": "en", "o": "o", "p": "pe",
    "q": "ki", "r": "er", "s": "es", "t": "te", "u": "u", "v": "ve", "w": "we", "x": "eks",
    "y": "ye", "z": "zet",
}


def speak(text):
    raw = subprocess.run(
        ["espeak-ng", "-v", "id", "-s", "135", "-a", "180", "--stdout", text],
        check=True, capture_output=True).stdout
    with wave.open(io.BytesIO(raw)) as w:
        frames = w.readframes(w.getnframes())
        return frames, w.getframerate(), w.getsampwidth()


def trim(frames, width, threshold=400):
    count = len(frames) // width
    samples = struct.unpack("<%dh" % count, frames)
    start = next((i for i, s in enumerate(samples) if abs(s) > threshold), 0)
    end = next((i for i in range(count - 1, -1, -1) if abs(samples[i]) > threshold), count - 1)
    pad = int(0.03 * 22050)
    start, end = max(0, start - pad), min(count, end + pad)
    return frames[start * width:end * width]


def write(name, frames, rate, width):
    converted, _ = audioop.ratecv(frames, width, 1, rate, RATE, None)
    eight = audioop.bias(audioop.lin2lin(converted, width, 1), 1, 128)  # 8-bit WAV is unsigned
    with wave.open(os.path.join(OUT, name + ".wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(RATE)
        w.writeframes(eight)


def chime():
    """Two soft tones, ding-dong (E6 then C6), fading out."""
    rate, frames = 22050, bytearray()
    for freq, seconds in ((1318.5, 0.35), (1046.5, 0.55)):
        n = int(rate * seconds)
        for i in range(n):
            envelope = math.exp(-4.0 * i / n)
            value = 0.45 * envelope * math.sin(2 * math.pi * freq * i / rate)
            frames += struct.pack("<h", int(value * 32767))
    return bytes(frames), rate, 2


def main():
    os.makedirs(OUT, exist_ok=True)
    clips = dict(WORDS)
    clips.update({d: d for d in DIGITS})
    clips.update({"huruf-" + k: v for k, v in LETTERS.items()})
    for name, text in clips.items():
        frames, rate, width = speak(text)
        write(name, trim(frames, width), rate, width)
    write("bel", *chime())


if __name__ == "__main__":
    main()
