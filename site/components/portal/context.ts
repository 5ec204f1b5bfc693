// What every portal component needs: the translator and the locale of the page.
import { createContext, useContext } from 'react';
import type { Translate } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';

export type PortalContextValue = { t: Translate; locale: Locale };

export const PortalContext = createContext<PortalContextValue>({ t: (k) => k, locale: 'en' });

export const usePortal = () => useContext(PortalContext);
