/**
 * The PDF font: Tinos (SIL OFL 1.1), metric-compatible with Times New Roman and covering Vietnamese,
 * shipped as TTF files in the npm package @expo-google-fonts/tinos. Resolved at run time through the
 * module resolver, so it works from src (jest) and from the compiled dist alike.
 */
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

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

let cache: Record<FontFace, Buffer> | undefined;

/** The four font files, read once. */
export function fontBuffers(): Record<FontFace, Buffer> {
  if (!cache) {
    const read = (f: FontFace) => readFileSync(require.resolve(FONT_FILES[f]));
    cache = { regular: read('regular'), bold: read('bold'), italic: read('italic'), boldItalic: read('boldItalic') };
  }
  return cache;
}

/** Registers the faces under their FontFace names. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const buffers = fontBuffers();
  for (const face of FONT_FACES) doc.registerFont(face, buffers[face]);
}

let measurer: PDFKit.PDFDocument | undefined;

/** Width in pt of a single line of text, in Tinos — and so in Times New Roman. */
export function textWidth(text: string, style: { bold?: boolean; italic?: boolean }, size: number): number {
  if (!measurer) {
    measurer = new PDFDocument({ autoFirstPage: false });
    registerFonts(measurer);
  }
  return measurer.font(faceOf(style)).fontSize(size).widthOfString(text);
}
