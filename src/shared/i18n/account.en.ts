import type { accountId } from './account.id.ts';

/** English: one's own account, forgotten and reset passwords. */
export const accountEn: typeof accountId = {
  account: {
    nav: 'My account',
    title: 'My account',
    name: 'Name',
    email: 'E-mail',
    roles: 'Roles',
    changePassword: 'Change password',
    changeHint: 'Once the password is changed, your sessions on other devices end.',
    currentPassword: 'Current password',
    newPassword: 'New password',
    repeatPassword: 'Repeat the new password',
    passwordHint: 'At least 12 characters; common or breached passwords are refused.',
    mismatch: 'The two new passwords differ.',
    save: 'Save the new password',
    changed: 'Password changed. Sessions on other devices have ended.',
  },
  forgot: {
    title: 'Forgotten password',
    hint: 'Enter the e-mail of your account. If it is registered, we send a link to choose a new password; it works once, for an hour.',
    email: 'E-mail',
    submit: 'Send the link',
    sent: 'If that e-mail is registered, the link is on its way. Check your inbox (and spam folder).',
    back: 'Back to sign-in',
  },
  reset: {
    title: 'Choose a new password',
    hint: 'Once the new password is saved, every session of this account ends; sign in again with the new password.',
    submit: 'Save the password',
    done: 'The new password is saved. Please sign in.',
    login: 'Sign in',
  },
};
