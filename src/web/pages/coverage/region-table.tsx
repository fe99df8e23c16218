import { useState } from 'react';
import { Table, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegionFigures } from '../../../shared/contracts/index.ts';
import { formatNumber, formatPercent, type Lang } from '../../../shared/i18n/format.ts';

type Key = 'name' | 'active' | 'coveragePct' | 'growthPct' | 'bpuCoveragePct' | 'govFunded';

/** A sortable table of regions; a click on a column header sorts by it. */
export function RegionTable({ rows, nameLabel, onSelect }: { rows: RegionFigures[]; nameLabel: string; onSelect?: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: 'coveragePct', desc: true });
  const sorted = [...rows].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    const cmp = typeof x === 'string' ? x.localeCompare(String(y)) : (x ?? -Infinity) - ((y as number | null) ?? -Infinity);
    return sort.desc ? -cmp : cmp;
  });
  const header = (key: Key, label: string) => (
    <Table.Th aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton fw={700} fz="sm" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : key !== 'name' })}>
        {label} {sort.key === key ? (sort.desc ? '↓' : '↑') : ''}
      </UnstyledButton>
    </Table.Th>
  );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {header('name', nameLabel)}
            {header('active', t('coverage.active'))}
            {header('coveragePct', t('coverage.coveragePct'))}
            {header('growthPct', t('coverage.growthPct'))}
            {header('bpuCoveragePct', t('coverage.bpuCoveragePct'))}
            {header('govFunded', t('coverage.govFunded'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((r) => (
            <Table.Tr key={r.code}>
              <Table.Td>
                {onSelect ? (
                  <UnstyledButton c="teal.8" fz="sm" td="underline" onClick={() => onSelect(r.code)}>
                    {r.name}
                  </UnstyledButton>
                ) : (
                  r.name
                )}
              </Table.Td>
              <Table.Td>{formatNumber(r.active, lang)}</Table.Td>
              <Table.Td>{formatPercent(r.coveragePct, 2, lang)}</Table.Td>
              <Table.Td>{formatPercent(r.growthPct, 2, lang)}</Table.Td>
              <Table.Td>{formatPercent(r.bpuCoveragePct, 2, lang)}</Table.Td>
              <Table.Td>{formatNumber(r.govFunded, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
