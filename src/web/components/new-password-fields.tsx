import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A new password typed twice, with the rules as a hint and the mismatch shown on the second field. */
export function NewPasswordFields({
  value,
  repeat,
  onChange,
  onRepeatChange,
  mt,
}: {
  value: string;
  repeat: string;
  onChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  mt?: string;
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
        onChange={(e) => onChange(e.currentTarget.value)}
        mt={mt}
      />
      <PasswordInput
        label={t('account.repeatPassword')}
        autoComplete="new-password"
        required
        value={repeat}
        error={mismatch ? t('account.mismatch') : null}
        onChange={(e) => onRepeatChange(e.currentTarget.value)}
        mt={mt}
      />
    </>
  );
}
