import { UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegionFigures } from '../../../shared/contracts/index.ts';
import { formatPercent, type Lang } from '../../../shared/i18n/format.ts';
import { contrastOf, darkenTo } from '../../theme.ts';

/** Position of each province on a tile grid, roughly as on the map (west to east). */
const tiles: Record<string, [number, number, string]> = {
  '11': [0, 0, 'ACH'], '12': [1, 1, 'SMU'], '14': [2, 1, 'RIA'], '21': [3, 1, 'KRI'], '13': [1, 2, 'SMB'], '15': [2, 2, 'JMB'],
  '19': [4, 2, 'BBL'], '17': [2, 3, 'BKL'], '16': [3, 3, 'SMS'], '18': [3, 4, 'LPG'], '31': [5, 4, 'DKI'], '36': [4, 5, 'BTN'],
  '32': [5, 5, 'JBR'], '33': [6, 5, 'JTG'], '34': [6, 6, 'DIY'], '35': [7, 5, 'JTM'], '51': [8, 5, 'BAL'], '52': [9, 5, 'NTB'],
  '53': [10, 5, 'NTT'], '61': [5, 2, 'KBR'], '62': [6, 2, 'KTG'], '64': [7, 2, 'KTM'], '65': [7, 1, 'KTR'], '63': [7, 3, 'KSL'],
  '75': [9, 1, 'GOR'], '71': [10, 1, 'SLU'], '72': [9, 2, 'STG'], '76': [8, 3, 'SLB'], '73': [9, 3, 'SLS'], '74': [10, 3, 'SLT'],
  '82': [12, 1, 'MLU'], '81': [12, 3, 'MLK'], '96': [13, 2, 'PBD'], '92': [14, 2, 'PBR'], '94': [15, 3, 'PTG'], '91': [16, 2, 'PAP'],
  '95': [16, 3, 'PPG'], '93': [16, 4, 'PSL'],
};

/** Teal darker with higher coverage; the two darkest shades deep enough for white text (WCAG AA). */
const coverageShades = ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#0ca678', darkenTo('#099268', 5.3), darkenTo('#087f5b', 6)];

/** Teal darker with higher coverage; grey when unknown. */
export function coverageColor(pct: number | null): string {
  if (pct == null) return '#dee2e6';
  return coverageShades[Math.max(0, Math.min(9, Math.floor(pct / 10)))]!;
}

/** Dark or white text, whichever reads better on the tile. */
export const tileText = (background: string): string => (contrastOf(background, '#ffffff') >= contrastOf(background, '#212529') ? '#ffffff' : '#212529');

export function TileMap({ provinces, selected, onSelect }: { provinces: RegionFigures[]; selected: string | null; onSelect: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const byCode = new Map(provinces.map((p) => [p.code, p]));
  return (
    // Seventeen columns that shrink with the screen: every province, Papua's included, is seen without scrolling.
    <div role="group" aria-label={t('coverage.map')} style={{ display: 'grid', gridTemplateColumns: 'repeat(17, minmax(0, 1fr))', gridAutoRows: 'minmax(40px, auto)', gap: 1 }}>
      {Object.entries(tiles).map(([code, [col, row, abbr]]) => {
        const p = byCode.get(code);
        const pct = p?.coveragePct ?? null;
        const shown = pct == null ? '–' : String(Math.round(pct));
        const background = coverageColor(pct);
        // The name begins with what the tile shows (WCAG 2.5.3), then says it in full.
        const name = `${abbr} ${shown}: ${p?.name ?? code}, ${formatPercent(pct, 2, i18n.language as Lang)}`;
        return (
          <UnstyledButton
            key={code}
            onClick={() => onSelect(code)}
            aria-pressed={selected === code}
            aria-label={name}
            title={name}
            style={{
              gridColumn: col + 1,
              gridRow: row + 1,
              minWidth: 0,
              background,
              color: tileText(background),
              borderRadius: 3,
              fontSize: 'clamp(7.5px, 2vw, 11px)',
              letterSpacing: '-0.02em',
              lineHeight: 1.15,
              textAlign: 'center',
              overflowWrap: 'anywhere',
              outline: selected === code ? '2px solid #212529' : undefined,
            }}
          >
            <strong>{abbr}</strong>
            <br />
            {shown}
          </UnstyledButton>
        );
      })}
    </div>
  );
}
