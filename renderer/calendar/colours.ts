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
