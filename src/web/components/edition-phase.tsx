import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EditionSummary } from '../../shared/contracts/index.ts';
import { formatDateShort, type Lang } from '../../shared/i18n/format.ts';

/** "Pendaftaran ditutup sejak …", "Penilaian berlangsung hingga …": where an edition stands today. */
export function phaseText(phase: EditionSummary['phase'], t: (key: string, options?: Record<string, unknown>) => string, lang: Lang): string {
  if (!phase.date && (phase.kind === 'registration-open' || phase.kind === 'assessing')) return t(phase.kind === 'assessing' ? 'phase.assessingNoDate' : 'phase.registration-openNoDate');
  return t(`phase.${phase.kind}`, { date: phase.date ? formatDateShort(phase.date, lang) : '' });
}

export function EditionPhase({ phase, prefix, size = 'sm' }: { phase: EditionSummary['phase']; prefix?: string; size?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Text size={size} data-testid="edition-phase">
      {prefix ? `${prefix} · ` : ''}
      {phaseText(phase, t, i18n.language as Lang)}
    </Text>
  );
}
