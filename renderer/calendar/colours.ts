/** Profile colours come from drchrono as #RRGGBB, #RGB or rgb(r, g, b); anything else falls back. */
export const defaultColour = '#5b7083';
export const breakColour = '#8a8f98';

export function parseColour(value: string | null | undefined): [number, number, number] | null {
  if (!value) return null;
  const v = value.trim();
  let m = /^#([0-9a-f]{6})$/i.exec(v);
  if (m?.[1]) {
    const n = parseInt(m[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  m = /^#([0-9a-f]{3})$/i.exec(v);
  if (m?.[1]) {
    const [r, g, b] = m[1].split('').map((c) => parseInt(c + c, 16)) as [number, number, number];
    return [r, g, b];
  }
  const rgb = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/i.exec(v);
  if (rgb)
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])].map((c) => Math.min(255, c)) as [
      number,
      number,
      number,
    ];
  return null;
}

const hex = (rgb: readonly number[]): string =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** A usable colour: the value if it parses, else the fallback. */
export function solidColour(value: string | null | undefined, fallback = defaultColour): string {
  const rgb = parseColour(value);
  return rgb ? hex(rgb) : fallback;
}

const fallbackRgb: readonly number[] = [91, 112, 131];

/**
 * A pale tint of a colour, for an appointment's background: dark text on it always reads well,
 * whatever colour the practice picked for the profile (the full colour marks the edge).
 */
export function tint(value: string, amount = 0.8): string {
  const rgb = parseColour(value) ?? fallbackRgb;
  return hex(rgb.map((c) => c + (255 - c) * amount));
}

/** Relative luminance (WCAG 2) of a colour that parses; 0.5 for one that does not. */
function luminance(value: string): number {
  const rgb = parseColour(value);
  if (!rgb) return 0.5;
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** White or near-black, whichever reads better on the colour (for text on a practice's colour). */
export function inkOn(value: string): string {
  const l = luminance(value);
  const onWhite = 1.05 / (l + 0.05);
  const onDark = (l + 0.05) / (0.0152 + 0.05);
  return onWhite >= onDark ? '#fff' : '#1d2330';
}
