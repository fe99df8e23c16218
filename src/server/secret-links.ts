/**
 * Links that carry a secret: the web app's invitations (`/undangan/<token>`,
 * staff: `/undangan-staf/<token>`)
 * and password reset (`/atur-ulang-sandi/<token>`) pages. Their tokens are
 * kept out of the request log and, once an e-mail has gone, out of the outbox.
 */
const invitationLink = /(\/undangan(?:-staf)?\/)[^/?#\s]+/g;
const resetLink = /(\/atur-ulang-sandi\/)[^/?#\s]+/g;
/** Query parameters whose values are never logged. */
const secretParams = /([?&](?:token|password|next|redirect)=)[^&#]*/gi;

/** A request URL as it may be logged: tokens in the path and the query replaced. */
export function redactUrl(url: string): string {
  return url.replace(invitationLink, '$1[redacted]').replace(resetLink, '$1[redacted]').replace(secretParams, '$1[redacted]');
}

/**
 * An e-mail's text as an admin may read it in the outbox: a reset link never
 * (it is for its addressee alone), an invitation link only while the message
 * has not been delivered (without SMTP the admin passes it on by hand).
 */
export function outboxText(body: string, delivered: boolean): string {
  const text = body.replace(resetLink, '$1[disembunyikan / hidden]');
  return delivered ? text.replace(invitationLink, '$1[disembunyikan setelah terkirim / hidden once sent]') : text;
}
