/**
 * The PDF font: Tinos (SIL OFL 1.1), metric-compatible with Times New Roman and covering Vietnamese,
 * shipped as TTF files in the npm package @expo-google-fonts/tinos. Resolved at run time through the
 * module resolver, so it works from src (jest) and from the compiled dist alike.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FONT_FILES: Record<FontFace, string> = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

export const FONT_FACES = Object.keys(FONT_FILES) as FontFace[];

export const faceOf = (style: { bold?: boolean; italic?: boolean }): FontFace =>
  style.bold ? (style.italic ? 'boldItalic' : 'bold') : style.italic ? 'italic' : 'regular';

/** The part of a fontkit font used here; pdfkit takes such an object in place of a file. */
interface FontkitFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}

let fonts: Record<FontFace, FontkitFont> | undefined;

/**
 * The four faces, parsed once (parsing a 0.5 MB font costs more than rendering a page) with the fontkit
 * that pdfkit itself depends on, and shared by every document.
 */
function loadFonts(): Record<FontFace, FontkitFont> {
  if (!fonts) {
    const fontkit = require(require.resolve('fontkit', { paths: [dirname(require.resolve('pdfkit'))] })) as {
      create(data: Uint8Array): FontkitFont;
    };
    const load = (f: FontFace) => fontkit.create(readFileSync(require.resolve(FONT_FILES[f])));
    fonts = { regular: load('regular'), bold: load('bold'), italic: load('italic'), boldItalic: load('boldItalic') };
  }
  return fonts;
}

/**
 * Registers the faces under their FontFace names. fontkit caches glyph objects with the characters they
 * were first looked up for, and subsetting a finished document caches some (composite parts, e.g. "Ơ" in
 * "Ở") with none; a later document would then leave those characters out of its text layer (copy, search).
 * So each document starts from an empty glyph cache. Rendering is synchronous, so documents never interleave.
 */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const loaded = loadFonts();
  for (const face of FONT_FACES) {
    const font = loaded[face] as FontkitFont & { _glyphs?: object };
    if (font._glyphs && typeof font._glyphs === 'object') font._glyphs = {};
    // @types/pdfkit lists paths and buffers only, but pdfkit also takes a fontkit font object.
    doc.registerFont(face, font as unknown as Buffer);
  }
}

const widths = new Map<string, number>();

/** Width in pt of a single line of text, in Tinos — and so in Times New Roman. */
export function textWidth(text: string, style: { bold?: boolean; italic?: boolean }, size: number): number {
  return faceWidth(text, faceOf(style), size);
}

export function faceWidth(text: string, face: FontFace, size: number): number {
  const key = `${face}\u0000${text}`;
  let units = widths.get(key);
  if (units === undefined) {
    const font = loadFonts()[face];
    units = font.layout(text).advanceWidth / font.unitsPerEm;
    if (widths.size > 50_000) widths.clear(); // bounded: words repeat, documents vary
    widths.set(key, units);
  }
  return units * size;
}

/**
 * Breaks text into lines no wider than `maxWidth`, as evenly as the line count allows
 * ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG / THÀNH PHỐ HÀ NỘI" rather than a lone last word).
 * Explicit '\n' breaks are kept. Used for centred header lines in both formats, so Word breaks them the same way.
 */
export function balancedLines(text: string, style: { bold?: boolean; italic?: boolean }, size: number, maxWidth: number): string[] {
  const greedy = (words: string[], width: number): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (line && textWidth(next, style, size) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines;
  };
  return text.split('\n').flatMap((segment) => {
    const words = segment.trim().split(/\s+/).filter(Boolean);
    const base = greedy(words, maxWidth);
    if (base.length < 2) return base;
    // Narrow the width as long as the text still fits in the same number of lines.
    let lo = Math.max(...words.map((w) => textWidth(w, style, size)));
    let hi = maxWidth;
    while (hi - lo > 1) {
      const mid = (lo + hi) / 2;
      if (greedy(words, mid).length <= base.length) hi = mid;
      else lo = mid;
    }
    return greedy(words, hi);
  });
}

/**
 * Lines for a centred heading (agency names, the summary) broken here for both formats, so Word and
 * the PDF show the same lines. 3% of the width is left free since Word does not kern by default.
 */
export function centredLines(text: string, style: { bold?: boolean; italic?: boolean }, size: number, width: number): string[] {
  return balancedLines(text, style, size, width * 0.97);
}
