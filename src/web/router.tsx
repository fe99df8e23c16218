import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Navigate, Outlet } from '@tanstack/react-router';
import { Center, Loader } from '@mantine/core';
import { useSession } from './auth.tsx';
import { Layout } from './components/layout.tsx';
import { LoginPage } from './pages/login.tsx';
import { EditionsPage } from './pages/editions.tsx';
import { EditionPage } from './pages/edition/index.tsx';
import { UsersPage } from './pages/users.tsx';
import { AuditPage } from './pages/audit.tsx';
import { ShortlistPage } from './pages/coverage/shortlist.tsx';
import { DisputesPage } from './pages/coverage/disputes.tsx';
import { FiguresPage } from './pages/coverage/figures.tsx';
import { CandidatePage } from './pages/candidate/index.tsx';
import { PublicLayout } from './components/public-layout.tsx';
import { PublicEditionsPage } from './pages/public/editions.tsx';
import { PublicEditionPage } from './pages/public/edition.tsx';
import { PublicResultPage } from './pages/public/result.tsx';
import { VerifyFormPage, VerifyPage } from './pages/public/verify.tsx';
import { EditionPublicationPage } from './pages/publication/edition.tsx';
import { PoolPublicationPage } from './pages/publication/pool.tsx';
import { PressReleasePage } from './pages/publication/press-release.tsx';
import { ImportEditionPage } from './pages/publication/import.tsx';

/** Signed-in pages; the server decides what each role may do. */
function RequireSession() {
  const { me, loading } = useSession();
  if (loading) {
    return (
      <Center mih="100vh">
        <Loader aria-label="…" />
      </Center>
    );
  }
  if (!me) return <Navigate to="/login" />;
  return <Layout />;
}

const root = createRootRoute({ component: Outlet });
const login = createRoute({ getParentRoute: () => root, path: '/login', component: LoginPage });
const app = createRoute({ getParentRoute: () => root, id: 'app', component: RequireSession });
const editions = createRoute({ getParentRoute: () => app, path: '/', component: EditionsPage });
const edition = createRoute({ getParentRoute: () => app, path: '/editions/$id', component: EditionPage });
// Loaded on demand: its chart library would otherwise weigh on every page, the public ones on phones included.
const coverage = createRoute({ getParentRoute: () => app, path: '/editions/$id/coverage', component: lazyRouteComponent(() => import('./pages/coverage/index.tsx'), 'CoveragePage') });
const shortlist = createRoute({ getParentRoute: () => app, path: '/editions/$id/shortlist', component: ShortlistPage });
const disputes = createRoute({ getParentRoute: () => app, path: '/editions/$id/disputes', component: DisputesPage });
const figures = createRoute({ getParentRoute: () => app, path: '/candidates/$id/figures', component: FiguresPage });
const candidate = createRoute({ getParentRoute: () => app, path: '/candidates/$id', component: CandidatePage });
const users = createRoute({ getParentRoute: () => app, path: '/users', component: UsersPage });
const audit = createRoute({ getParentRoute: () => app, path: '/audit', component: AuditPage });
const editionPublication = createRoute({ getParentRoute: () => app, path: '/editions/$id/publication', component: EditionPublicationPage });
const poolPublication = createRoute({ getParentRoute: () => app, path: '/pools/$id/publication', component: PoolPublicationPage });
const pressRelease = createRoute({ getParentRoute: () => app, path: '/press-releases/$id', component: PressReleasePage });
const importEdition = createRoute({ getParentRoute: () => app, path: '/editions/import', component: ImportEditionPage });

/** Public pages: no sign-in. */
const publicSite = createRoute({ getParentRoute: () => root, id: 'public', component: PublicLayout });
const portal = createRoute({ getParentRoute: () => publicSite, path: '/publik', component: PublicEditionsPage });
const portalEdition = createRoute({ getParentRoute: () => publicSite, path: '/publik/$editionId', component: PublicEditionPage });
const portalResult = createRoute({ getParentRoute: () => publicSite, path: '/publik/hasil/$poolId', component: PublicResultPage });
const verifyForm = createRoute({ getParentRoute: () => publicSite, path: '/verifikasi', component: VerifyFormPage });
const verify = createRoute({ getParentRoute: () => publicSite, path: '/verifikasi/$code', component: VerifyPage });
const publicRoutes = publicSite.addChildren([portal, portalEdition, portalResult, verifyForm, verify]);
const publicationRoutes = [editionPublication, poolPublication, pressRelease, importEdition];

export const router = createRouter({
  routeTree: root.addChildren([login, publicRoutes, app.addChildren([editions, edition, coverage, shortlist, disputes, figures, candidate, users, audit, ...publicationRoutes])]),
});

declare module '@tanstack/react-router' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface Register {
    router: typeof router;
  }
}
