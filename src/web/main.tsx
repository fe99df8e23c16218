import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './styles.css';
import './i18n.ts';
import { SessionProvider } from './auth.tsx';
import { router } from './router.tsx';
import { cssVariablesResolver, themeFor } from './theme.ts';

/** The nonce the server's Content-Security-Policy allows inline <style> elements with (none under the dev server). */
const styleNonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
// Mantine's modals lock scrolling with a <style> element of their own (react-remove-scroll, through get-nonce),
// which takes its nonce from this global.
(window as Window & { __webpack_nonce__?: string }).__webpack_nonce__ = styleNonce;
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

/** Mantine with the theme of the page's language (its number format follows a language switch). */
function Themed({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const theme = useMemo(() => themeFor(i18n.language), [i18n.language]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} getStyleNonce={() => styleNonce ?? ''}>
      {children}
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Themed>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </Themed>
  </StrictMode>,
);
