import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME } from '@mantine/core';
import { contrastOf, darkenTo, dimmedText, placeholderText, readablePalette, theme } from './theme.ts';

describe('the theme’s colours', () => {
  it('computes contrast as WCAG 2.1 does', () => {
    expect(contrastOf('#000000', '#ffffff')).toBe(21);
    expect(contrastOf('#ffffff', '#ffffff')).toBe(1);
    // Mantine's dimmed grey on white: the 3.32:1 axe-core reported.
    expect(contrastOf('#868e96', '#ffffff').toFixed(2)).toBe('3.32');
  });

  it('darkens a colour only as far as needed, and leaves one that is dark enough', () => {
    const darkened = darkenTo('#12b886', 4.5);
    expect(contrastOf(darkened, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    // Close to the target, not far darker (each step darkens by 1 %).
    expect(contrastOf(darkened, '#ffffff')).toBeLessThan(4.7);
    expect(darkenTo('#212529', 4.5)).toBe('#212529');
  });

  it('gives every palette shades 6 to 9 that carry text on white and on their light background', () => {
    for (const [name, palette] of Object.entries(theme.colors ?? {})) {
      const shades = palette!;
      // Filled buttons and badges: white on shade 6; links and outlines: shade 6 on white.
      expect(contrastOf(shades[6], '#ffffff'), `${name}.6`).toBeGreaterThanOrEqual(5.3);
      // Light badges and buttons: shade 9 on shade 1.
      expect(contrastOf(shades[9], shades[1]), `${name}.9 on ${name}.1`).toBeGreaterThanOrEqual(4.5);
      // Backgrounds are Mantine's own.
      expect(shades.slice(0, 6)).toEqual(DEFAULT_THEME.colors[name]!.slice(0, 6));
    }
    expect(readablePalette(DEFAULT_THEME.colors.teal)[6]).not.toBe(DEFAULT_THEME.colors.teal[6]);
  });

  it('writes dimmed text and placeholders at AA contrast on white and on the light grey of panels', () => {
    expect(contrastOf(dimmedText, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastOf(dimmedText, DEFAULT_THEME.colors.gray[1])).toBeGreaterThanOrEqual(4.5);
    expect(contrastOf(placeholderText, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
