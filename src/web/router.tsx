import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { Center, Loader } from '@mantine/core';
import { useSession } from './auth.tsx';
import { Layout } from './components/layout.tsx';
import { LoginPage } from './pages/login.tsx';
import { SsoRefusedPage, ssoRefusals, type SsoRefusal } from './pages/sso-refused.tsx';
import { EditionsPage } from './pages/editions.tsx';
import { Home } from './pages/home.tsx';
import { EditionPage } from './pages/edition/index.tsx';
import { UsersPage } from './pages/users/index.tsx';
import { StaffInvitationPage } from './pages/staff-invitation.tsx';
import { AuditPage } from './pages/audit.tsx';
import { ShortlistPage } from './pages/coverage/shortlist.tsx';
import { DisputesPage } from './pages/coverage/disputes.tsx';
import { FiguresPage } from './pages/coverage/figures.tsx';
import { CandidatePage } from './pages/candidate/index.tsx';
import { FeedbackPage } from './pages/candidate/feedback.tsx';
import { PanelsPage } from './pages/panels/index.tsx';
import { ZonesPage } from './pages/zones/index.tsx';
import { InstrumentPage } from './pages/edition/instrument.tsx';
import { PoolPage } from './pages/pool/index.tsx';
import { MyAssessmentsPage } from './pages/marking/index.tsx';
import { MarkingSheetPage } from './pages/marking/sheet.tsx';
import { JurorProfilePage } from './pages/marking/profile.tsx';
import { CandidatesPage } from './pages/candidates/list.tsx';
import { NominatePage } from './pages/candidates/nominate.tsx';
import { ImportPage } from './pages/candidates/import.tsx';
import { ProgressPage } from './pages/candidates/progress.tsx';
import { RecapPage } from './pages/recap/index.tsx';
import { VerificationQueuePage } from './pages/verification/queue.tsx';
import { OutboxPage } from './pages/outbox.tsx';
import { NotificationsPage } from './pages/notifications/index.tsx';
import { TemplatesPage } from './pages/notifications/templates.tsx';
import { InvitationPage } from './pages/invitation.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/password-reset.tsx';
import { AccountPage } from './pages/account.tsx';
import { RegisterConfirmPage, RegisterPage } from './pages/register.tsx';
import { PublicLayout } from './components/public-layout.tsx';
import { PublicEditionsPage } from './pages/public/editions.tsx';
import { PublicEditionPage } from './pages/public/edition.tsx';
import { PublicResultPage } from './pages/public/result.tsx';
import { PublicOrganisationPage } from './pages/public/organisation.tsx';
import { OrganisationPage } from './pages/organisation/index.tsx';
import { VerifyFormPage, VerifyPage } from './pages/public/verify.tsx';
import { EditionPublicationPage } from './pages/publication/edition.tsx';
import { PoolPublicationPage } from './pages/publication/pool.tsx';
import { PressReleasePage } from './pages/publication/press-release.tsx';
import { ImportEditionPage } from './pages/publication/import.tsx';

/** Signed-in pages; the server decides what each role may do. */
function RequireSession() {
  const { me, loading } = useSession();
  const path = useRouterState({ select: (s) => s.location.pathname });
  if (loading) {
    return (
      <Center mih="100vh">
        <Loader aria-label="…" />
      </Center>
    );
  }
  if (!me) return <Navigate to="/login" />;
  // An admin who must switch on two-step verification is led to the account page before anything else.
  if (me.twoFactor.setupRequired && path !== '/akun') return <Navigate to="/akun" />;
  return <Layout />;
}

