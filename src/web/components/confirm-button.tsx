import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A button for an action that cannot be undone: it first opens a dialog
 * saying what will happen, and acts only once that is confirmed.
 */
export function ConfirmButton({
  children,
  title,
  consequence,
  confirmLabel,
  onConfirm,
  ...button
}: ButtonProps & { children: ReactNode; title: string; consequence: string; confirmLabel: string; onConfirm: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title}>
        <Stack>
          <Text size="sm">{consequence}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color={button.color ?? 'teal'}
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
