import { NumberInput, createTheme, type MantineThemeOverride } from '@mantine/core';

/** How numbers are written in each language: 1.234,5 in Bahasa Indonesia, 1,234.5 in English. */
export function separatorsOf(language: string): { thousandSeparator: string; decimalSeparator: string } {
  return language === 'en' ? { thousandSeparator: ',', decimalSeparator: '.' } : { thousandSeparator: '.', decimalSeparator: ',' };
}

/**
 * The app's theme in one language: every number input groups thousands and
 * writes decimals as that language does, so a weight reads "0,6" on an
 * Indonesian page and "0.6" on an English one.
 */
export function themeFor(language: string): MantineThemeOverride {
  return createTheme({
    primaryColor: 'teal',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    components: { NumberInput: NumberInput.extend({ defaultProps: separatorsOf(language) }) },
  });
}
