import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A new password typed twice, with the rules as a hint and the mismatch shown on the second field. */
export function NewPasswordFields({
  value,
  repeat,
  onChange,
  onRepeatChange,
  mt,
  error,
  repeatError,
}: {
  value: string;
  repeat: string;
  onChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  mt?: string;
  /** The server's or the form's word on the new password, and on the repeat (a mismatch found on sending). */
  error?: string | undefined;
  repeatError?: string | undefined;
}) {
  const { t } = useTranslation();
  const mismatch = repeat !== '' && repeat !== value;
  return (
    <>
      <PasswordInput
        label={t('account.newPassword')}
        description={t('account.passwordHint')}
        autoComplete="new-password"
        required
        value={value}
        error={error}
        // Mantine marks a password field's error by a data attribute only: screen readers hear it by aria-invalid.
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
        mt={mt}
      />
      <PasswordInput
        label={t('account.repeatPassword')}
        autoComplete="new-password"
        required
        value={repeat}
        error={mismatch ? t('account.mismatch') : (repeatError ?? null)}
        aria-invalid={mismatch || repeatError ? true : undefined}
        onChange={(e) => onRepeatChange(e.currentTarget.value)}
        mt={mt}
      />
    </>
  );
}
