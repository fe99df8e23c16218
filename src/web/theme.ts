import { DEFAULT_THEME, NumberInput, Table, createTheme, mergeThemeOverrides, type CSSVariablesResolver, type MantineColorsTuple, type MantineThemeOverride } from '@mantine/core';

/**
 * The app's Mantine theme, readable to WCAG 2.1 AA (contrast of at least
 * 4.5:1 for text). Mantine's shades 6 to 9 carry text and the white text of
 * filled buttons and badges: shade 6 is the filled background and the colour
 * of links and outline buttons, shade 9 the text of light badges on shade 1.
 * Mantine's own shades are too light for that (white on teal.6 is 2.5:1,
 * yellow.6 1.9:1), so each palette keeps shades 0 to 5 (backgrounds) and
 * darkens shades 6 to 9, keeping their hue, until each reaches its contrast
 * on white. Dimmed text is a darker grey than Mantine's #868e96 (3.3:1).
 */

/** The contrast each of shades 6, 7, 8 and 9 reaches at least on white. */
const shadeContrast = [5.3, 6, 7, 8] as const;
/** Dimmed text: 6.1:1 on white, 5.5:1 on gray.1. */
export const dimmedText = '#5c636a';
/** Placeholders (an empty file input shows its placeholder as text): 5:1 on white, lighter than dimmed text. */
export const placeholderText = '#6a7077';

const channels = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const linear = (v: number): number => {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
/** Relative luminance (WCAG 2.1). */
export function luminanceOf(hex: string): number {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
/** Contrast ratio of two colours (WCAG 2.1), from 1 to 21. */
export function contrastOf(a: string, b: string): number {
  const [hi, lo] = [luminanceOf(a), luminanceOf(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
const hexOf = (rgb: number[]): string => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** The colour darkened (towards black, same hue) by the least step that reaches `ratio` on white. */
export function darkenTo(hex: string, ratio: number): string {
  if (contrastOf(hex, '#ffffff') >= ratio) return hex.toLowerCase();
  const rgb = channels(hex);
  for (let factor = 0.99; factor > 0; factor -= 0.01) {
    const candidate = hexOf(rgb.map((v) => v * factor));
    if (contrastOf(candidate, '#ffffff') >= ratio) return candidate;
  }
  return '#000000';
}

/** Mantine's palette with shades 6 to 9 darkened to their contrast. */
export function readablePalette(palette: readonly string[]): MantineColorsTuple {
  return palette.map((shade, i) => (i < 6 ? shade : darkenTo(shade, shadeContrast[i - 6]!))) as unknown as MantineColorsTuple;
}

const colors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors)
    .filter(([name]) => name !== 'dark')
    .map(([name, palette]) => [name, readablePalette(palette)]),
);

export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  colors,
  components: {
    // A table wider than the screen scrolls inside its frame: the frame takes the keyboard focus so that
    // the arrow keys scroll it (WCAG 2.1.1), and shows it with the focus outline.
    TableScrollContainer: Table.ScrollContainer.extend({ defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': dimmedText, '--mantine-color-placeholder': placeholderText },
  dark: {},
});

/** How numbers are written in each language: 1.234,5 in Bahasa Indonesia, 1,234.5 in English. */
export function separatorsOf(language: string): { thousandSeparator: string; decimalSeparator: string } {
  return language === 'en' ? { thousandSeparator: ',', decimalSeparator: '.' } : { thousandSeparator: '.', decimalSeparator: ',' };
}

/**
 * The theme in one language: every number input groups thousands and
 * writes decimals as that language does, so a weight reads "0,6" on an
 * Indonesian page and "0.6" on an English one.
 */
export function themeFor(language: string): MantineThemeOverride {
  return mergeThemeOverrides(theme, { components: { NumberInput: NumberInput.extend({ defaultProps: separatorsOf(language) }) } });
}
