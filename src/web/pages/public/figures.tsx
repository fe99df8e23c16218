import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WinnerFigures } from '../../../shared/contracts/index.ts';
import { formatNumber, formatPercent, formatRupiah, type Lang } from '../../../shared/i18n/format.ts';

/** A winner's key figures: only those the system holds are listed. */
export function WinnerFiguresList({ figures }: { figures: WinnerFigures }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const rows: [string, string][] = [];
  if (figures.coveragePct != null) rows.push([t('portal.figures.coverage'), formatPercent(figures.coveragePct, 2, lang)]);
  if (figures.peopleProtected != null) rows.push([t('portal.figures.protected'), formatNumber(figures.peopleProtected, lang)]);
  if (figures.budgetRupiah != null) rows.push([t('portal.figures.budget'), formatRupiah(figures.budgetRupiah, lang)]);
  if (figures.govFunded != null && figures.govFunded > 0) rows.push([t('portal.figures.govFunded'), formatNumber(figures.govFunded, lang)]);
  if (figures.workers != null) rows.push([t('portal.figures.workers'), formatNumber(figures.workers, lang)]);
  if (figures.supplyChainPct != null) rows.push([t('portal.figures.supplyChain'), formatPercent(figures.supplyChainPct, 2, lang)]);
  if (figures.programCodes.length > 0) rows.push([t('portal.figures.programs'), figures.programCodes.join(', ')]);
  if (figures.csr?.workers) rows.push([t('portal.figures.csr'), `${formatNumber(figures.csr.workers, lang)}${figures.csr.budgetRupiah ? ` · ${formatRupiah(figures.csr.budgetRupiah, lang)}` : ''}`]);
  if (rows.length === 0 && figures.regulations.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('portal.figures.none')}
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      {rows.map(([label, value]) => (
        <Text key={label} size="sm">
          {label}: <strong>{value}</strong>
        </Text>
      ))}
      {figures.regulations.length > 0 ? (
        <div>
          <Text size="sm">{t('portal.figures.regulations')}:</Text>
          <List size="sm" spacing={2}>
            {figures.regulations.map((r) => (
              <List.Item key={`${r.type}-${r.number}`}>
                {r.name}
                {r.number ? ` Nomor ${r.number}` : ''}
                {r.title ? ` — ${r.title}` : ''}
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}
    </Stack>
  );
}
