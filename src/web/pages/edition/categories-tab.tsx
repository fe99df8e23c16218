import { useState } from 'react';
import { Alert, Badge, Button, Group, Menu, Modal, MultiSelect, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import type { Category, CategoryInput, EditionDetail } from '../../../shared/contracts/index.ts';
import { get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';
import { useEditionWrite } from './use-edition.ts';

const rules = ['active-participant', 'no-arrears', 'has-regulation', 'has-coverage-data'] as const;

/** A category candidates enter; a special award's own category is set up on its own tab. */
type OrdinaryCategory = Category & { family: CategoryInput['family'] };
const isOrdinary = (c: Category): c is OrdinaryCategory => c.family !== 'khusus';

export function CategoriesTab({ edition, admin }: { edition: EditionDetail; admin: boolean }) {
  const { t, i18n } = useTranslation();
  const editable = admin && edition.allowed.editStructure;
  const catalogue = useQuery({ queryKey: ['catalogue'], queryFn: () => get<CategoryInput[]>('/api/catalogue/categories'), enabled: editable });
  const add = useEditionWrite<{ body: CategoryInput }>(edition.id, 'POST', () => '/categories');
  const remove = useEditionWrite<{ id: string }>(edition.id, 'DELETE', (i) => `/categories/${i.id}`);
  const [editing, setEditing] = useState<OrdinaryCategory | null>(null);
  const categories = edition.categories.filter(isOrdinary);
  const available = (catalogue.data ?? []).filter((c) => !edition.categories.some((e) => e.code === c.code));
  const levelCodes = edition.levels.map((l) => l.code);
  return (
    <Stack>
      {!edition.allowed.editStructure ? <Alert color="yellow">{t('setup.lockedStructure')}</Alert> : null}
      <ErrorAlert error={add.error ?? remove.error} />
      {editable ? (
        <Group>
          <Menu>
            <Menu.Target>
              <Button color="teal" disabled={available.length === 0}>
                {t('setup.addFromCatalogue')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('setup.catalogueHint')}</Menu.Label>
              {available.map((c) => (
                <Menu.Item key={c.code} onClick={() => add.mutate({ body: { ...c, levels: c.levels.filter((l) => levelCodes.includes(l)) } })}>
                  {i18n.language === 'en' ? c.nameEn : c.nameId}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      ) : null}
      {categories.length === 0 ? (
        <Text c="dimmed">{t('setup.noCategories')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('setup.name')}</Table.Th>
                <Table.Th>{t('setup.family')}</Table.Th>
                <Table.Th>{t('setup.levels')}</Table.Th>
                <Table.Th>{t('setup.awards')}</Table.Th>
                <Table.Th>{t('setup.advance')}</Table.Th>
                <Table.Th>{t('setup.eligibility')}</Table.Th>
                {editable ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {categories.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {i18n.language === 'en' ? c.nameEn : c.nameId}
                    <Text size="xs" c="dimmed">
                      {c.code} ·{' '}
                      <AnchorLink to="/editions/$id/categories/$categoryId/instrument" params={{ id: edition.id, categoryId: c.id }} size="xs" underline="always">
                        {t('instrument.link')}
                      </AnchorLink>
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`families.${c.family}`)}</Table.Td>
                  <Table.Td>{c.levels.map((l) => edition.levels.find((x) => x.code === l)?.name ?? l).join(', ')}</Table.Td>
                  <Table.Td>{c.awards}</Table.Td>
                  <Table.Td>{c.advance}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {c.eligibility.map((r) => (
                        <Badge key={r} variant="outline" size="sm">
                          {t(`rules.${r}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  {editable ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => setEditing(c)}>
                          {t('common.edit')}
                        </Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate({ id: c.id })}>
                          {t('common.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing ? <CategoryModal edition={edition} category={editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}

function CategoryModal({ edition, category, onClose }: { edition: EditionDetail; category: OrdinaryCategory; onClose: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<CategoryInput>({ ...category });
  const save = useEditionWrite<{ body: CategoryInput }>(edition.id, 'PATCH', () => `/categories/${category.id}`);
  const fields = useFieldErrors(['nameId', 'nameEn', 'levels', 'awards', 'advance', 'eligibility'], 'category');
  return (
    <Modal opened onClose={onClose} title={t('common.edit')}>
      <Stack>
        <ErrorAlert error={save.error} {...fields.alert} />
        <TextInput label={t('setup.nameId')} required value={form.nameId} error={fields.errors.nameId} onChange={(e) => setForm({ ...form, nameId: e.currentTarget.value })} />
        <TextInput label={t('setup.nameEn')} required value={form.nameEn} error={fields.errors.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.currentTarget.value })} />
        <MultiSelect label={t('setup.levels')} required data={edition.levels.map((l) => ({ value: l.code, label: l.name }))} value={form.levels} error={fields.errors.levels} onChange={(levels) => setForm({ ...form, levels })} />
        <Group grow align="flex-start">
          <NumberInput label={t('setup.awards')} min={1} max={10} value={form.awards} error={fields.errors.awards} onChange={(v) => setForm({ ...form, awards: Number(v) })} />
          <NumberInput label={t('setup.advance')} min={0} max={10} value={form.advance} error={fields.errors.advance} onChange={(v) => setForm({ ...form, advance: Number(v) })} />
        </Group>
        <MultiSelect
          label={t('setup.eligibility')}
          data={rules.map((r) => ({ value: r, label: t(`rules.${r}`) }))}
          value={form.eligibility}
          error={fields.errors.eligibility}
          onChange={(v) => setForm({ ...form, eligibility: v })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="teal" loading={save.isPending} onClick={() => {
              // Required fields first, in the user's language, before anything is sent.
              if (fields.check({ nameId: form.nameId, nameEn: form.nameEn, levels: form.levels })) save.mutate({ body: form }, { onSuccess: onClose, onError: fields.refused });
            }}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