const root = createRootRoute({ component: Outlet });
/** `next`: a path of this app to open after signing in; anything else is dropped. */
const nextPath = (value: unknown): string | undefined => (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : undefined);
const login = createRoute({
  getParentRoute: () => root,
  path: '/login',
  component: LoginPage,
  // `langkah=kode`: a single sign-on came back and the two-factor code is owed.
  validateSearch: (search: Record<string, unknown>): { next?: string | undefined; langkah?: 'kode' | undefined } => ({
    next: nextPath(search.next),
    langkah: search.langkah === 'kode' ? 'kode' : undefined,
  }),
});
const ssoRefused = createRoute({
  getParentRoute: () => root,
  path: '/sso-gagal',
  component: SsoRefusedPage,
  validateSearch: (search: Record<string, unknown>): { alasan: SsoRefusal } => ({
    alasan: ssoRefusals.includes(search.alasan as SsoRefusal) ? (search.alasan as SsoRefusal) : 'failed',
  }),
});
const forgotPassword = createRoute({ getParentRoute: () => root, path: '/lupa-sandi', component: ForgotPasswordPage });
const resetPassword = createRoute({ getParentRoute: () => root, path: '/atur-ulang-sandi/$token', component: ResetPasswordPage });
const account = createRoute({ getParentRoute: () => app, path: '/akun', component: AccountPage });
const app = createRoute({ getParentRoute: () => root, id: 'app', component: RequireSession });
const invitation = createRoute({ getParentRoute: () => root, path: '/undangan/$token', component: InvitationPage });
const staffInvitation = createRoute({ getParentRoute: () => root, path: '/undangan-staf/$token', component: StaffInvitationPage });
const register = createRoute({ getParentRoute: () => root, path: '/daftar', component: RegisterPage });
const registerConfirm = createRoute({ getParentRoute: () => root, path: '/daftar/konfirmasi/$token', component: RegisterConfirmPage });
const home = createRoute({ getParentRoute: () => app, path: '/', component: Home });
const editions = createRoute({ getParentRoute: () => app, path: '/editions', component: EditionsPage });
const edition = createRoute({ getParentRoute: () => app, path: '/editions/$id', component: EditionPage });
// Loaded on demand: its chart library would otherwise weigh on every page, the public ones on phones included.
const coverage = createRoute({ getParentRoute: () => app, path: '/editions/$id/coverage', component: lazyRouteComponent(() => import('./pages/coverage/index.tsx'), 'CoveragePage') });
const shortlist = createRoute({ getParentRoute: () => app, path: '/editions/$id/shortlist', component: ShortlistPage });
const disputes = createRoute({ getParentRoute: () => app, path: '/editions/$id/disputes', component: DisputesPage });
const candidates = createRoute({ getParentRoute: () => app, path: '/editions/$id/candidates', component: CandidatesPage });
const nominate = createRoute({ getParentRoute: () => app, path: '/editions/$id/candidates/new', component: NominatePage });
const importSheet = createRoute({ getParentRoute: () => app, path: '/editions/$id/candidates/import', component: ImportPage });
const progress = createRoute({ getParentRoute: () => app, path: '/editions/$id/progress', component: ProgressPage });
const recap = createRoute({ getParentRoute: () => app, path: '/editions/$id/recap', component: RecapPage });
const queue = createRoute({ getParentRoute: () => app, path: '/editions/$id/verification', component: VerificationQueuePage });
const outbox = createRoute({ getParentRoute: () => app, path: '/outbox', component: OutboxPage });
const notificationCentre = createRoute({ getParentRoute: () => app, path: '/notifikasi', component: NotificationsPage });
const messageTemplates = createRoute({ getParentRoute: () => app, path: '/templat-pesan', component: TemplatesPage });
const figures = createRoute({ getParentRoute: () => app, path: '/candidates/$id/figures', component: FiguresPage });
const candidate = createRoute({ getParentRoute: () => app, path: '/candidates/$id', component: CandidatePage });
const feedback = createRoute({ getParentRoute: () => app, path: '/candidates/$id/feedback', component: FeedbackPage });
const organisation = createRoute({ getParentRoute: () => app, path: '/organisasi/$key', component: OrganisationPage });
const users = createRoute({ getParentRoute: () => app, path: '/users', component: UsersPage });
const audit = createRoute({ getParentRoute: () => app, path: '/audit', component: AuditPage });
const instrument = createRoute({ getParentRoute: () => app, path: '/editions/$id/categories/$categoryId/instrument', component: InstrumentPage });
const panels = createRoute({ getParentRoute: () => app, path: '/editions/$id/panels', component: PanelsPage });
const zones = createRoute({ getParentRoute: () => app, path: '/editions/$id/zones', component: ZonesPage });
const pool = createRoute({ getParentRoute: () => app, path: '/pools/$id', component: PoolPage });
const sheet = createRoute({ getParentRoute: () => app, path: '/pools/$poolId/sheets/$candidateId', component: MarkingSheetPage });
const marking = createRoute({ getParentRoute: () => app, path: '/penilaian', component: MyAssessmentsPage });
const jurorProfile = createRoute({ getParentRoute: () => app, path: '/profil-juri', component: JurorProfilePage });

const editionPublication = createRoute({ getParentRoute: () => app, path: '/editions/$id/publication', component: EditionPublicationPage });
const poolPublication = createRoute({ getParentRoute: () => app, path: '/pools/$id/publication', component: PoolPublicationPage });
const pressRelease = createRoute({ getParentRoute: () => app, path: '/press-releases/$id', component: PressReleasePage });
const importEdition = createRoute({ getParentRoute: () => app, path: '/editions/import', component: ImportEditionPage });

/** Public pages: no sign-in. */
const publicSite = createRoute({ getParentRoute: () => root, id: 'public', component: PublicLayout });
const portal = createRoute({ getParentRoute: () => publicSite, path: '/publik', component: PublicEditionsPage });
const portalEdition = createRoute({ getParentRoute: () => publicSite, path: '/publik/$editionId', component: PublicEditionPage });
const portalResult = createRoute({ getParentRoute: () => publicSite, path: '/publik/hasil/$poolId', component: PublicResultPage });
const portalOrganisation = createRoute({ getParentRoute: () => publicSite, path: '/publik/organisasi/$key', component: PublicOrganisationPage });
const verifyForm = createRoute({ getParentRoute: () => publicSite, path: '/verifikasi', component: VerifyFormPage });
const verify = createRoute({ getParentRoute: () => publicSite, path: '/verifikasi/$code', component: VerifyPage });
const publicRoutes = publicSite.addChildren([portal, portalEdition, portalResult, portalOrganisation, verifyForm, verify]);
const publicationRoutes = [editionPublication, poolPublication, pressRelease, importEdition];

export const router = createRouter({
  routeTree: root.addChildren([
    login,
    ssoRefused,
    forgotPassword,
    resetPassword,
    invitation,
    staffInvitation,
    register,
    registerConfirm,
    publicRoutes,
    app.addChildren([
      home, editions, edition, coverage, shortlist, disputes, candidates, nominate, importSheet, progress, queue, outbox, notificationCentre, messageTemplates, figures, candidate, organisation, users, audit,
      panels, pool, sheet, marking, jurorProfile, instrument, account, zones,
      recap,
      feedback,
      ...publicationRoutes,
    ]),
  ]),
});

declare module '@tanstack/react-router' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface Register {
    router: typeof router;
  }
}
