import { DateField } from '../../components/date-field.tsx';
import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { EditionDetail } from '../../../shared/contracts/index.ts';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';
import { useEditionWrite } from './use-edition.ts';

export function GeneralTab({ edition, admin }: { edition: EditionDetail; admin: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [label, setLabel] = useState(edition.label);
  const [periodStart, setPeriodStart] = useState(edition.periodStart);
  const [periodEnd, setPeriodEnd] = useState(edition.periodEnd);
  const [minJurors, setMinJurors] = useState<number | string>(edition.minJurors);
  const [target, setTarget] = useState<number | string>(edition.coverageTargetPct ?? '');
  const [confirming, setConfirming] = useState(false);
  const [copying, setCopying] = useState(false);
  const save = useEditionWrite<{ body: unknown }>(edition.id, 'PATCH', () => '');
  const status = useEditionWrite<{ body: unknown }>(edition.id, 'POST', () => '/status');
  const fields = useFieldErrors(['label', 'periodStart', 'periodEnd', 'minJurors', 'coverageTargetPct'], 'edition');
  const { allowed } = edition;
  const canGeneral = admin && allowed.editGeneral;
  const body = {
    ...(allowed.editGeneral ? { label, minJurors: Number(minJurors), coverageTargetPct: target === '' ? null : Number(target) } : {}),
    ...(allowed.editPeriod ? { periodStart, periodEnd } : {}),
  };
  return (
    <Stack maw={640}>
      {!allowed.editGeneral ? <Alert color="yellow">{t('setup.lockedGeneral')}</Alert> : null}
      <ErrorAlert error={save.error ?? status.error} {...fields.alert} />
      <TextInput label={t('editions.label')} description={t('editions.labelHint')} required value={label} error={fields.errors.label} onChange={(e) => setLabel(e.currentTarget.value)} disabled={!canGeneral} />
      <Group grow>
        <DateField label={t('editions.periodStart')} required value={periodStart} error={fields.errors.periodStart} onChange={(v) => setPeriodStart(v)} disabled={!admin || !allowed.editPeriod} />
        <DateField label={t('editions.periodEnd')} required value={periodEnd} error={fields.errors.periodEnd} onChange={(v) => setPeriodEnd(v)} disabled={!admin || !allowed.editPeriod} />
      </Group>
      <Group grow>
        <NumberInput label={t('editions.minJurors')} min={1} max={50} required value={minJurors} error={fields.errors.minJurors} onChange={setMinJurors} disabled={!canGeneral} />
        <NumberInput label={t('editions.coverageTarget')} min={0} max={100} decimalScale={2} value={target} error={fields.errors.coverageTargetPct} onChange={setTarget} disabled={!canGeneral} />
      </Group>
      {admin ? (
        <Group>
          <Button color="teal" loading={save.isPending} disabled={!allowed.editGeneral && !allowed.editPeriod} onClick={() => {
              // Required fields first, in the user's language, before anything is sent.
              const required = { ...(allowed.editGeneral ? { label, minJurors } : {}), ...(allowed.editPeriod ? { periodStart, periodEnd } : {}) };
              if (fields.check(required)) save.mutate({ body }, { onError: fields.refused });
            }}
          >
            {t('common.save')}
          </Button>
          {allowed.nextStatus ? (
            <Button variant="light" onClick={() => setConfirming(true)}>
              {t('setup.nextStatus', { status: t(`status.${allowed.nextStatus}`) })}
            </Button>
          ) : null}
          <Button variant="default" onClick={() => setCopying(true)}>
            {t('setup.copy')}
          </Button>
        </Group>
      ) : null}
      {save.isSuccess ? <Text c="teal">{t('common.saved')}</Text> : null}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('common.confirm')}>
        <Stack>
          <Text>{t('setup.confirmStatus', { status: t(`status.${allowed.nextStatus ?? 'draft'}`) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="teal"
              loading={status.isPending}
              onClick={() => status.mutate({ body: { status: allowed.nextStatus } }, { onSettled: () => setConfirming(false) })}
            >
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <CopyModal
        opened={copying}
        onClose={() => setCopying(false)}
        onCopy={async (input) => {
          const copy = await api<EditionDetail>('POST', `/api/editions/${edition.id}/copy`, input);
          setCopying(false);
          await navigate({ to: '/editions/$id', params: { id: copy.id } });
        }}
      />
    </Stack>
  );
}

function CopyModal({ opened, onClose, onCopy }: { opened: boolean; onClose: () => void; onCopy: (input: { label: string; periodStart: string; periodEnd: string }) => Promise<void> }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors(['label', 'periodStart', 'periodEnd'], 'edition');
  return (
    <Modal opened={opened} onClose={onClose} title={t('setup.copy')}>
      <Stack>
        <Text size="sm">{t('setup.copyHint')}</Text>
        <ErrorAlert error={error} {...fields.alert} />
        <TextInput label={t('editions.label')} required value={label} error={fields.errors.label} onChange={(e) => setLabel(e.currentTarget.value)} data-autofocus />
        <Group grow>
          <DateField label={t('editions.periodStart')} required value={periodStart} error={fields.errors.periodStart} onChange={(v) => setPeriodStart(v)} />
          <DateField label={t('editions.periodEnd')} required value={periodEnd} error={fields.errors.periodEnd} onChange={(v) => setPeriodEnd(v)} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="teal"
            onClick={() => {
              setError(null);
              // Required fields first, in the user's language, before anything is sent.
              if (!fields.check({ label, periodStart, periodEnd })) return;
              void onCopy({ label, periodStart, periodEnd }).catch((e: unknown) => {
                setError(e);
                fields.refused(e);
              });
            }}
          >
            {t('setup.copy')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
