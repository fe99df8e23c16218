import type { staffId } from './staff.id.ts';

/** English: staff accounts managed by the national and provincial committees, invitations, bulk invitation. */
export const staffEn: typeof staffId = {
  staff: {
    tabs: { accounts: 'Accounts', invitations: 'Invitations', bulk: 'Invite from a sheet' },
    provincialHint: 'You manage the verifiers, jurors and candidate users of your province. Provincial admins are appointed by the national admin.',
    noUsers: 'No accounts you manage yet.',
    invite: 'Invite by e-mail: the person chooses their own password',
    invited: 'Account created; the invitation link is in the outbox.',
    invitation: 'Invitation',
    scope: 'Branch office area (optional)',
    scopeHint: 'Leave empty for the whole province. When filled in, the verifier sees and verifies only the candidates of these regencies/cities.',
    editRoles: 'Change role',
    status: { open: 'Open', expired: 'Expired', revoked: 'Revoked', accepted: 'Accepted' },
    sentAt: 'Sent',
    expiresAt: 'Valid until',
    revoke: 'Revoke',
    resend: 'Re-send',
    resent: 'A new link is in the outbox; the old link no longer works.',
    noInvitations: 'No invitations yet.',
    bulk: {
      title: 'Invite staff from a sheet',
      hint: 'Upload an XLSX or CSV file made from the template. Every row is saved, or none: when there are errors, each bad row is named with its column and the reason. Each person receives a link to choose their own password.',
      template: 'Template (header row only)',
      role: 'Invite as',
      panel: 'Seat on an assessment panel (optional)',
      panelHint: 'When chosen, the unsur column is required and jabatan_panel (chair, secretary, member) is used.',
      edition: 'Edition',
      start: 'Invite',
      done: '{{invited}} people invited, {{seated}} seated on the panel.',
      failed: 'File refused; nothing was saved',
    },
  },
  staffInvite: {
    title: 'Activate your account',
    hint: 'You are invited to the Paritrana Award application as {{email}}. Check your name and choose a password.',
    validUntil: 'The link works until {{date}}.',
    name: 'Full name',
    submit: 'Activate account',
    done: 'Your account is active. Sign in with your e-mail and new password.',
    login: 'Sign in',
  },
};
